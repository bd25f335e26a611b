import { resolve } from 'node:path';
import { type AlarmRulesConfig, parseAlarmRules } from './modules/vehicles/alarm-config.ts';
import { checkPasswordPolicy, describeViolations } from './platform/identity/password-policy.ts';

export type Mode = 'demo' | 'production';

export interface Config {
  readonly mode: Mode;
  readonly host: string;
  readonly port: number;
  readonly gateway: { readonly enabled: boolean; readonly host: string; readonly port: number };
  readonly jt809: { readonly links: boolean; readonly host: string; readonly port: number | undefined };
  readonly logLevel: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly dbPoolSize: number;
  readonly adminPassword: string | undefined;
  readonly secretKey: string | undefined;
  readonly webDist: string;
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean;
  readonly session: { readonly idleMinutes: number; readonly maxHours: number };
  readonly lockout: { readonly threshold: number; readonly minutes: number };
  readonly password: {
    readonly minLength: number;
    readonly maxAgeDays: number;
    readonly historySize: number;
  };
  readonly adminTotp: 'required' | 'optional';
  readonly files: { readonly dir: string; readonly maxBytes: number };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly jobs: { readonly enabled: boolean; readonly pollMs: number };
  readonly maritime: {
    readonly ingest: boolean;
    readonly replayDir: string;
    readonly staleMinutes: number;
    readonly trackFlushMs: number;
  };
  /** Thresholds of the vehicle alarm rules (defaults and their sources in alarm-config.ts). */
  readonly vehicleAlarmRules: AlarmRulesConfig;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment once; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
    return fallback;
  };
  const bool = (name: string, fallback: boolean): boolean =>
    oneOf(name, ['true', 'false', '1', '0'], fallback ? 'true' : 'false').match(/^(true|1)$/) !== null;

  // Demo mode seeds demo accounts with published passwords; production never does.
  const mode = oneOf<Mode>('JTGOV_MODE', ['demo', 'production'], 'demo');
  // Directory of the embedded database, uploaded files and the generated secret key.
  const dataDir = resolve(cwd, env.JTGOV_DATA_DIR || './data');
  // postgres://… selects PostgreSQL 15+; unset selects the embedded PGlite database in dataDir.
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
  }
  // Initial password of `admin` on a fresh database; a random one is printed once when unset.
  const adminPassword = env.JTGOV_ADMIN_PASSWORD || undefined;
  // 32 hex digits (SM4 key) that encrypt TOTP secrets at rest; generated into dataDir when unset.
  const secretKey = env.JTGOV_SECRET_KEY || undefined;
  if (secretKey && !/^[0-9a-fA-F]{32}$/.test(secretKey))
    problems.push('JTGOV_SECRET_KEY: expected 32 hex digits');
  if (mode === 'production' && !secretKey) problems.push('JTGOV_SECRET_KEY: required in production mode');

  const alarmRules = parseAlarmRules(env.JTGOV_VEHICLE_ALARM_RULES);
  for (const p of alarmRules.problems) problems.push(`JTGOV_VEHICLE_ALARM_RULES: ${p}`);

  const config: Config = {
    mode,
    // Interface and port of the HTTP server. Demo mode, whose accounts have published passwords,
    // listens on loopback only unless told otherwise.
    host: env.HOST || (mode === 'demo' ? '127.0.0.1' : '0.0.0.0'),
    port: int('PORT', 3000, 0, 65535),
    gateway: {
      // Run the JT/T 808 terminal gateway next to the HTTP server (`jtgov start`).
      enabled: bool('JTGOV_GATEWAY', true),
      // Interface and TCP port terminals connect to (0: any free port). Terminals reach it over the
      // public network, and it has no published credentials, so every interface by default.
      host: env.JTGOV_JT808_HOST || '0.0.0.0',
      port: int('JTGOV_JT808_PORT', 7808, 0, 65535),
    },
    jt809: {
      // Run the enabled JT/T 809 links to superior platforms in this process (one process per
      // instance should: each would forward the same positions).
      links: bool('JTGOV_JT809_LINKS', true),
      // Interface and TCP port of the JT/T 809 server subordinate platforms log in to; unset: no
      // server (0: any free port).
      host: env.JTGOV_JT809_HOST || '0.0.0.0',
      port: env.JTGOV_JT809_PORT ? int('JTGOV_JT809_PORT', 0, 0, 65535) : undefined,
    },
    // pino level: fatal, error, warn, info, debug, trace or silent.
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    dataDir,
    databaseUrl,
    // Connections per process to PostgreSQL (PGlite always has one).
    dbPoolSize: int('JTGOV_DB_POOL', 10, 1, 500),
    adminPassword,
    secretKey,
    // Built web console served at /; built by `npm start` when missing or stale.
    webDist: resolve(cwd, env.JTGOV_WEB_DIST || 'apps/web/dist'),
    // Trust X-Forwarded-* from a reverse proxy (client IPs in the audit log).
    trustProxy: bool('JTGOV_TRUST_PROXY', false),
    // Secure cookies need HTTPS; on by default in production.
    cookieSecure: bool('JTGOV_COOKIE_SECURE', mode === 'production'),
    session: {
      // Idle timeout of a console session (MLPS level 3 asks for an automatic logout).
      idleMinutes: int('JTGOV_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      // Absolute lifetime of a session, however active.
      maxHours: int('JTGOV_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    },
    lockout: {
      // Consecutive failed logins that lock an account, and for how long.
      threshold: int('JTGOV_LOCKOUT_THRESHOLD', 5, 1, 100),
      minutes: int('JTGOV_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    password: {
      minLength: int('JTGOV_PASSWORD_MIN_LENGTH', 10, 8, 128),
      // A password older than this must be changed at the next login; 0 disables expiry.
      maxAgeDays: int('JTGOV_PASSWORD_MAX_AGE_DAYS', 90, 0, 3650),
      // How many earlier passwords may not be reused.
      historySize: int('JTGOV_PASSWORD_HISTORY', 5, 0, 24),
    },
    // Whether administrators must enrol TOTP before they may act; required in production.
    adminTotp: oneOf(
      'JTGOV_ADMIN_TOTP',
      ['required', 'optional'],
      mode === 'production' ? 'required' : 'optional',
    ),
    files: {
      // Where attachments are stored, and the largest accepted upload.
      dir: resolve(cwd, env.JTGOV_FILES_DIR || resolve(dataDir, 'files')),
      maxBytes: int('JTGOV_FILE_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    // smtp://user:pass@host:port for e-mail notifications; unset disables the e-mail channel.
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.JTGOV_MAIL_FROM || 'jtgov <noreply@localhost>',
    jobs: {
      // Run the job worker in this process (roles `worker` and the default all-in-one).
      enabled: bool('JTGOV_JOBS', true),
      pollMs: int('JTGOV_JOBS_POLL_MS', 1000, 10, 60_000),
    },
    maritime: {
      // Run the enabled AIS feeds and the live vessel picture in this process.
      ingest: bool('JTGOV_AIS_INGEST', true),
      // Directory AIS file feeds replay from; a feed names a file inside it.
      replayDir: resolve(cwd, env.JTGOV_AIS_REPLAY_DIR || resolve(dataDir, 'ais')),
      // A vessel not heard for this long leaves the live picture.
      staleMinutes: int('JTGOV_AIS_STALE_MINUTES', 30, 1, 7 * 24 * 60),
      // How often received positions are written to the track history.
      trackFlushMs: int('JTGOV_AIS_TRACK_FLUSH_MS', 2000, 10, 60_000),
    },
    // JSON overriding alarm thresholds, e.g. {"offlineAfterS":1800,"speedLimits":{"heavyFreight":90}}.
    vehicleAlarmRules: alarmRules.rules,
  };
  if (adminPassword) {
    const violations = checkPasswordPolicy(adminPassword, 'admin', config.password);
    if (violations.length > 0)
      problems.push(`JTGOV_ADMIN_PASSWORD: ${describeViolations(violations, config.password)}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
