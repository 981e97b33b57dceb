/**
 * The pino logger: JSON lines, with secrets removed wherever they could appear.
 * Known secrets (bot token, API key) are scrubbed from every written line, whatever field or error
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
    hooks: { streamWrite: scrub },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
