/**
 * Parses the environment once at start-up into a typed Config, or a list of problems that
 * names every missing or malformed variable (never a stack trace).
 */
import { readFileSync } from 'node:fs';
import type { Level } from 'pino';
import { splitKeys } from '../services/seedance/keyPool.js';
import { type PriceTable, parsePriceTable } from '../services/usage/prices.js';
import type { Limits, UserInstallLimits } from '../services/usage/limits.js';
import { envSchema } from './schema.js';

/** What a given entry point cannot run without. */
export interface ConfigNeeds {
  discord?: boolean;
  seedance?: boolean;
}

export interface Config {
  discord: { token?: string; applicationId?: string; devGuildId?: string; restUrl?: string };
  seedance: {
    /** SEEDANCE_API_KEY as written (one key, or several separated by commas). */
    apiKey?: string;
    /** Each key on its own (see services/seedance/keyPool.ts). */
    apiKeys: string[];
    /** How long a key refused by the video service (or out of balance) is set aside. */
    keyCooldownMs: number;
    baseUrl: string;
    createPath: string;
    queryPath: string;
    timeoutMs: number;
    /** The largest answer body read from the video service (a larger one is a failed request). */
    maxAnswerBytes: number;
    defaultModel: string;
  };
  /** The media review of Manxue uploads: its routes (ASSUMED contract, configurable) and time limit. */
  assets: {
    auditPath: string;
    statusPath: string;
    statusMethod: 'GET' | 'POST';
    statusParam: string;
    reviewTimeoutMs: number;
  };
  databasePath: string;
  /** PostgreSQL instead of the SQLite file (several processes, several machines). */
  database: { url?: string; schema: string; poolSize: number };
  /** Finished tasks are deleted this long after they finished (with their index entries). */
  retention: { taskDays: number };
  /** Fetch finished videos from private, loopback and link-local addresses too (local testing only). */
  allowPrivateVideoHosts: boolean;
  /** Accept plain http:// video addresses from the video service (the local fake only; https otherwise). */
  allowInsecureVideoUrls: boolean;
  /** ffmpeg and its limits, for fitting videos to upload limits and taking last frames. */
  media: { ffmpegPath?: string; concurrency: number; timeoutMs: number; maxSourceBytes: number; tempRoot?: string };
  logLevel: Level | 'silent';
  poll: {
    firstDelayMs: number;
    minIntervalMs: number;
    maxIntervalMs: number;
    queriesPerSecond: number;
    concurrency: number;
    deadlineMs: number;
    /** The longest pause a 429's Retry-After (or a retry's back-off) may impose. */
    maxBackoffMs: number;
    /** How long a task's lease lasts (shared stores: a dead process's tasks are taken over after it). */
    leaseMs: number;
    /** `learned`: queries placed around each task's expected finish (learned render times); `fixed`: the curve alone. */
    schedule: 'learned' | 'fixed';
  };
  /** How often every queue is looked at, and the least gap between two rounds of position edits of one queue. */
  queue: { sweepMs: number; refreshGapMs: number };
  /** `auto`: Discord's recommended count (GET /gateway/bot); ids: the shards this process runs (default all). */
  shards: { count: number | 'auto'; ids?: number[] };
  /** Default limits of every guild (null = no limit), and whether DMs may generate. */
  limits: Limits;
  dmEnabled: boolean;
  /**
   * User install (USER_INSTALL): members may add the app to their own account and use it in servers that did not
   * add the bot and in group DMs; those requests count against these limits, one budget per member (`u<user>`).
   */
  userInstall: UserInstallConfig;
  /** The operator's prompt blocklist file (BLOCKLIST_FILE), applied everywhere, servers included. */
  blocklistFile?: string;
  /** The operator's prices (PRICES or PRICES_FILE): estimated costs and the spend limit. */
  prices?: PriceTable;
  /** The health and metrics HTTP server (off when no port; 0 picks a free port), and the token /metrics asks for. */
  http?: { port: number; host: string; metricsToken?: string };
  /** The web dashboard (WEB_PORT; off when unset). */
  web?: WebConfig;
}

/** The web dashboard's settings: its own server, Discord OAuth2 (code + PKCE), who the operators are. */
export interface WebConfig {
  port: number;
  host: string;
  /** Where members reach it (no trailing slash); unset: the address it is bound to (tests, local use). */
  publicUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Discord's authorize page (the fake Discord's in tests). */
  authorizeUrl: string;
  /** Discord's REST base with its version, for the token exchange and /users/@me (DISCORD_REST_URL's). */
  apiBase: string;
  operatorIds: string[];
  /** The reverse proxies whose forwarded headers are believed (WEB_TRUSTED_PROXIES); loopback when absent. */
  trustedProxies?: string[];
}

