// One validated configuration: defaults without any variable, every wrong value named in
// French, and no silent fallback (PDF_MAX_WAITING=abc used to make the queue unbounded).
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env';

describe('parseConfig', () => {
  it('needs no variable at all (npm start on a fresh machine)', () => {
    const config = parseConfig({}, '/srv/cpro');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/cpro/.data',
      sessionMaxAgeSeconds: 36_000,
      signIn: { maxFailures: 10, windowSeconds: 900, lockSeconds: 900, globalPerMinute: 300 },
      traceRetentionMonths: 12,
      pdf: {
        printOrigin: 'http://127.0.0.1:3000',
        maxWaiting: 500,
        parallelPages: 2,
        jobTimeoutMs: 30_000,
        recycleAfter: 200,
        cacheMaxBytes: 64 * 1024 * 1024,
        contextPerJob: false,
      },
    });
  });

  it('reads each variable into its place', () => {
    const config = parseConfig({
      PORT: '3100',
      DATABASE_URL: 'postgres://cpro_app@db:5432/cpro',
      PDF_MAX_WAITING: '0',
      PDF_CONTEXT_PER_JOB: '1',
      PLAYWRIGHT_WS_ENDPOINT: 'ws://127.0.0.1:3999/',
      TRUSTED_PROXIES: '10.0.0.0/8',
    });
    expect(config.port).toBe(3100);
    expect(config.pdf.printOrigin).toBe('http://127.0.0.1:3100');
    expect(config.pdf.maxWaiting).toBe(0);
    expect(config.pdf.contextPerJob).toBe(true);
    expect(config.pdf.wsEndpoint).toBe('ws://127.0.0.1:3999/');
    expect(config.databaseUrl).toBe('postgres://cpro_app@db:5432/cpro');
    expect(config.trustedProxies).toEqual(['10.0.0.0/8']);
  });

  it('refuses wrong values and names every one of them, in French', () => {
    let error: unknown;
    try {
      parseConfig({
        PDF_MAX_WAITING: 'abc',
        PORT: '70000',
        SESSION_MAX_AGE_SECONDS: '1.5',
        PDF_CONTEXT_PER_JOB: 'oui',
        DATABASE_URL: 'mysql://x',
        PLAYWRIGHT_WS_ENDPOINT: 'http://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PDF_MAX_WAITING',
      'PORT',
      'SESSION_MAX_AGE_SECONDS',
      'PDF_CONTEXT_PER_JOB',
      'DATABASE_URL',
      'PLAYWRIGHT_WS_ENDPOINT',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('doit être un nombre entier de 0 à 10000 (reçu « abc »)');
  });

  it('reads the ENT ways in: each one only when configured, CAS only with NEXTAUTH_URL', () => {
    expect(parseConfig({}).auth).toEqual({ password: { enabled: true }, oidc: null, cas: null });
    const config = parseConfig({
      NEXTAUTH_URL: 'https://cpro.lycee.fr',
      CAS_URL: 'https://ent.lycee.fr/cas/',
      AUTH_LOCAL: 'false',
    });
    expect(config.auth).toEqual({
      password: null,
      oidc: null,
      cas: { url: 'https://ent.lycee.fr/cas', label: "l'ENT" },
    });
    expect(() => parseConfig({ CAS_URL: 'https://ent.lycee.fr/cas' })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseConfig({ NEXTAUTH_URL: 'http://a.test', CAS_URL: 'ftp://x' })).toThrow(
      /CAS_URL/,
    );
    expect(() => parseConfig({ OIDC_ISSUER: 'https://ent.test' })).toThrow(/OIDC_CLIENT_ID/);
  });
});
