/**
 * The rules of each model family as /help shows them, derived from the catalog (never restated): per aspect
 * (durations, resolutions, ratios, references, billing) one value when every model of the family agrees,
 * else the value of each model.
 */
import { MODELS } from '../../catalog/models.js';
import type { Family, ModelSpec } from '../../catalog/types.js';

/** One aspect of a model as data: the renderer turns it into words. */
export type Aspect =
  | { kind: 'durations'; min: number; max: number; default: number }
  | { kind: 'resolutions'; allowed: readonly string[]; fixed: boolean }
  | { kind: 'ratios'; allowed: readonly string[] }
  | { kind: 'references'; refs: readonly Reference[] }
  | { kind: 'billing'; billing: ModelSpec['billing'] };

export type Reference =
  | { kind: 'textOnly' }
  | { kind: 'images'; max: number; required: boolean }
  | { kind: 'frames'; bothRequired: boolean }
  | { kind: 'videos'; max: number; seconds: number }
  | { kind: 'audios'; max: number }
  | { kind: 'reviewed' }
  | { kind: 'assetOnly' };

/** An aspect of a family: shared by all its models, or given per model. */
export type FamilyAspect = { shared: Aspect } | { perModel: Array<{ model: string; aspect: Aspect }> };

export interface FamilyRules {
  family: Family;
  /** The family's name, as the catalog labels its first model. */
  label: { en: string; zh: string };
  models: string[];
  aspects: FamilyAspect[];
}

function references(m: ModelSpec): Reference[] {
  const refs: Reference[] = [];
  if (m.images) refs.push({ kind: 'images', max: m.images.max, required: m.images.required });
  if (m.frames) refs.push({ kind: 'frames', bothRequired: m.frames.bothRequired });
  if (m.videos) refs.push({ kind: 'videos', max: m.videos.max, seconds: m.videos.maxTotalSeconds });
  if (m.audios) refs.push({ kind: 'audios', max: m.audios.max });
  if (!refs.length) refs.push({ kind: 'textOnly' });
  if (m.mediaScheme === 'asset') refs.push(m.assetReview ? { kind: 'reviewed' } : { kind: 'assetOnly' });
  return refs;
}

const ASPECTS: Array<(m: ModelSpec) => Aspect> = [
  (m) => ({ kind: 'durations', ...m.duration }),
  (m) => ({ kind: 'resolutions', allowed: m.resolution.allowed, fixed: m.resolution.fixed }),
  (m) => ({ kind: 'ratios', allowed: m.ratios }),
  (m) => ({ kind: 'references', refs: references(m) }),
  (m) => ({ kind: 'billing', billing: m.billing }),
];

/** Every family in catalog order, with its rules. */
export function familyRules(models: readonly ModelSpec[] = MODELS): FamilyRules[] {
  const byFamily = new Map<Family, ModelSpec[]>();
  for (const m of models) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  return [...byFamily].map(([family, ms]) => ({
    family,
    label: ms[0]!.label,
    models: ms.map((m) => m.id),
    aspects: ASPECTS.map((of) => {
      const each = ms.map((m) => ({ model: m.id, aspect: of(m) }));
      const same = each.every((e) => JSON.stringify(e.aspect) === JSON.stringify(each[0]!.aspect));
      return same ? { shared: each[0]!.aspect } : { perModel: each };
    }),
  }));
}