export interface UserInstallConfig {
  enabled: boolean;
  /** Per member, outside servers that added the bot (null = no limit). */
  limits: UserInstallLimits;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const REQUIRED: Record<keyof ConfigNeeds, Array<[name: string, hint: string]>> = {
  discord: [['DISCORD_TOKEN', 'the bot token from https://discord.com/developers/applications → Bot']],
  seedance: [['SEEDANCE_API_KEY', 'your jimmyai open-API key (starts with sk_)']],
};

/**
 * Settings whose value is (or holds) a secret: a rejected one is never echoed. Names matching SECRET_NAME count
 * too, so a setting added later is covered without being listed here.
 */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_SECRET',
  'SEEDANCE_API_KEY',
  'METRICS_TOKEN',
  'POSTGRES_PASSWORD',
]);
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_KEYS?|PRIVATE_KEY|CREDENTIALS?)$/;
export const isSecretSetting = (name: string) => SECRET_SETTINGS.has(name) || SECRET_NAME.test(name);

/**
 * A value as it may be shown in a problem: secret settings as their length only; anything else with the
 * password of a URL (`scheme://user:password@host`, quoted or not, parseable or not) replaced by `***`, and
 * cut at 60 characters. The masking runs before the cut, so half a password is never shown either.
 */
export function showValue(name: string, raw: string): string {
  if (isSecretSetting(name)) return `a value of ${raw.length} characters, not shown`;
  const masked = maskUrlCredentials(raw);
  return `"${masked.length > 60 ? `${masked.slice(0, 57)}…` : masked}"`;
}

/**
 * `postgres://bot:pw@db/x` → `postgres://bot:***@db/x`; a user part without `:` (a token) → `***@`; and
 * `password=`/`token=`-like query parameters → `***`. Everything up to the LAST `@` counts as the user part,
 * so a password holding an unescaped `@` or `/` is hidden whole (over-hiding a path is the safe side).
 */
export function maskUrlCredentials(raw: string): string {
  return raw
    .replace(/^([^:/@]*?[a-z][a-z0-9+.-]*:\/\/)?(.*)@/i, (_all, scheme: string | undefined, info: string) => {
      const colon = info.indexOf(':');
      return `${scheme ?? ''}${colon >= 0 ? `${info.slice(0, colon)}:***` : '***'}@`;
    })
    .replace(/([?&;](?:password|passwd|pwd|pass|token|secret|[a-z_]*key)=)[^&;#\s]*/gi, '$1***');
}

/**
 * `docker run --env-file` keeps quotes (`NAME="value"` gives `"value"`), where .env files read by the bot
 * (process.loadEnvFile) and shells drop them. One pair of matching surrounding quotes is dropped from the
 * bot's own settings, so both ways mean the same; no setting has a valid value that starts and ends with
 * the same quote character.
 */
export function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0] ? v.slice(1, -1) : value;
}

