import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BranchesOutlined,
  CarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  CompassOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FlagOutlined,
  FundOutlined,
  IdcardOutlined,
  InboxOutlined,
  LineChartOutlined,
  MobileOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WarningOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { useMe } from '../modules/auth/hooks/useMe.ts';
import type { Permission } from '../modules/auth/types.ts';

interface Destination {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  permission?: Permission;
}

const DESTINATIONS: readonly Destination[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined />, testId: 'menu-dashboard' },
  {
    path: '/orgs',
    label: 'nav.orgs',
    icon: <ApartmentOutlined />,
    testId: 'menu-orgs',
    permission: 'org.read',
  },
  {
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    testId: 'menu-users',
    permission: 'user.read',
  },
  {
    path: '/roles',
    label: 'nav.roles',
    icon: <SafetyCertificateOutlined />,
    testId: 'menu-roles',
    permission: 'role.manage',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    testId: 'menu-audit',
    permission: 'audit.read',
  },
  { path: '/profile', label: 'nav.profile', icon: <UserOutlined />, testId: 'menu-profile' },
];

/** Maritime search and rescue: a submenu of its own pages. */
const MARITIME: readonly Destination[] = [
  {
    path: '/maritime/vessels',
    label: 'nav.maritime-vessels',
    icon: <CompassOutlined />,
    testId: 'menu-maritime-vessels',
    permission: 'maritime.read',
  },
  {
    path: '/maritime/incidents',
    label: 'nav.maritime-incidents',
    icon: <WarningOutlined />,
    testId: 'menu-maritime-incidents',
    permission: 'maritime.read',
  },
  {
    path: '/maritime/planning',
    label: 'nav.maritime-planning',
    icon: <AimOutlined />,
    testId: 'menu-maritime-planning',
    permission: 'maritime.read',
  },
  {
    path: '/maritime/feeds',
    label: 'nav.maritime-feeds',
    icon: <WifiOutlined />,
    testId: 'menu-maritime-feeds',
    permission: 'maritime.manage',
  },
];

/** Key operating vehicles (重点营运车辆): the live monitor and the alarm board. */
const VEHICLES: readonly Destination[] = [
  {
    path: '/vehicles/monitor',
    label: 'nav.vehicles-monitor',
    icon: <EnvironmentOutlined />,
    testId: 'menu-vehicles-monitor',
    permission: 'vehicle.read',
  },
  {
    path: '/vehicles/alarms',
    label: 'nav.vehicles-alarms',
    icon: <BellOutlined />,
    testId: 'menu-vehicles-alarms',
    permission: 'vehicle.read',
  },
  {
    path: '/vehicles/forwarded',
    label: 'nav.vehicles-forwarded',
    icon: <CloudUploadOutlined />,
    testId: 'menu-vehicles-forwarded',
    permission: 'vehicle.read',
  },
  {
    path: '/vehicles/speed-zones',
    label: 'nav.vehicles-speed-zones',
    icon: <DashboardOutlined />,
    testId: 'menu-vehicles-speed-zones',
    permission: 'vehicle.read',
  },
  {
    path: '/vehicles/platform-links',
    label: 'nav.vehicles-platform-links',
    icon: <SwapOutlined />,
    testId: 'menu-vehicles-platform-links',
    permission: 'vehicle.manage',
  },
];

