import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5432/rf',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      port: 3000,
      jwtExpiresIn: '8h',
      logLevel: 'info',
      corsOrigins: [],
      analyticsCacheEntries: 256,
      analyticsClosedDaysEntries: 4096,
    });
  });

  it('sends webhooks only to public addresses by default, and checks the webhook settings', () => {
    expect(loadConfig(valid).webhooks).toEqual({
      allowPrivateTargets: false,
      retryBaseMs: 5000,
      retryWindowMs: 86_400_000,
      pollMs: 1000,
      worker: true,
    });
    expect(loadConfig({ ...valid, WEBHOOK_WORKER: 'false' }).webhooks.worker).toBe(false);
    expect(loadConfig({ ...valid, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).webhooks.allowPrivateTargets).toBe(true);
    expect(() => loadConfig({ ...valid, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    expect(() => loadConfig({ ...valid, WEBHOOK_RETRY_BASE_MS: '0' })).toThrow(/WEBHOOK_RETRY_BASE_MS/);
  });

  it('limits sessions CSV exports (2 at once per account, ended after 60 s without moving) and checks the settings', () => {
    expect(loadConfig(valid).sessionsExport).toEqual({ perAccount: 2, idleMs: 60_000 });
    expect(
      loadConfig({ ...valid, SESSIONS_EXPORT_PER_ACCOUNT: '5', SESSIONS_EXPORT_IDLE_SECONDS: '10' }).sessionsExport,
    ).toEqual({ perAccount: 5, idleMs: 10_000 });
    expect(() => loadConfig({ ...valid, SESSIONS_EXPORT_PER_ACCOUNT: '0' })).toThrow(/SESSIONS_EXPORT_PER_ACCOUNT/);
    expect(() => loadConfig({ ...valid, SESSIONS_EXPORT_IDLE_SECONDS: 'soon' })).toThrow(
      /SESSIONS_EXPORT_IDLE_SECONDS/,
    );
  });

  it('refuses a short JWT secret with a message naming the variable', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('reports every problem at once', () => {
    const load = () => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', JWT_EXPIRES_IN: 'soon' });
    expect(load).toThrow(ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'JWT_EXPIRES_IN', 'LOG_LEVEL']) {
      expect(load).toThrow(
        expect.objectContaining({ problems: expect.arrayContaining([expect.stringContaining(name)]) }),
      );
    }
  });

  it('takes ANALYTICS_CACHE_ENTRIES=0 as "off" and refuses a negative size', () => {
    expect(loadConfig({ ...valid, ANALYTICS_CACHE_ENTRIES: '0' }).analyticsCacheEntries).toBe(0);
    expect(() => loadConfig({ ...valid, ANALYTICS_CACHE_ENTRIES: '-1' })).toThrow(/ANALYTICS_CACHE_ENTRIES/);
  });

  it('takes ANALYTICS_CLOSED_DAYS_ENTRIES=0 as "off" and refuses a fraction', () => {
    expect(loadConfig({ ...valid, ANALYTICS_CLOSED_DAYS_ENTRIES: '0' }).analyticsClosedDaysEntries).toBe(0);
    expect(() => loadConfig({ ...valid, ANALYTICS_CLOSED_DAYS_ENTRIES: '1.5' })).toThrow(
      /ANALYTICS_CLOSED_DAYS_ENTRIES/,
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...valid, PORT: '', JWT_EXPIRES_IN: ' ', LOG_LEVEL: '' })).toMatchObject({
      port: 3000,
      jwtExpiresIn: '8h',
      logLevel: 'info',
    });
  });

  it('parses a comma-separated CORS allowlist', () => {
    expect(loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
