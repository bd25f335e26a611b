import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../modules/auth/components/RequireAuth.tsx';
import { RequirePermission } from '../modules/auth/components/RequirePermission.tsx';
import type { Permission } from '../modules/auth/types.ts';

/** React.lazy for modules with named exports: one chunk per route keeps the first load light. */
function lazyNamed<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = lazyNamed(() => import('../ui/AppLayout.tsx'), 'AppLayout');
const LoginPage = lazyNamed(() => import('../pages/LoginPage.tsx'), 'LoginPage');
const ChangePasswordPage = lazyNamed(() => import('../pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const EnrolTotpPage = lazyNamed(() => import('../pages/EnrolTotpPage.tsx'), 'EnrolTotpPage');
const DashboardPage = lazyNamed(() => import('../pages/DashboardPage.tsx'), 'DashboardPage');
const OrgsPage = lazyNamed(() => import('../pages/OrgsPage.tsx'), 'OrgsPage');
const UsersPage = lazyNamed(() => import('../pages/UsersPage.tsx'), 'UsersPage');
const RolesPage = lazyNamed(() => import('../pages/RolesPage.tsx'), 'RolesPage');
const AuditPage = lazyNamed(() => import('../pages/AuditPage.tsx'), 'AuditPage');
const ProfilePage = lazyNamed(() => import('../pages/ProfilePage.tsx'), 'ProfilePage');
const MaritimeVesselsPage = lazyNamed(
  () => import('../pages/MaritimeVesselsPage.tsx'),
  'MaritimeVesselsPage',
);
const MaritimeIncidentsPage = lazyNamed(
  () => import('../pages/MaritimeIncidentsPage.tsx'),
  'MaritimeIncidentsPage',
);
const MaritimeIncidentPage = lazyNamed(
  () => import('../pages/MaritimeIncidentPage.tsx'),
  'MaritimeIncidentPage',
);
const MaritimePlanningPage = lazyNamed(
  () => import('../pages/MaritimePlanningPage.tsx'),
  'MaritimePlanningPage',
);
const MaritimeFeedsPage = lazyNamed(() => import('../pages/MaritimeFeedsPage.tsx'), 'MaritimeFeedsPage');
const VehiclesMonitorPage = lazyNamed(
  () => import('../pages/VehiclesMonitorPage.tsx'),
  'VehiclesMonitorPage',
);
const VehicleAlarmsPage = lazyNamed(() => import('../pages/VehicleAlarmsPage.tsx'), 'VehicleAlarmsPage');
const VehicleSpeedZonesPage = lazyNamed(
  () => import('../pages/VehicleSpeedZonesPage.tsx'),
  'VehicleSpeedZonesPage',
);
const VehiclePlatformLinksPage = lazyNamed(
  () => import('../pages/VehiclePlatformLinksPage.tsx'),
  'VehiclePlatformLinksPage',
);
const VehicleForwardedPage = lazyNamed(
  () => import('../pages/VehicleForwardedPage.tsx'),
  'VehicleForwardedPage',
);
const HotlineDeskPage = lazyNamed(() => import('../pages/HotlineDeskPage.tsx'), 'HotlineDeskPage');
const HotlineTicketsPage = lazyNamed(() => import('../pages/HotlineTicketsPage.tsx'), 'HotlineTicketsPage');
const HotlineTicketPage = lazyNamed(() => import('../pages/HotlineTicketPage.tsx'), 'HotlineTicketPage');
const HotlineInboxPage = lazyNamed(() => import('../pages/HotlineInboxPage.tsx'), 'HotlineInboxPage');
const HotlineReviewPage = lazyNamed(() => import('../pages/HotlineReviewPage.tsx'), 'HotlineReviewPage');
const HotlineTransfersPage = lazyNamed(
  () => import('../pages/HotlineTransfersPage.tsx'),
  'HotlineTransfersPage',
);
const HotlineCallbacksPage = lazyNamed(
  () => import('../pages/HotlineCallbacksPage.tsx'),
  'HotlineCallbacksPage',
);
const PublicHotlineSubmitPage = lazyNamed(
  () => import('../pages/PublicHotlineSubmitPage.tsx'),
  'PublicHotlineSubmitPage',
);
const PublicHotlineQueryPage = lazyNamed(
  () => import('../pages/PublicHotlineQueryPage.tsx'),
  'PublicHotlineQueryPage',
);
const HotlineAdminKbPage = lazyNamed(() => import('../pages/HotlineAdminKbPage.tsx'), 'HotlineAdminKbPage');
const HotlineAdminKbArticlePage = lazyNamed(
  () => import('../pages/HotlineAdminKbArticlePage.tsx'),
  'HotlineAdminKbArticlePage',
);
const HotlineAdminSupervisionPage = lazyNamed(
  () => import('../pages/HotlineAdminSupervisionPage.tsx'),
  'HotlineAdminSupervisionPage',
);
const HotlineAdminStatsPage = lazyNamed(
  () => import('../pages/HotlineAdminStatsPage.tsx'),
  'HotlineAdminStatsPage',
);
const HotlineAdminRoutingPage = lazyNamed(
  () => import('../pages/HotlineAdminRoutingPage.tsx'),
  'HotlineAdminRoutingPage',
);
const StatsInboxPage = lazyNamed(() => import('../pages/StatsInboxPage.tsx'), 'StatsInboxPage');
const StatsReportPage = lazyNamed(() => import('../pages/StatsReportPage.tsx'), 'StatsReportPage');
const StatsAggregatePage = lazyNamed(() => import('../pages/StatsAggregatePage.tsx'), 'StatsAggregatePage');
const StatsCompletenessPage = lazyNamed(
  () => import('../pages/StatsCompletenessPage.tsx'),
  'StatsCompletenessPage',
);
const StatsAnalyticsPage = lazyNamed(() => import('../pages/StatsAnalyticsPage.tsx'), 'StatsAnalyticsPage');
const StatsFormsPage = lazyNamed(() => import('../pages/StatsFormsPage.tsx'), 'StatsFormsPage');
const StatsFormPage = lazyNamed(() => import('../pages/StatsFormPage.tsx'), 'StatsFormPage');
const StatsExchangePage = lazyNamed(() => import('../pages/StatsExchangePage.tsx'), 'StatsExchangePage');
const StatsRuleRunsPage = lazyNamed(() => import('../pages/StatsRuleRunsPage.tsx'), 'StatsRuleRunsPage');
const StatsReviewSkipsPage = lazyNamed(
  () => import('../pages/StatsReviewSkipsPage.tsx'),
  'StatsReviewSkipsPage',
);
const NotFoundPage = lazyNamed(() => import('../pages/NotFoundPage.tsx'), 'NotFoundPage');

const screen = (node: ReactNode) => <Suspense fallback={<Spin size="large" fullscreen />}>{node}</Suspense>;
const guarded = (permission: Permission, node: ReactNode) => (
  <RequirePermission permission={permission}>{node}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: screen(<LoginPage />) },
  // The 12328 citizen pages: no login.
  { path: '/public/hotline', element: screen(<PublicHotlineSubmitPage />) },
  { path: '/public/hotline/query', element: screen(<PublicHotlineQueryPage />) },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      { path: 'change-password', element: screen(<ChangePasswordPage />) },
      { path: 'enrol-totp', element: screen(<EnrolTotpPage />) },
      {
        element: screen(<AppLayout />),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'orgs', element: guarded('org.read', <OrgsPage />) },
          { path: 'users', element: guarded('user.read', <UsersPage />) },
          { path: 'roles', element: guarded('role.manage', <RolesPage />) },
          { path: 'audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'maritime/vessels', element: guarded('maritime.read', <MaritimeVesselsPage />) },
          { path: 'maritime/incidents', element: guarded('maritime.read', <MaritimeIncidentsPage />) },
          { path: 'maritime/incidents/:id', element: guarded('maritime.read', <MaritimeIncidentPage />) },
          { path: 'maritime/planning', element: guarded('maritime.read', <MaritimePlanningPage />) },
          { path: 'maritime/feeds', element: guarded('maritime.manage', <MaritimeFeedsPage />) },
          { path: 'vehicles/monitor', element: guarded('vehicle.read', <VehiclesMonitorPage />) },
          { path: 'vehicles/alarms', element: guarded('vehicle.read', <VehicleAlarmsPage />) },
          { path: 'vehicles/forwarded', element: guarded('vehicle.read', <VehicleForwardedPage />) },
          { path: 'vehicles/speed-zones', element: guarded('vehicle.read', <VehicleSpeedZonesPage />) },
          {
            path: 'vehicles/platform-links',
            element: guarded('vehicle.manage', <VehiclePlatformLinksPage />),
          },
          { path: 'hotline/desk', element: guarded('hotline.intake', <HotlineDeskPage />) },
          { path: 'hotline/tickets', element: guarded('hotline.read', <HotlineTicketsPage />) },
          { path: 'hotline/tickets/:id', element: guarded('hotline.read', <HotlineTicketPage />) },
          { path: 'hotline/inbox', element: guarded('hotline.handle', <HotlineInboxPage />) },
          { path: 'hotline/review', element: guarded('hotline.supervise', <HotlineReviewPage />) },
          { path: 'hotline/callbacks', element: guarded('hotline.supervise', <HotlineCallbacksPage />) },
          { path: 'hotline/transfers', element: guarded('hotline.read', <HotlineTransfersPage />) },
          { path: 'hotline-admin/kb', element: guarded('hotline.read', <HotlineAdminKbPage />) },
          { path: 'hotline-admin/kb/:id', element: guarded('hotline.read', <HotlineAdminKbArticlePage />) },
          {
            path: 'hotline-admin/supervision',
            element: guarded('hotline.read', <HotlineAdminSupervisionPage />),
          },
          { path: 'hotline-admin/stats', element: guarded('hotline.read', <HotlineAdminStatsPage />) },
          { path: 'hotline-admin/routing', element: guarded('hotline.read', <HotlineAdminRoutingPage />) },
          { path: 'stats/inbox', element: guarded('stats.read', <StatsInboxPage />) },
          {
            path: 'stats/reports/:formId/:orgUnitId/:period',
            element: guarded('stats.read', <StatsReportPage />),
          },
          { path: 'stats/aggregate', element: guarded('stats.read', <StatsAggregatePage />) },
          { path: 'stats/completeness', element: guarded('stats.read', <StatsCompletenessPage />) },
          { path: 'stats/analytics', element: guarded('stats.read', <StatsAnalyticsPage />) },
          { path: 'stats/forms', element: guarded('stats.read', <StatsFormsPage />) },
          { path: 'stats/forms/:formId', element: guarded('stats.read', <StatsFormPage />) },
          { path: 'stats/exchange', element: guarded('stats.read', <StatsExchangePage />) },
          { path: 'stats/rule-runs', element: guarded('stats.read', <StatsRuleRunsPage />) },
          { path: 'stats/review-skips', element: guarded('stats.read', <StatsReviewSkipsPage />) },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
