/**
 * The pino logger: JSON lines, with secrets removed wherever they could appear.
 * Known secrets (bot token, API keys, database password, metrics token) are scrubbed from every written line, whatever field or error
 * message carries them; interaction tokens, bearer headers and webhook URLs are masked by shape.
 */
import { pino, type Logger, type LoggerOptions, type DestinationStream } from 'pino';

export type { Logger };

const REDACTED = '[REDACTED]';

/** Fields whose value is always secret, at any of the depths where we log them. */
export const REDACT_PATHS = [
  'token',
  'apiKey',
  'interactionToken',
  'authorization',
  'Authorization',
  '*.token',
  '*.apiKey',
  '*.interactionToken',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'config.discord.token',
  'config.seedance.apiKey',
  'metricsToken',
  '*.metricsToken',
  'config.http.metricsToken',
];

/** Masks secrets by shape: bearer credentials and the token part of Discord webhook/interaction URLs. */
export function scrubShapes(line: string): string {
  return line
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`)
    .replace(/(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9._-]{20,}/g, `$1${REDACTED}`);
}

export function makeScrubber(secrets: readonly (string | undefined)[]): (line: string) => string {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return (line) => {
    let out = scrubShapes(line);
    for (const secret of known) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** No log line is longer than this (bytes); longer ones are replaced by a short line that says so. */
export const MAX_LINE_BYTES = 16 * 1024;
/** Context fields kept when a line is cut: who and what it was about. */
const KEPT_ON_CUT = [
  'level',
  'time',
  'app',
  'component',
  'msg',
  'taskId',
  'guildId',
  'upstreamTaskId',
  'interactionId',
  'userId',
];

/**
 * An over-long line becomes a valid JSON line with its short context, `truncated: true` and its length.
 * Runs after scrubbing, so a secret cut in half can never survive.
 */
export function capLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // Not JSON: keep nothing of it but its length.
  }
  const kept: Record<string, unknown> = {};
  for (const k of KEPT_ON_CUT) {
    const v = parsed[k];
    if (v !== undefined && (typeof v !== 'string' || v.length <= 512)) kept[k] = v;
  }
  return `${JSON.stringify({ ...kept, truncated: true, bytes: Buffer.byteLength(line) })}\n`;
}

/** Byte arrays are never logged, only their size. */
function describeBytes(v: unknown): string | undefined {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array || v instanceof ArrayBuffer)
    return `[${v.constructor.name} ${v.byteLength} bytes]`;
  return undefined;
}

/**
 * Errors as they help debugging: type, message, stack, Discord/HTTP code and status, method and URL, Discord's
 * own error body and the cause chain. Never the request body, its files or headers (discord.js errors keep
 * `requestBody.files[].data`: a failed 100 MiB upload must not become a 100 MiB line).
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return describeBytes(err) ?? err;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor?.name ?? 'Error', message: e.message, stack: e.stack };
  for (const k of [
    'code',
    'status',
    'method',
    'url',
    'kind',
    'mayHaveReachedServer',
    'upstreamCode',
    'upstreamMsg',
    'retryAfterMs',
  ]) {
    const v = e[k];
    if (v !== undefined && typeof v !== 'object' && typeof v !== 'function') out[k] = v;
  }
  if (e.rawError !== undefined) {
    const raw = JSON.stringify(e.rawError) ?? '';
    out.rawError = raw.length <= 2048 ? e.rawError : `${raw.slice(0, 2048)}…`;
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  if (err instanceof AggregateError && depth < 3)
    out.errors = err.errors.slice(0, 5).map((x) => serializeError(x, depth + 1));
  return out;
}

export interface LoggerSettings {
  level?: LoggerOptions['level'];
  /** Exact secret values to scrub from every line (bot token, API key). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go (default stdout); tests pass an in-memory stream. */
  destination?: DestinationStream;
  base?: Record<string, unknown>;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const scrub = makeScrubber(settings.secrets ?? []);
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: settings.base ?? { app: 'seedance-bot' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    hooks: { streamWrite: (line) => capLine(scrub(line)) },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