/** 12328 hotline: the agent desk, tickets, the unit inbox, the centre's queues and callbacks. */
const HOTLINE: readonly Destination[] = [
  {
    path: '/hotline/desk',
    label: 'nav.hotline-desk',
    icon: <CustomerServiceOutlined />,
    testId: 'menu-hotline-desk',
    permission: 'hotline.intake',
  },
  {
    path: '/hotline/tickets',
    label: 'nav.hotline-tickets',
    icon: <UnorderedListOutlined />,
    testId: 'menu-hotline-tickets',
    permission: 'hotline.read',
  },
  {
    path: '/hotline/inbox',
    label: 'nav.hotline-inbox',
    icon: <InboxOutlined />,
    testId: 'menu-hotline-inbox',
    permission: 'hotline.handle',
  },
  {
    path: '/hotline/review',
    label: 'nav.hotline-review',
    icon: <CheckSquareOutlined />,
    testId: 'menu-hotline-review',
    permission: 'hotline.supervise',
  },
  {
    path: '/hotline/callbacks',
    label: 'nav.hotline-callbacks',
    icon: <PhoneOutlined />,
    testId: 'menu-hotline-callbacks',
    permission: 'hotline.supervise',
  },
  {
    path: '/hotline/transfers',
    label: 'nav.hotline-transfers',
    icon: <SwapOutlined />,
    testId: 'menu-hotline-transfers',
    permission: 'hotline.intake',
  },
];

/** 12328 hotline management: knowledge base, supervision board, statistics, categories and routing. */
const HOTLINE_ADMIN: readonly Destination[] = [
  {
    path: '/hotline-admin/kb',
    label: 'nav.hotline-admin-kb',
    icon: <BookOutlined />,
    testId: 'menu-hotline-admin-kb',
    permission: 'hotline.read',
  },
  {
    path: '/hotline-admin/supervision',
    label: 'nav.hotline-admin-supervision',
    icon: <FlagOutlined />,
    testId: 'menu-hotline-admin-supervision',
    permission: 'hotline.supervise',
  },
  {
    path: '/hotline-admin/stats',
    label: 'nav.hotline-admin-stats',
    icon: <PieChartOutlined />,
    testId: 'menu-hotline-admin-stats',
    permission: 'hotline.read',
  },
  {
    path: '/hotline-admin/routing',
    label: 'nav.hotline-admin-routing',
    icon: <BranchesOutlined />,
    testId: 'menu-hotline-admin-routing',
    permission: 'hotline.read',
  },
];

/** Statistical reporting (统计报表): to-do, aggregate, completeness (催报), analytics. */
const STATS: readonly Destination[] = [
  {
    path: '/stats/inbox',
    label: 'nav.stats-inbox',
    icon: <InboxOutlined />,
    testId: 'menu-stats-inbox',
    permission: 'stats.read',
  },
  {
    path: '/stats/aggregate',
    label: 'nav.stats-aggregate',
    icon: <FundOutlined />,
    testId: 'menu-stats-aggregate',
    permission: 'stats.read',
  },
  {
    path: '/stats/completeness',
    label: 'nav.stats-completeness',
    icon: <CheckSquareOutlined />,
    testId: 'menu-stats-completeness',
    permission: 'stats.read',
  },
  {
    path: '/stats/analytics',
    label: 'nav.stats-analytics',
    icon: <LineChartOutlined />,
    testId: 'menu-stats-analytics',
    permission: 'stats.read',
  },
  {
    path: '/stats/forms',
    label: 'nav.stats-forms',
    icon: <ProfileOutlined />,
    testId: 'menu-stats-forms',
    permission: 'stats.manage',
  },
  {
    path: '/stats/exchange',
    label: 'nav.stats-exchange',
    icon: <SwapOutlined />,
    testId: 'menu-stats-exchange',
    permission: 'stats.fill',
  },
  {
    path: '/stats/rule-runs',
    label: 'nav.stats-rule-runs',
    icon: <AuditOutlined />,
    testId: 'menu-stats-rule-runs',
    permission: 'stats.read',
  },
  {
    path: '/stats/review-skips',
    label: 'nav.stats-review-skips',
    icon: <ApartmentOutlined />,
    testId: 'menu-stats-review-skips',
    permission: 'stats.read',
  },
];

/** Business systems on the roadmap, shown greyed so users see where the platform is going. */
const UPCOMING: readonly { key: string; label: MessageKey; icon: ReactNode }[] = [
  { key: 'enforcement', label: 'nav.enforcement', icon: <FileProtectOutlined /> },
  { key: 'ride-hailing', label: 'nav.ride-hailing', icon: <MobileOutlined /> },
  { key: 'licensing', label: 'nav.licensing', icon: <IdcardOutlined /> },
  { key: 'catalog', label: 'nav.catalog', icon: <DatabaseOutlined /> },
  { key: 'services', label: 'nav.services', icon: <SolutionOutlined /> },
];

