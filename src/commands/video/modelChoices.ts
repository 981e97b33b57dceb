/** Autocomplete for the model option: the models that fit the chosen mode, each saying what it takes. */
import { MODELS } from '../../catalog/models.js';
import type { ModelSpec } from '../../catalog/types.js';
import { type Locale, t } from '../../i18n/index.js';
import { joinFacts } from '../../discord/render/shortText.js';
import type { VideoMode } from './definition.js';

/** Uploads work where https media is taken, or where the vendor's media review turns them into asset ids. */
const takesUploads = (m: ModelSpec) => m.mediaScheme !== 'asset' || !!m.assetReview;

const FITS: Record<VideoMode, (m: ModelSpec) => boolean> = {
  text: (m) => !m.images?.required,
  images: (m) => !!m.images && takesUploads(m),
  frames: (m) => !!m.frames && takesUploads(m),
  references: (m) => !!m.videos && takesUploads(m),
};

/**
 * What a model's autocomplete entry says, most useful first: its name, resolutions, lengths, what it takes, how it
 * is billed, its id (`mark`, when given, before all of them).
 */
export function modelChoiceFacts(m: ModelSpec, locale: Locale, mark?: string): string[] {
  const refs = [
    m.images && t(locale, 'model.choice.images'),
    m.frames && t(locale, 'model.choice.frames'),
    m.videos && t(locale, 'model.choice.videos'),
    m.audios && t(locale, 'model.choice.audios'),
  ]
    .filter(Boolean)
    .join('/');
  const billing = t(locale, m.billing === 'per_task' ? 'model.choice.perTask' : 'model.choice.perSecond');
  const media =
    m.mediaScheme === 'asset'
      ? m.assetReview
        ? t(locale, 'model.choice.reviewed', { refs })
        : t(locale, 'model.choice.assetOnly')
      : refs || t(locale, 'model.choice.textOnly');
  // The catalog names each model in English and Simplified Chinese; other languages read the English name.
  const label = locale === 'zh-CN' ? m.label.zh : m.label.en;
  return [
    ...(mark ? [mark] : []),
    label,
    m.resolution.allowed.join('/'),
    `${m.duration.min}-${m.duration.max}s`,
    media,
    billing,
    m.id,
  ];
}

/** A model's autocomplete entry within Discord's 100 characters, shortened on words (see modelChoiceFacts). */
export function describeModelChoice(m: ModelSpec, locale: Locale, mark?: string): string {
  return joinFacts(modelChoiceFacts(m, locale, mark), 100);
}

/** The models that fit `mode` and match what was typed; the member's own default (`mine`) first and marked. */
export function modelChoices(
  mode: VideoMode,
  typed: string,
  locale: Locale,
  enabled?: readonly string[],
  mine?: string,
) {
  const q = typed.trim().toLowerCase();
  return MODELS.filter((m) => FITS[mode](m) && (!enabled || enabled.includes(m.id)))
    .filter((m) => !q || m.id.includes(q) || m.label.en.toLowerCase().includes(q) || m.label.zh.includes(q))
    .sort((a, b) => Number(b.id === mine) - Number(a.id === mine))
    .slice(0, 25)
    .map((m) => ({
      name: describeModelChoice(m, locale, m.id === mine ? t(locale, 'settings.yourDefault') : undefined),
      value: m.id,
    }));
}
