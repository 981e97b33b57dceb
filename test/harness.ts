/**
 * Starts the whole bot the way a member meets it: the real app (real discord.js Client, real SQLite file
 * in a temp dir, real HTTP) against the loopback fake Discord and fake Seedance. One clock offset moves
 * the bot, the fake Discord and the fake Seedance forward together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type App, type AppOptions, createApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config/loadConfig.js';
import { startFakeSeedance, type FakeSeedance, type FakeSeedanceOptions } from '../src/dev/fake-seedance/index.js';
import { createLogger } from '../src/logging/logger.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fakes/discord/index.js';
import { dropSchema, newSchema, POSTGRES_URL } from './support/postgres.js';
import type { StoreKind } from './support/tempStore.js';

export interface HarnessOptions {
  env?: Record<string, string>;
  discord?: FakeDiscordOptions;
  seedance?: FakeSeedanceOptions;
  /** Reuse a database directory (restart tests). */
  dataDir?: string;
  /** false: start the fakes only; the test boots the app later (after another process used the data). */
  startApp?: boolean;
  /** Passed to the app (crash points in the task lifecycle). */
  checkpoint?: AppOptions['checkpoint'];
  /** Passed to the app (where the gallery's posting may be stopped). */
  galleryCheckpoint?: AppOptions['galleryCheckpoint'];
  /** Passed to the app (waits between tries to save a create's answer). */
  saveRetryMs?: AppOptions['saveRetryMs'];
  /** The store: the SQLite file in `dataDir` (default), or a fresh schema of the test PostgreSQL. */
  store?: StoreKind;
}

export interface Harness {
  app: App;
  discord: FakeDiscord;
  seedance: FakeSeedance;
  config: Config;
  dataDir: string;
  logs: string[];
  clock: { offset: number; now(): number; advance(ms: number): void };
  /** Stops the app (as a crash would, or gracefully) but keeps the fakes and the database. */
  stopApp(graceMs?: number): Promise<void>;
  /** A new app instance on the same database and fakes (a restart). */
  restart(): Promise<App>;
  /** The environment a bot process needs to run against these fakes and this data directory. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Limits off unless a test sets them: each test states the limits it is about. */
export const NO_LIMITS_ENV = {
  LIMIT_GUILD_DAILY_TASKS: 'none',
  LIMIT_MEMBER_DAILY_TASKS: 'none',
  LIMIT_MEMBER_RUNNING: 'none',
  LIMIT_GUILD_RUNNING: 'none',
  LIMIT_COOLDOWN_SECONDS: 'none',
};

export const FAST_POLL_ENV = {
  POLL_FIRST_DELAY_SEC: '0.05',
  POLL_MIN_INTERVAL_SEC: '0.05',
  POLL_MAX_INTERVAL_SEC: '0.2',
  POLL_QUERIES_PER_SEC: '100',
  QUEUE_SWEEP_SEC: '0.2',
  QUEUE_EDIT_GAP_SEC: '0.1',
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = {
    offset: 0,
    now: () => Date.now() + clock.offset,
    advance(ms: number) {
      clock.offset += ms;
    },
  };
  const seedance = await startFakeSeedance({
    now: clock.now,
    defaultScript: { kind: 'succeed', queuedMs: 100, runMs: 200 },
    ...options.seedance,
  });
  const discord = await startFakeDiscord({ now: clock.now, ...options.discord });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'seedance-bot-'));
  const schema = options.store === 'postgres' ? newSchema() : undefined;
  const env: Record<string, string> = {
    ...(schema ? { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '4' } : {}),
    // Short leases, so a killed process's tasks are taken over within seconds.
    TASK_LEASE_SEC: '1.5',
    DISCORD_TOKEN: discord.botToken,
    DISCORD_REST_URL: discord.restUrl,
    // The web dashboard's sign-in (used only when a test sets WEB_PORT).
    DISCORD_OAUTH_AUTHORIZE_URL: discord.oauth.authorizeUrl,
    SEEDANCE_API_KEY: seedance.apiKey,
    SEEDANCE_BASE_URL: seedance.url,
    SEEDANCE_TIMEOUT_MS: '2000',
    DATABASE_PATH: join(dataDir, 'bot.sqlite'),
    LOG_LEVEL: 'debug',
    // The fake Seedance serves its videos over plain http on 127.0.0.1.
    ALLOW_PRIVATE_VIDEO_HOSTS: 'true',
    ALLOW_INSECURE_VIDEO_URLS: 'true',
    ...FAST_POLL_ENV,
    ...NO_LIMITS_ENV,
    ...options.env,
  };
  const parsed = loadConfig(env, { discord: true, seedance: true });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  const logs: string[] = [];
  const destination = new Writable({
    write: (c, _e, done) => {
      logs.push(String(c));
      done();
    },
  });
  const logger = createLogger({
    level: 'debug',
    destination,
    secrets: [config.discord.token, config.seedance.apiKey, ...config.seedance.apiKeys],
  });

  const boot = async () => {
    const app = await createApp(config, logger, {
      now: clock.now,
      checkpoint: options.checkpoint,
      saveRetryMs: options.saveRetryMs,
      galleryCheckpoint: options.galleryCheckpoint,
    });
    await app.start();
    return app;
  };
  let app: App | undefined = options.startApp === false ? undefined : await boot();
  let stopped = app === undefined;
  const harness: Harness = {
    get app() {
      if (!app) throw new Error('the app has not been started (startApp: false); call restart()');
      return app;
    },
    env,
    discord,
    seedance,
    config,
    dataDir,
    logs,
    clock,
    async stopApp(graceMs = 0) {
      if (stopped) return;
      stopped = true;
      await app?.stop(graceMs);
    },
    async restart() {
      await harness.stopApp();
      app = await boot();
      stopped = false;
      return app;
    },
    async close() {
      await harness.stopApp();
      await discord.close();
      await seedance.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
  return harness;
}

/** Waits until `check` returns a truthy value (polling every 20 ms), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
