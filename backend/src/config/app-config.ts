/** Typed, validated configuration. Built once at boot from the environment. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  logLevel: LogLevel;
  corsOrigins: string[];
  throttle: ThrottleConfig;
  /** Analytics reports kept per process for re-serving while the data is unchanged; 0 = off. */
  analyticsCacheEntries: number;
  /** Closed days' sums kept per process for computing reports after a write; 0 = off. */
  analyticsClosedDaysEntries: number;
  webhooks: WebhookConfig;
  sessionsExport: SessionsExportConfig;
}

/** Limits on sessions CSV exports (GET /sessions?format=csv), each of which holds a connection while it streams. */
export interface SessionsExportConfig {
  /** Exports an account may run at once on this instance; one more answers 429. */
  perAccount: number;
  /** An export that moves nothing for this long (a client that stopped reading) is ended. */
  idleMs: number;
}

/** How webhooks are sent (webhooks/). */
export interface WebhookConfig {
  /** Allow loopback, private and unique-local targets (intranets, tests); 169.254.0.0/16 never. */
  allowPrivateTargets: boolean;
  /** The first retry's delay; each next one is 3× longer (with jitter), up to retryWindowMs / 8. */
  retryBaseMs: number;
  /** How long after its event a delivery is retried before it is marked failed. */
  retryWindowMs: number;
  /** How often each instance looks for due deliveries (events of this instance wake it at once). */
  pollMs: number;
  /** Whether this instance sends deliveries; false: it only queues them, other instances send. */
  worker: boolean;
}

/** Abuse limits; 0 switches a limit off. */
export interface ThrottleConfig {
  /** Requests per minute from one IP, across the whole API. */
  globalPerMinute: number;
  /** Login and register attempts per minute from one IP. */
  authPerMinute: number;
  /** Login attempts per 15 minutes for one e-mail, from anywhere. */
  loginPerEmail: number;
  /** Requests per minute with one API token, from anywhere (counted as globalPerMinute counts per IP). */
  tokenPerMinute: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const DURATION = /^\d+(ms|s|m|h|d)?$/;

/**
 * Reads and checks the environment. Every problem is reported at once so an operator
 * fixes them in one go; nothing starts with a bad value.
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): AppConfig {
  const problems: string[] = [];
  // An empty value (`PORT=` in a .env file) means "use the default", as if it were unset.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value?.trim())) as NodeJS.ProcessEnv;

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) {
    problems.push('DATABASE_URL is required (npm start sets it for the embedded database)');
  } else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET is required and must be at least 32 characters');
  }

  const jwtExpiresIn = env.JWT_EXPIRES_IN ?? '8h';
  if (!DURATION.test(jwtExpiresIn)) {
    problems.push(`JWT_EXPIRES_IN must look like 8h, 30m, 3600s or 1d (got "${jwtExpiresIn}")`);
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  const limit = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a whole number ≥ 0 (got "${env[name]}")`);
    return value;
  };
  const globalPerMinute = limit('THROTTLE_GLOBAL_PER_MINUTE', 3000);
  const throttle: ThrottleConfig = {
    globalPerMinute,
    authPerMinute: limit('THROTTLE_AUTH_PER_MINUTE', 20),
    loginPerEmail: limit('THROTTLE_LOGIN_PER_EMAIL', 10),
    tokenPerMinute: limit('THROTTLE_TOKEN_PER_MINUTE', globalPerMinute),
  };

  const analyticsCacheEntries = limit('ANALYTICS_CACHE_ENTRIES', 256);
  const analyticsClosedDaysEntries = limit('ANALYTICS_CLOSED_DAYS_ENTRIES', 4096);

  const allowPrivate = (env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(allowPrivate)) {
    problems.push(`WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false (got "${env.WEBHOOK_ALLOW_PRIVATE_TARGETS}")`);
  }
  const worker = (env.WEBHOOK_WORKER ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(worker)) {
    problems.push(`WEBHOOK_WORKER must be true or false (got "${env.WEBHOOK_WORKER}")`);
  }
  const positive = (name: string, fallback: number): number => {
    const value = limit(name, fallback);
    if (value === 0) problems.push(`${name} must be at least 1`);
    return value;
  };
  const webhooks: WebhookConfig = {
    allowPrivateTargets: allowPrivate === 'true',
    retryBaseMs: positive('WEBHOOK_RETRY_BASE_MS', 5000),
    retryWindowMs: positive('WEBHOOK_RETRY_WINDOW_MS', 24 * 3600_000),
    pollMs: positive('WEBHOOK_POLL_MS', 1000),
    worker: worker === 'true',
  };

  const sessionsExport: SessionsExportConfig = {
    perAccount: positive('SESSIONS_EXPORT_PER_ACCOUNT', 2),
    idleMs: positive('SESSIONS_EXPORT_IDLE_SECONDS', 60) * 1000,
  };

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    databaseUrl,
    jwtSecret,
    jwtExpiresIn,
    logLevel,
    corsOrigins,
    throttle,
    analyticsCacheEntries,
    analyticsClosedDaysEntries,
    webhooks,
    sessionsExport,
  };
}
