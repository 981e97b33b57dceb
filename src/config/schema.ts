/**
 * Every setting of the bot, read from environment variables by one zod schema.
 * `.env.example` documents each variable; keep the two in step (a test checks it).
 */
import { z } from 'zod';
import { MODEL_IDS } from '../catalog/models.js';
import { parseLimitValue } from '../services/usage/limits.js';
import { MICROS, parseMoney } from '../services/usage/prices.js';

const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}` })
    .default(fallback);

const positive = (fallback: number) =>
  z.coerce.number({ error: 'expected a number' }).positive({ error: 'expected a number above 0' }).default(fallback);

const limit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const parsed = parseLimitValue(v);
      if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: 'expected a whole number, or none for no limit' });
        return z.NEVER;
      }
      return parsed;
    });

/** Money in the PRICES currency (decimals allowed), or `none`. */
const money = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      if (parseLimitValue(v) === null) return null;
      const micros = parseMoney(v);
      if (micros === undefined) {
        ctx.addIssue({ code: 'custom', message: 'expected an amount of money such as 50 or 12.5, or none' });
        return z.NEVER;
      }
      return micros / MICROS;
    });

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const absoluteUrl = z.string().trim().url({ error: 'expected an absolute URL such as https://example.com' });

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, { error: 'expected a Discord id (17–20 digits)' })
  .optional()
  .or(z.literal('').transform(() => undefined));

/** A TCP port (0 = any free one), optional. */
const port = z.coerce
  .number({ error: 'expected a port from 0 to 65535' })
  .int({ error: 'expected a port from 0 to 65535' })
  .min(0, { error: 'expected a port from 0 to 65535' })
  .max(65535, { error: 'expected a port from 0 to 65535' })
  .optional();

export const envSchema = z.object({
  // Discord
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DEV_GUILD_ID: snowflake,
  DISCORD_REST_URL: absoluteUrl.optional(),

  // Seedance upstream (jimmyai open API)
  SEEDANCE_API_KEY: optionalString,
  SEEDANCE_BASE_URL: absoluteUrl.default('https://www.jimmyai.cn'),
  SEEDANCE_CREATE_PATH: z
    .string()
    .trim()
    .startsWith('/', { error: 'expected a path starting with /' })
    .default('/api/open-api/v1/seedance/videos'),
  SEEDANCE_QUERY_PATH: z
    .string()
    .trim()
    .startsWith('/', { error: 'expected a path starting with /' })
    .refine((v) => v.includes('{taskId}'), { error: 'expected a path containing {taskId}' })
    .default('/api/open-api/v1/videos/{taskId}'),
  SEEDANCE_TIMEOUT_MS: int(1000, 300_000, 30_000),
  SEEDANCE_MAX_ANSWER_BYTES: int(16 * 1024, 64 * 1024 * 1024, 1024 * 1024),
  SEEDANCE_DEFAULT_MODEL: z
    .enum(MODEL_IDS, { error: `expected one of ${MODEL_IDS.join(', ')}` })
    .default('seedance2.0-mini-sp'),

  // The media review of Manxue (sd2_mx_*) uploads. ASSUMED contract: see src/services/seedance/assets.ts.
  SEEDANCE_ASSET_AUDIT_PATH: z
    .string()
    .trim()
    .startsWith('/', { error: 'expected a path starting with /' })
    .default('/api/open-api/v1/seedance/assets/audit'),
  SEEDANCE_ASSET_STATUS_PATH: z
    .string()
    .trim()
    .startsWith('/', { error: 'expected a path starting with /' })
    .default('/api/open-api/v1/seedance/assets/status'),
  SEEDANCE_ASSET_STATUS_METHOD: z.enum(['GET', 'POST'], { error: 'expected GET or POST' }).default('GET'),
  SEEDANCE_ASSET_STATUS_PARAM: z
    .string()
    .trim()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'expected a parameter name such as assetIds' })
    .default('assetIds'),
  ASSET_REVIEW_TIMEOUT_MIN: positive(10),

  // Storage and logs
  DATABASE_PATH: z.string().trim().min(1).default('./data/bot.sqlite'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, { error: 'expected a PostgreSQL URL such as postgres://user:pass@host:5432/db' })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: 'expected a lower-case PostgreSQL schema name such as public' })
    .default('public'),
  DATABASE_POOL_SIZE: int(1, 100, 8),
  TASK_RETENTION_DAYS: int(1, 3650, 30),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),

  // Poller timing
  POLL_FIRST_DELAY_SEC: positive(10),
  POLL_MIN_INTERVAL_SEC: positive(10),
  POLL_MAX_INTERVAL_SEC: positive(30),
  POLL_QUERIES_PER_SEC: positive(10),
  POLL_CONCURRENCY: int(1, 256, 8),
  POLL_MAX_BACKOFF_SEC: positive(60),
  POLL_SCHEDULE: z.enum(['learned', 'fixed'], { error: 'expected learned or fixed' }).default('learned'),
  TASK_DEADLINE_MIN: positive(30),
  TASK_LEASE_SEC: positive(30),
  QUEUE_SWEEP_SEC: positive(5),
  QUEUE_EDIT_GAP_SEC: positive(3),

  // Sharding: how many shards the bot has (a number, or auto = Discord's recommendation) and which this process runs.
  SHARD_COUNT: z
    .string()
    .trim()
    .regex(/^(auto|[1-9]\d{0,4})$/, { error: 'expected a number of shards (1 or more), or auto' })
    .default('1'),
  SHARD_IDS: z
    .string()
    .trim()
    .regex(/^\d{1,5}(\s*,\s*\d{1,5})*$/, { error: 'expected shard ids separated by commas, such as 0,1' })
    .optional(),

  // Default limits of every server (admins override them per server); a whole number, or `none`.
  LIMIT_GUILD_DAILY_TASKS: limit('100'),
  LIMIT_GUILD_MONTHLY_TASKS: limit('none'),
  LIMIT_GUILD_MONTHLY_SECONDS: limit('none'),
  LIMIT_MEMBER_DAILY_TASKS: limit('10'),
  LIMIT_MEMBER_RUNNING: limit('2'),
  LIMIT_GUILD_RUNNING: limit('6'),
  LIMIT_COOLDOWN_SECONDS: limit('10'),
  // Requests that wait for a running slot instead of being refused (0: no queue).
  LIMIT_GUILD_QUEUE: limit('20'),
  LIMIT_MEMBER_QUEUE: limit('3'),
  // Video delivery
  ALLOW_PRIVATE_VIDEO_HOSTS: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  // Plain http:// video addresses from the video service (the local fake, `npm run fake-seedance`, only).
  ALLOW_INSECURE_VIDEO_URLS: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true'),

  // Operators: key cooldown, prices and the spend cap, the health/metrics HTTP server.
  KEY_COOLDOWN_MIN: positive(10),
  PRICES: optionalString,
  PRICES_FILE: optionalString,
  // Money in the PRICES currency (decimals allowed), or none.
  LIMIT_GUILD_MONTHLY_SPEND: money('none'),
  HTTP_PORT: port,
  // This machine only by default: /metrics and /healthz answer without a login (the Docker image sets 0.0.0.0).
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  // A bearer token /metrics then asks for (/healthz stays open).
  METRICS_TOKEN: z.string().trim().min(16, { error: 'expected at least 16 characters' }).optional(),

  // The web dashboard (src/web): off unless WEB_PORT is set. Its own HTTP server, apart from HTTP_PORT's.
  WEB_PORT: port,
  WEB_HOST: z.string().trim().min(1).default('127.0.0.1'),
  // Addresses (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For/-Proto the dashboard believes: the
  // reverse proxy's. Loopback by default (a proxy on the same machine).
  WEB_TRUSTED_PROXIES: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/, {
      error: 'expected IP addresses or CIDR ranges separated by commas, such as 127.0.0.1,10.0.0.0/8',
    })
    .default('127.0.0.1,::1'),
  // The address members reach the dashboard at (behind a reverse proxy); https makes the session cookie Secure.
  PUBLIC_URL: absoluteUrl
    .refine((v) => /^https?:\/\//i.test(v), { error: 'expected an http:// or https:// URL' })
    .optional(),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_CLIENT_SECRET: optionalString,
  DISCORD_OAUTH_AUTHORIZE_URL: absoluteUrl.default('https://discord.com/oauth2/authorize'),
  OPERATOR_USER_IDS: z
    .string()
    .trim()
    .regex(/^(\d{17,20}(\s*,\s*\d{17,20})*)?$/, { error: 'expected Discord user ids separated by commas' })
    .optional(),

  // Fitting finished videos to the upload limit (ffmpeg)
  FFMPEG_PATH: optionalString,
  ENCODE_CONCURRENCY: int(1, 16, 1),
  ENCODE_TIMEOUT_SEC: int(10, 3600, 300),
  VIDEO_SOURCE_MAX_MB: int(10, 4096, 500),
  MEDIA_TMP_DIR: optionalString,

  DM_ENABLED: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true'),

  // User install: members add the app to their own account and use it where the bot is not (the operator's budget).
  USER_INSTALL: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  LIMIT_USER_DAILY_TASKS: limit('5'),
  LIMIT_USER_RUNNING: limit('1'),
  LIMIT_USER_MONTHLY_SPEND: money('5'),
  // The operator's prompt blocklist (one term a line), applied everywhere.
  BLOCKLIST_FILE: optionalString,
});

export type Env = z.output<typeof envSchema>;
