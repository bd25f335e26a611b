import type { Config } from '../../config.ts';
import { SYSTEM_CONTEXT } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { findOrgUnitByCode } from '../orgs/orgs.repository.ts';
import { MINISTRY } from '../orgs/seed.ts';
import { BUILTIN_ROLES } from './permissions.ts';
import { upsertBuiltinRole } from './roles.repository.ts';
import { countUsers, usernameExists } from './users.repository.ts';
import { createUser, generatePassword } from './users.service.ts';

/** Built-in roles, refreshed at every start so that new permissions reach them. */
export async function seedRoles(db: Executor): Promise<void> {
  for (const role of BUILTIN_ROLES) await upsertBuiltinRole(db, role);
}

/**
 * The initial administrator `admin` at the ministry, on a database without users. Its password is
 * JTGOV_ADMIN_PASSWORD, or a generated one (returned, to be printed once) that must be changed.
 */
export async function seedInitialAdmin(
  trx: Executor,
  config: Config,
  now: Date,
): Promise<{ generatedPassword: string | null } | null> {
  if ((await countUsers(trx)) > 0) return null;
  const generated = config.adminPassword ? null : generatePassword();
  await createUser(
    trx,
    SYSTEM_CONTEXT,
    null,
    {
      username: 'admin',
      displayName: '系统管理员',
      orgUnitId: MINISTRY.id,
      roles: ['systemAdmin'],
      password: config.adminPassword ?? (generated as string),
    },
    { config, now, mustChangePassword: generated !== null },
  );
  return { generatedPassword: generated };
}

/** Demo accounts, one per level and duty; demo mode only, with one published password. */
export const DEMO_PASSWORD = 'Demo@jtgov2026';
export const DEMO_ACCOUNTS = [
  { username: 'auditor', displayName: '部审计管理员', orgCode: 'MOT', roles: ['auditAdmin'] },
  { username: 'secadmin', displayName: '部安全管理员', orgCode: 'MOT', roles: ['securityAdmin'] },
  { username: 'js.admin', displayName: '江苏省厅管理员', orgCode: '320000', roles: ['orgAdmin'] },
  { username: 'js.auditor', displayName: '江苏省厅审计员', orgCode: '320000', roles: ['auditAdmin'] },
  { username: 'nj.staff', displayName: '南京市局业务员', orgCode: '320100', roles: ['staff'] },
  { username: 'xw.staff', displayName: '玄武区局业务员', orgCode: '320102', roles: ['staff'] },
  { username: 'sar.duty', displayName: '部海上搜救值班员', orgCode: 'MOT', roles: ['sarDutyOfficer'] },
  { username: 'zj.sar', displayName: '浙江省海上搜救值班员', orgCode: '330000', roles: ['sarDutyOfficer'] },
  { username: 'nj.agent', displayName: '南京12328坐席', orgCode: '320100', roles: ['hotlineAgent'] },
  {
    username: 'nj.supervisor',
    displayName: '南京12328监督员',
    orgCode: '320100',
    roles: ['hotlineSupervisor'],
  },
  { username: 'xw.handler', displayName: '玄武区局承办人', orgCode: '320102', roles: ['hotlineHandler'] },
  { username: 'mot.stats', displayName: '部统计审核员', orgCode: 'MOT', roles: ['statsReviewer'] },
  {
    username: 'js.stats',
    displayName: '江苏省厅统计审核员',
    orgCode: '320000',
    roles: ['statsReviewer', 'staff'],
  },
  { username: 'nj.stats', displayName: '南京市局统计审核员', orgCode: '320100', roles: ['statsReviewer'] },
  {
    username: 'bj.stats',
    displayName: '北京市委统计审核员',
    orgCode: '110000',
    roles: ['statsReviewer', 'staff'],
  },
] as const;

export async function seedDemoAccounts(trx: Executor, config: Config, now: Date): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await usernameExists(trx, account.username);
    const org = await findOrgUnitByCode(trx, account.orgCode);
    if (exists || !org) continue;
    await createUser(
      trx,
      SYSTEM_CONTEXT,
      null,
      {
        username: account.username,
        displayName: account.displayName,
        orgUnitId: org.id,
        roles: [...account.roles],
        password: DEMO_PASSWORD,
      },
      { config, now, mustChangePassword: false },
    );
    created += 1;
  }
  return created;
}