export function loadConfig(givenEnv: Record<string, string | undefined>, needs: ConfigNeeds = {}): ConfigResult {
  const problems: string[] = [];
  const env: Record<string, string | undefined> = { ...givenEnv };
  for (const name of Object.keys(envSchema.shape)) {
    const v = env[name];
    if (v !== undefined) env[name] = unquote(v);
  }
  // An empty variable (`NAME=` as in .env.example) means "not set": the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      const raw = env[name];
      problems.push(`${name}: ${issue.message}${raw !== undefined ? ` (got ${showValue(name, raw)})` : ''}`);
    }
  }
  for (const need of Object.keys(REQUIRED) as Array<keyof ConfigNeeds>) {
    if (!needs[need]) continue;
    for (const [name, hint] of REQUIRED[need]) {
      if (!env[name]?.trim()) problems.push(`${name}: required — ${hint}`);
    }
  }
  if (parsed.success && parsed.data.POLL_MIN_INTERVAL_SEC > parsed.data.POLL_MAX_INTERVAL_SEC) {
    problems.push('POLL_MAX_INTERVAL_SEC: must be at least POLL_MIN_INTERVAL_SEC');
  }
  if (parsed.success && parsed.data.SHARD_IDS && parsed.data.SHARD_COUNT !== 'auto') {
    const count = Number(parsed.data.SHARD_COUNT);
    const bad = parsed.data.SHARD_IDS.split(',')
      .map((x) => Number(x.trim()))
      .filter((id) => id >= count);
    if (bad.length)
      problems.push(
        `SHARD_IDS: ${bad.join(', ')} not below SHARD_COUNT (${count}); shard ids run from 0 to ${count - 1}`,
      );
  }
  if (parsed.success && parsed.data.WEB_PORT !== undefined) {
    if (!parsed.data.DISCORD_CLIENT_SECRET)
      problems.push(
        'DISCORD_CLIENT_SECRET: required when WEB_PORT is set (the web dashboard) — the OAuth2 client secret from https://discord.com/developers/applications → OAuth2',
      );
    if (!parsed.data.DISCORD_CLIENT_ID && !parsed.data.DISCORD_APPLICATION_ID)
      problems.push(
        'DISCORD_CLIENT_ID: required when WEB_PORT is set (or DISCORD_APPLICATION_ID, which it defaults to) — the OAuth2 client id',
      );
  }
  if (needs.seedance && env.SEEDANCE_API_KEY?.trim() && !splitKeys(env.SEEDANCE_API_KEY).length)
    problems.push('SEEDANCE_API_KEY: expected one key, or several separated by commas (got only commas)');
  let prices: PriceTable | undefined;
  if (parsed.success && (parsed.data.PRICES || parsed.data.PRICES_FILE)) {
    const [name, text] = readPrices(parsed.data.PRICES, parsed.data.PRICES_FILE, problems);
    if (text !== undefined) {
      const read = parsePriceTable(text);
      if (read.ok) prices = read.table;
      else problems.push(`${name}: ${read.problem}`);
    }
  }
  if (!parsed.success || problems.length) return { ok: false, problems };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      discord: {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        devGuildId: e.DEV_GUILD_ID,
        restUrl: e.DISCORD_REST_URL,
      },
      seedance: {
        apiKey: e.SEEDANCE_API_KEY,
        apiKeys: splitKeys(e.SEEDANCE_API_KEY),
        keyCooldownMs: e.KEY_COOLDOWN_MIN * 60_000,
        baseUrl: e.SEEDANCE_BASE_URL.replace(/\/+$/, ''),
        createPath: e.SEEDANCE_CREATE_PATH,
        queryPath: e.SEEDANCE_QUERY_PATH,
        timeoutMs: e.SEEDANCE_TIMEOUT_MS,
        maxAnswerBytes: e.SEEDANCE_MAX_ANSWER_BYTES,
        defaultModel: e.SEEDANCE_DEFAULT_MODEL,
      },
      assets: {
        auditPath: e.SEEDANCE_ASSET_AUDIT_PATH,
        statusPath: e.SEEDANCE_ASSET_STATUS_PATH,
        statusMethod: e.SEEDANCE_ASSET_STATUS_METHOD,
        statusParam: e.SEEDANCE_ASSET_STATUS_PARAM,
        reviewTimeoutMs: e.ASSET_REVIEW_TIMEOUT_MIN * 60_000,
      },
      databasePath: e.DATABASE_PATH,
      database: { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA, poolSize: e.DATABASE_POOL_SIZE },
      retention: { taskDays: e.TASK_RETENTION_DAYS },
      allowPrivateVideoHosts: e.ALLOW_PRIVATE_VIDEO_HOSTS,
      allowInsecureVideoUrls: e.ALLOW_INSECURE_VIDEO_URLS,
      media: {
        ffmpegPath: e.FFMPEG_PATH,
        concurrency: e.ENCODE_CONCURRENCY,
        timeoutMs: e.ENCODE_TIMEOUT_SEC * 1000,
        maxSourceBytes: e.VIDEO_SOURCE_MAX_MB * 1024 * 1024,
        tempRoot: e.MEDIA_TMP_DIR,
      },
      logLevel: e.LOG_LEVEL,
      poll: {
        firstDelayMs: e.POLL_FIRST_DELAY_SEC * 1000,
        minIntervalMs: e.POLL_MIN_INTERVAL_SEC * 1000,
        maxIntervalMs: e.POLL_MAX_INTERVAL_SEC * 1000,
        queriesPerSecond: e.POLL_QUERIES_PER_SEC,
        concurrency: e.POLL_CONCURRENCY,
        deadlineMs: e.TASK_DEADLINE_MIN * 60_000,
        maxBackoffMs: e.POLL_MAX_BACKOFF_SEC * 1000,
        leaseMs: e.TASK_LEASE_SEC * 1000,
        schedule: e.POLL_SCHEDULE,
      },
      queue: { sweepMs: e.QUEUE_SWEEP_SEC * 1000, refreshGapMs: e.QUEUE_EDIT_GAP_SEC * 1000 },
      shards: {
        count: e.SHARD_COUNT === 'auto' ? 'auto' : Number(e.SHARD_COUNT),
        ids: e.SHARD_IDS
          ? [...new Set(e.SHARD_IDS.split(',').map((x) => Number(x.trim())))].sort((a, b) => a - b)
          : undefined,
      },
      limits: {
        guild_daily_tasks: e.LIMIT_GUILD_DAILY_TASKS,
        guild_monthly_tasks: e.LIMIT_GUILD_MONTHLY_TASKS,
        guild_monthly_seconds: e.LIMIT_GUILD_MONTHLY_SECONDS,
        guild_monthly_spend: e.LIMIT_GUILD_MONTHLY_SPEND,
        member_daily_tasks: e.LIMIT_MEMBER_DAILY_TASKS,
        member_running: e.LIMIT_MEMBER_RUNNING,
        guild_running: e.LIMIT_GUILD_RUNNING,
        cooldown_seconds: e.LIMIT_COOLDOWN_SECONDS,
        guild_queue: e.LIMIT_GUILD_QUEUE,
        member_queue: e.LIMIT_MEMBER_QUEUE,
      },
      dmEnabled: e.DM_ENABLED,
      userInstall: {
        enabled: e.USER_INSTALL,
        limits: {
          dailyTasks: e.LIMIT_USER_DAILY_TASKS,
          running: e.LIMIT_USER_RUNNING,
          monthlySpend: e.LIMIT_USER_MONTHLY_SPEND,
        },
      },
      ...(e.BLOCKLIST_FILE ? { blocklistFile: e.BLOCKLIST_FILE } : {}),
      prices,
      http:
        e.HTTP_PORT !== undefined
          ? { port: e.HTTP_PORT, host: e.HTTP_HOST, ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}) }
          : undefined,
      web:
        e.WEB_PORT !== undefined
          ? {
              port: e.WEB_PORT,
              host: e.WEB_HOST,
              ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
              clientId: (e.DISCORD_CLIENT_ID ?? e.DISCORD_APPLICATION_ID)!,
              clientSecret: e.DISCORD_CLIENT_SECRET!,
              authorizeUrl: e.DISCORD_OAUTH_AUTHORIZE_URL,
              apiBase: `${(e.DISCORD_REST_URL ?? 'https://discord.com/api').replace(/\/+$/, '')}/v10`,
              operatorIds: e.OPERATOR_USER_IDS
                ? [...new Set(e.OPERATOR_USER_IDS.split(',').map((x) => x.trim()))].filter(Boolean)
                : [],
              trustedProxies: e.WEB_TRUSTED_PROXIES.split(',').map((x) => x.trim()),
            }
          : undefined,
    },
  };
}

