/**
 * Zod schema of the scalar fields for one model, derived from its catalog row.
 * Each failure carries a message key (see i18n) so it can be rendered in the member's language.
 */
import { z } from 'zod';
import { ORIENTATIONS, type ModelSpec } from '../../catalog/types.js';
import type { MessageKey } from '../../i18n/index.js';

const key = (k: MessageKey) => ({ error: () => k });

/** Accepts "5" as well as 5 (CLI and JSON callers), keeps anything else for the schema to reject. */
const numeric = (v: unknown) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
const lowerTrim = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export function buildFieldSchema(model: ModelSpec) {
  return z.object({
    prompt: z
      .string(key('prompt.required'))
      .trim()
      .min(1, key('prompt.required'))
      .max(model.promptMaxChars, key('prompt.tooLong')),
    duration: z.preprocess(
      (v) => numeric(emptyToUndefined(v)),
      z
        .number(key('duration.range'))
        .int(key('duration.range'))
        .min(model.duration.min, key('duration.range'))
        .max(model.duration.max, key('duration.range'))
        .default(model.duration.default),
    ),
    resolution: z.preprocess(
      (v) => lowerTrim(emptyToUndefined(v)),
      z.enum(model.resolution.allowed, key('resolution.notAllowed')).default(model.resolution.default),
    ),
    ratio: z.preprocess(
      (v) => lowerTrim(emptyToUndefined(v)),
      z.enum(model.ratios, key('ratio.notAllowed')).optional(),
    ),
    orientation: z.preprocess(
      (v) => lowerTrim(emptyToUndefined(v)),
      z.enum(ORIENTATIONS, key('orientation.invalid')).optional(),
    ),
  });
}

export type ParsedFields = z.output<ReturnType<typeof buildFieldSchema>>;