// Submenus (maritime, vehicles) select by their first two path segments, the rest by the first.
const SUBMENUS = new Set(['maritime', 'vehicles', 'hotline', 'hotline-admin', 'stats']);
const selectedKeyOf = (pathname: string): string => {
  const [, first, second] = pathname.split('/');
  if (first && second && SUBMENUS.has(first)) return `/${first}/${second}`;
  return first ? `/${first}` : '/';
};

export interface SideMenuProps {
  collapsed: boolean;
}

export function SideMenu({ collapsed }: SideMenuProps) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();

  const allowed = (d: Destination) => !d.permission || me.permissions.includes(d.permission);
  const entry = (d: Omit<Destination, 'permission'>) => ({
    key: d.path,
    icon: d.icon,
    label: <span data-testid={d.testId}>{t(d.label)}</span>,
  });
  const maritime = MARITIME.filter(allowed).map(entry);
  const vehicles = VEHICLES.filter(allowed).map(entry);
  const hotline = HOTLINE.filter(allowed).map(entry);
  const hotlineAdmin = HOTLINE_ADMIN.filter(allowed).map(entry);
  const stats = STATS.filter(allowed).map(entry);
  const items: MenuProps['items'] = [
    ...DESTINATIONS.filter(allowed).map(entry),
    ...(maritime.length > 0
      ? [
          {
            key: 'maritime',
            icon: <AlertOutlined />,
            label: <span data-testid="menu-maritime">{t('nav.maritime')}</span>,
            children: maritime,
          },
        ]
      : []),
    ...(vehicles.length > 0
      ? [
          {
            key: 'vehicles',
            icon: <CarOutlined />,
            label: <span data-testid="menu-vehicles">{t('nav.vehicles')}</span>,
            children: vehicles,
          },
        ]
      : []),
    ...(hotline.length > 0
      ? [
          {
            key: 'hotline',
            icon: <CustomerServiceOutlined />,
            label: <span data-testid="menu-hotline">{t('nav.hotline')}</span>,
            children: hotline,
          },
        ]
      : []),
    ...(hotlineAdmin.length > 0
      ? [
          {
            key: 'hotline-admin',
            icon: <CustomerServiceOutlined />,
            label: <span data-testid="menu-hotline-admin">{t('nav.hotline-admin')}</span>,
            children: hotlineAdmin,
          },
        ]
      : []),
    ...(stats.length > 0
      ? [
          {
            key: 'stats',
            icon: <BarChartOutlined />,
            label: <span data-testid="menu-stats">{t('nav.stats')}</span>,
            children: stats,
          },
        ]
      : []),
    { type: 'divider' as const },
    {
      type: 'group' as const,
      key: 'upcoming',
      label: collapsed ? null : t('nav.business-systems'),
      children: UPCOMING.map((u) => ({
        key: `upcoming-${u.key}`,
        icon: u.icon,
        disabled: true,
        label: (
          <span data-testid={`menu-upcoming-${u.key}`}>
            {t(u.label)}
            <Tag
              variant="filled"
              style={{
                marginInlineStart: 6,
                fontSize: 11,
                lineHeight: '16px',
                paddingInline: 4,
                color: 'rgba(255,255,255,0.55)',
                background: 'rgba(255,255,255,0.1)',
              }}
            >
              {t('nav.coming-soon')}
            </Tag>
          </span>
        ),
      })),
    },
  ];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selectedKeyOf(location.pathname)]}
      defaultOpenKeys={[...SUBMENUS].filter((s) => location.pathname.startsWith(`/${s}/`))}
      onClick={({ key }) => navigate(key)}
      data-testid="side-menu"
    />
  );
}