/** The price table's text, from PRICES or else the file PRICES_FILE names (a problem when it cannot be read). */
function readPrices(
  inline: string | undefined,
  file: string | undefined,
  problems: string[],
): [name: string, text: string | undefined] {
  if (inline) return ['PRICES', inline];
  try {
    return ['PRICES_FILE', readFileSync(file!, 'utf8')];
  } catch (err) {
    problems.push(`PRICES_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return ['PRICES_FILE', undefined];
  }
}

/** Every secret value of a loaded config, for the logger to scrub from any line that carries it. */
export function configSecrets(config: Config): string[] {
  let databasePassword: string | undefined;
  try {
    databasePassword = config.database.url ? decodeURIComponent(new URL(config.database.url).password) : undefined;
  } catch {
    databasePassword = undefined;
  }
  return [
    config.discord.token,
    config.seedance.apiKey,
    ...config.seedance.apiKeys,
    databasePassword,
    config.http?.metricsToken,
    config.web?.clientSecret,
  ].filter((s): s is string => !!s);
}

/** The one message a person sees when the configuration is wrong. */
export function formatConfigProblems(problems: readonly string[]): string {
  return [
    'Configuration error: fix these environment variables (see .env.example; a .env file in the working directory is read too):',
    ...problems.map((p) => `  - ${p}`),
  ].join('\n');
}

/** Reads `.env` (when present) into process.env without overriding what is already set. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** For entry points: the config, or the clear message on stderr and exit code 1. */
export function configOrExit(needs: ConfigNeeds, env: Record<string, string | undefined> = process.env): Config {
  const result = loadConfig(env, needs);
  if (result.ok) return result.config;
  process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
  process.exit(1);
}
