import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSecrets, formatConfigProblems, loadConfig, showValue } from '../../src/config/loadConfig.js';
import { envSchema } from '../../src/config/schema.js';

const creds = { DISCORD_TOKEN: 'discord-token-value', SEEDANCE_API_KEY: 'sk_test_value' };

describe('configuration from environment variables', () => {
  it('fills every default from an environment that only has the credentials', () => {
    const r = loadConfig(creds, { discord: true, seedance: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.seedance).toMatchObject({
      baseUrl: 'https://www.jimmyai.cn',
      createPath: '/api/open-api/v1/seedance/videos',
      queryPath: '/api/open-api/v1/videos/{taskId}',
      timeoutMs: 30_000,
    });
    expect(r.config.databasePath).toBe('./data/bot.sqlite');
    expect(r.config.logLevel).toBe('info');
    expect(r.config.poll).toMatchObject({
      firstDelayMs: 10_000,
      maxIntervalMs: 30_000,
      queriesPerSecond: 10,
      deadlineMs: 30 * 60_000,
      maxBackoffMs: 60_000,
      schedule: 'learned',
    });
    const fixed = loadConfig({ ...creds, POLL_SCHEDULE: 'fixed' }, { discord: true, seedance: true });
    expect(fixed.ok && fixed.config.poll.schedule).toBe('fixed');
    const wrong = loadConfig({ ...creds, POLL_SCHEDULE: 'smart' }, { discord: true, seedance: true });
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      expect.stringMatching(/^POLL_SCHEDULE: expected learned or fixed/),
    ]);
  });

  it('names every missing credential the entry point needs, and only those', () => {
    const r = loadConfig({}, { discord: true, seedance: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^DISCORD_TOKEN: required/);
    expect(r.problems[1]).toMatch(/^SEEDANCE_API_KEY: required/);
    expect(loadConfig({}, {}).ok).toBe(true);
    expect(loadConfig({ SEEDANCE_API_KEY: 'k' }, { seedance: true }).ok).toBe(true);
  });

  it('names every malformed variable with what it got, in one list', () => {
    const r = loadConfig({
      ...creds,
      SEEDANCE_TIMEOUT_MS: 'soon',
      SEEDANCE_BASE_URL: 'jimmyai',
      LOG_LEVEL: 'loud',
      DEV_GUILD_ID: '12',
      SEEDANCE_QUERY_PATH: '/videos',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const names = r.problems.map((p) => p.split(':')[0]).sort();
    expect(names).toEqual([
      'DEV_GUILD_ID',
      'LOG_LEVEL',
      'SEEDANCE_BASE_URL',
      'SEEDANCE_QUERY_PATH',
      'SEEDANCE_TIMEOUT_MS',
    ]);
    expect(r.problems.find((p) => p.startsWith('SEEDANCE_TIMEOUT_MS'))).toContain('got "soon"');
  });

  it('refuses a poll window whose minimum exceeds its maximum', () => {
    const r = loadConfig({ ...creds, POLL_MIN_INTERVAL_SEC: '60', POLL_MAX_INTERVAL_SEC: '30' });
    expect(r.ok ? [] : r.problems).toEqual(['POLL_MAX_INTERVAL_SEC: must be at least POLL_MIN_INTERVAL_SEC']);
  });

  it('formats the problems as one readable message without a stack trace', () => {
    const text = formatConfigProblems(['DISCORD_TOKEN: required']);
    expect(text).toMatch(/^Configuration error/);
    expect(text).toContain('  - DISCORD_TOKEN: required');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('.env.example copied as it is, with the two credentials filled, is a valid configuration', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    const r = loadConfig({ ...env, ...creds }, { discord: true, seedance: true });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('.env.example documents every variable of the schema', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(envSchema.shape).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it("storage and sharding: PostgreSQL by URL, shards as a count (or auto) and this process's ids", () => {
    const r = loadConfig({
      ...creds,
      DATABASE_URL: 'postgres://bot:pw@db:5432/seedance',
      SHARD_COUNT: '4',
      SHARD_IDS: '2, 3',
    });
    expect(r.ok && r.config.database).toEqual({
      url: 'postgres://bot:pw@db:5432/seedance',
      schema: 'public',
      poolSize: 8,
    });
    expect(r.ok && r.config.shards).toEqual({ count: 4, ids: [2, 3] });
    const auto = loadConfig({ ...creds, SHARD_COUNT: 'auto' });
    expect(auto.ok && auto.config.shards).toEqual({ count: 'auto', ids: undefined });
    const bad = loadConfig({ ...creds, DATABASE_URL: 'mysql://x', SHARD_COUNT: '2', SHARD_IDS: '1,2' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toMatch(/DATABASE_URL: expected a PostgreSQL URL/);
    const shards = loadConfig({ ...creds, SHARD_COUNT: '2', SHARD_IDS: '1,2' });
    expect(!shards.ok && shards.problems.join('\n')).toMatch(/SHARD_IDS: 2 not below SHARD_COUNT \(2\)/);
  });
});

describe('operators: keys, cooldown, HTTP server', () => {
  const creds = { DISCORD_TOKEN: 'x'.repeat(30), SEEDANCE_API_KEY: 'sk_one, sk_two ,sk_one' };
  it('several keys separated by commas, each once; a cooldown in minutes; no HTTP server unless a port is set', () => {
    const r = loadConfig(creds, { discord: true, seedance: true });
    expect(r.ok && r.config.seedance.apiKeys).toEqual(['sk_one', 'sk_two']);
    expect(r.ok && r.config.seedance.keyCooldownMs).toBe(10 * 60_000);
    expect(r.ok && r.config.http).toBeUndefined();
    const withPort = loadConfig({ ...creds, HTTP_PORT: '9464', KEY_COOLDOWN_MIN: '2' });
    expect(withPort.ok && withPort.config.http).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(withPort.ok && withPort.config.seedance.keyCooldownMs).toBe(120_000);
  });
  it('names a key list with no key, and a bad port', () => {
    const r = loadConfig({ ...creds, SEEDANCE_API_KEY: ' , ,', HTTP_PORT: '70000' }, { seedance: true });
    expect(r.ok ? [] : r.problems).toEqual([
      'HTTP_PORT: expected a port from 0 to 65535 (got "70000")',
      'SEEDANCE_API_KEY: expected one key, or several separated by commas (got only commas)',
    ]);
  });
});

describe('secrets in configuration problems (issue 20, defect 8)', () => {
  const creds = { DISCORD_TOKEN: 'x'.repeat(30), SEEDANCE_API_KEY: 'sk_one' };
  it('a rejected DATABASE_URL is shown without its password, however it is quoted or broken', () => {
    for (const raw of [
      '"postgres://bot:hunter2-secret@db:5432/seedance\'',
      'mysql://bot:hunter2-secret@db:5432/seedance',
      'postgres:/bot:hunter2-secret@db:5432/seedance',
      'bot:hunter2-secret@db:5432/seedance',
      'jdbc:postgresql://bot:hunter2-secret@db.example.internal:5432/seedance?ssl=true&sslmode=require',
    ]) {
      const r = loadConfig({ ...creds, DATABASE_URL: raw });
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.problems.join('\n');
      expect(text).toMatch(/^DATABASE_URL: expected a PostgreSQL URL/);
      expect(text).not.toContain('hunter2');
      expect(text).toContain(':***@');
    }
  });

  it('a value of a secret setting is never shown, only its length', () => {
    expect(showValue('DISCORD_TOKEN', 'MTIz.secret-token-value')).toBe('a value of 23 characters, not shown');
    for (const name of [
      'SEEDANCE_API_KEY',
      'METRICS_TOKEN',
      'DISCORD_CLIENT_SECRET',
      'POSTGRES_PASSWORD',
      'OTHER_TOKEN',
    ])
      expect(showValue(name, 'sk_live_secret')).not.toContain('sk_live_secret');
    expect(showValue('SEEDANCE_BASE_URL', 'https://user:pw-secret@h.example/x')).toBe('"https://user:***@h.example/x"');
    expect(showValue('LOG_LEVEL', 'loud')).toBe('"loud"');
  });

  it('one pair of matching quotes around a value (docker run --env-file keeps them) is dropped', () => {
    const r = loadConfig(
      {
        ...creds,
        DATABASE_URL: '"postgres://bot:pw@db:5432/seedance"',
        DISCORD_TOKEN: "'quoted-token-value'",
        SEEDANCE_TIMEOUT_MS: '"5000"',
      },
      { discord: true, seedance: true },
    );
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.ok && r.config.database.url).toBe('postgres://bot:pw@db:5432/seedance');
    expect(r.ok && r.config.discord.token).toBe('quoted-token-value');
    expect(r.ok && r.config.seedance.timeoutMs).toBe(5000);
    // Only a matching pair: a lone or mismatched quote stays (and is then refused where it is invalid).
    expect(loadConfig({ ...creds, SEEDANCE_TIMEOUT_MS: '"5000\'' }).ok).toBe(false);
    // Quotes alone are an empty value: a required credential is still missing.
    const empty = loadConfig({ ...creds, DISCORD_TOKEN: '""' }, { discord: true });
    expect(empty.ok ? [] : empty.problems).toEqual([expect.stringMatching(/^DISCORD_TOKEN: required/)]);
  });
});

describe('the health and metrics server is private by default (issue 20, defect 7)', () => {
  const creds = { DISCORD_TOKEN: 'x'.repeat(30), SEEDANCE_API_KEY: 'sk_one' };
  it('listens on 127.0.0.1 unless HTTP_HOST says otherwise; METRICS_TOKEN is a secret of 16+ characters', () => {
    const r = loadConfig({ ...creds, HTTP_PORT: '8080' });
    expect(r.ok && r.config.http).toEqual({ port: 8080, host: '127.0.0.1' });
    const open = loadConfig({ ...creds, HTTP_PORT: '8080', HTTP_HOST: '0.0.0.0', METRICS_TOKEN: 'm'.repeat(32) });
    expect(open.ok && open.config.http).toEqual({ port: 8080, host: '0.0.0.0', metricsToken: 'm'.repeat(32) });
    expect(open.ok && configSecrets(open.config)).toContain('m'.repeat(32));
    const db = loadConfig({ ...creds, DATABASE_URL: 'postgres://bot:p%40ss-word@db/x' });
    expect(db.ok && configSecrets(db.config)).toContain('p@ss-word');
    const short = loadConfig({ ...creds, METRICS_TOKEN: 'short-secret' });
    expect(short.ok ? [] : short.problems).toEqual([
      'METRICS_TOKEN: expected at least 16 characters (got a value of 12 characters, not shown)',
    ]);
  });
});

describe('user install and the operator blocklist (issue 22 §4)', () => {
  const needs = { discord: true, seedance: true };
  it('off by default, with conservative limits for when it is turned on; no blocklist file', () => {
    const r = loadConfig(creds, needs);
    expect(r.ok && r.config.userInstall).toEqual({
      enabled: false,
      limits: { dailyTasks: 5, running: 1, monthlySpend: 5 },
    });
    expect(r.ok && r.config.blocklistFile).toBeUndefined();
  });
  it('reads USER_INSTALL, the LIMIT_USER_* values (none = no limit) and BLOCKLIST_FILE; names bad values', () => {
    const r = loadConfig(
      {
        ...creds,
        USER_INSTALL: 'true',
        LIMIT_USER_DAILY_TASKS: 'none',
        LIMIT_USER_RUNNING: '3',
        LIMIT_USER_MONTHLY_SPEND: '12.5',
        BLOCKLIST_FILE: '/etc/bot/blocklist.txt',
      },
      needs,
    );
    expect(r.ok && r.config.userInstall).toEqual({
      enabled: true,
      limits: { dailyTasks: null, running: 3, monthlySpend: 12.5 },
    });
    expect(r.ok && r.config.blocklistFile).toBe('/etc/bot/blocklist.txt');
    const bad = loadConfig({ ...creds, USER_INSTALL: 'yes', LIMIT_USER_MONTHLY_SPEND: 'lots' }, needs);
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringMatching(/^USER_INSTALL: expected true or false \(got "yes"\)/),
      expect.stringMatching(/^LIMIT_USER_MONTHLY_SPEND: expected an amount of money .*\(got "lots"\)/),
    ]);
  });
});

describe('video addresses: https and public hosts only, unless the local demo says otherwise (issue 25 §2)', () => {
  it('ALLOW_INSECURE_VIDEO_URLS and ALLOW_PRIVATE_VIDEO_HOSTS are off by default, on only with true', () => {
    const off = loadConfig(creds, { discord: true, seedance: true });
    expect(off.ok && [off.config.allowInsecureVideoUrls, off.config.allowPrivateVideoHosts]).toEqual([false, false]);
    const on = loadConfig(
      { ...creds, ALLOW_INSECURE_VIDEO_URLS: 'true', ALLOW_PRIVATE_VIDEO_HOSTS: 'true' },
      { discord: true, seedance: true },
    );
    expect(on.ok && [on.config.allowInsecureVideoUrls, on.config.allowPrivateVideoHosts]).toEqual([true, true]);
    const wrong = loadConfig({ ...creds, ALLOW_INSECURE_VIDEO_URLS: 'yes' }, { discord: true, seedance: true });
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      expect.stringMatching(/^ALLOW_INSECURE_VIDEO_URLS: expected true or false/),
    ]);
  });
});
