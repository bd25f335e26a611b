/**
 * Every permission a role can carry. Business modules add theirs here as they arrive, so that
 * the role editor and the policy checks share one list.
 */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.manage',
  'audit.read',
  'calendar.manage',
  'job.manage',
  'file.upload',
  'vehicle.read',
  'vehicle.manage',
  'vehicle.alarm.handle',
  'maritime.read',
  'maritime.manage',
  'maritime.contacts.read',
  'stats.read',
  'stats.fill',
  'stats.review',
  'stats.manage',
  'stats.chain.manage',
  'hotline.read',
  'hotline.intake',
  'hotline.handle',
  'hotline.supervise',
  'hotline.manage',
  'hotline.kb.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);

export interface BuiltinRole {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly Permission[];
  readonly isAdmin: boolean;
}

/**
 * MLPS level 3 separates the system, security and audit administrators (三员分立): no built-in
 * role both administers and audits, and no one may change their own roles.
 */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    code: 'systemAdmin',
    name: '系统管理员',
    description: '管理辖区内的组织机构、用户、角色和平台设置',
    permissions: [
      'org.read',
      'org.manage',
      'user.read',
      'user.manage',
      'role.manage',
      'calendar.manage',
      'job.manage',
      'file.upload',
      'maritime.read',
      'maritime.manage',
      'vehicle.read',
      'vehicle.manage',
      'vehicle.alarm.handle',
      // A role is granted only by someone holding all its permissions: administrators hold the
      // statistical ones so that they can grant 业务人员 and 统计审核员.
      'stats.read',
      'stats.fill',
      'stats.review',
      'stats.manage',
      'stats.chain.manage',
      'hotline.read',
      'hotline.manage',
    ],
    isAdmin: true,
  },
  {
    code: 'securityAdmin',
    name: '安全管理员',
    description: '管理账户：解锁、重置密码、停用、分配角色',
    permissions: ['org.read', 'user.read', 'user.manage', 'role.manage'],
    isAdmin: true,
  },
  {
    code: 'auditAdmin',
    name: '审计管理员',
    description: '查阅并校验辖区内的审计日志',
    permissions: ['org.read', 'user.read', 'audit.read'],
    isAdmin: true,
  },
  {
    code: 'orgAdmin',
    name: '单位管理员',
    description: '管理本单位及下级单位的组织机构和用户',
    permissions: [
      'org.read',
      'org.manage',
      'user.read',
      'user.manage',
      'file.upload',
      'maritime.read',
      'vehicle.read',
      'vehicle.manage',
      'vehicle.alarm.handle',
      'stats.read',
      'stats.fill',
      'stats.review',
      'stats.manage',
      'stats.chain.manage',
    ],
    isAdmin: true,
  },
  {
    // Contacts of vessels are personal data: the duty officers who must call a ship in distress
    // or a ship nearby read them (each read audited); administrators and auditors do not.
    code: 'sarDutyOfficer',
    name: '海上搜救值班员',
    description: '值守海上搜救：接警、协调搜救力量、制定搜寻方案，可查阅船舶联系人',
    permissions: ['org.read', 'file.upload', 'maritime.read', 'maritime.manage', 'maritime.contacts.read'],
    isAdmin: false,
  },
  {
    code: 'staff',
    name: '业务人员',
    description: '在本单位办理各业务系统的工作',
    permissions: [
      'org.read',
      'file.upload',
      'maritime.read',
      'vehicle.read',
      'vehicle.alarm.handle',
      'stats.read',
      'stats.fill',
    ],
    isAdmin: false,
  },
  {
    code: 'statsReviewer',
    name: '统计审核员',
    description: '审核下级单位上报的统计报表，汇总、退回、催报',
    permissions: ['org.read', 'stats.read', 'stats.review'],
    isAdmin: false,
  },
  {
    code: 'hotlineAgent',
    name: '热线坐席',
    description: '受理12328来电和网上诉求，即时答复、转办工单',
    permissions: ['org.read', 'file.upload', 'hotline.read', 'hotline.intake'],
    isAdmin: false,
  },
  {
    code: 'hotlineHandler',
    name: '热线承办人员',
    description: '签收、办理、答复转办到本单位的12328工单',
    permissions: ['org.read', 'file.upload', 'hotline.read', 'hotline.handle'],
    isAdmin: false,
  },
  {
    code: 'hotlineSupervisor',
    name: '热线监督员',
    description: '审核办结、审批延期、催办督办和回访12328工单',
    permissions: ['org.read', 'hotline.read', 'hotline.intake', 'hotline.supervise', 'hotline.kb.manage'],
    isAdmin: false,
  },
];
