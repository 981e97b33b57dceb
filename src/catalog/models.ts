/**
 * The Seedance model catalog: one row per model id, built from one row per route family.
 *
 * Source: ../shared/seeds/seedance-create-video-task.txt (the vendor's create-task page) and
 * ../shared/upstream-api.md. Every value the page states is product behaviour. Where the page is
 * silent for a family we take the nearest documented family and say so with `// ASSUMED:` and in
 * the row's `assumed` list, so the bot can tell members which rules are unconfirmed.
 */
import type {
  AssetReviewRule,
  AudioRule,
  Family,
  FrameRule,
  ImageRule,
  ModelSpec,
  Ratio,
  Resolution,
  VideoRule,
} from './types.js';

const MiB = 1024 * 1024;

// ASSUMED (all families): per-file size caps and MIME lists follow the vendor's upload endpoint
// (images jpg/png/gif/webp/bmp, video mp4/mov/webm, audio mp3/wav/aac/m4a/flac/ogg) and the official
// Seedance 2.0 caps (image 30 MB, video 50 MB, audio 15 MB).
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/gif'] as const;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
const AUDIO_TYPES = [
  'audio/mpeg',
  'audio/mp3',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/aac',
  'audio/mp4',
  'audio/x-m4a',
  'audio/flac',
  'audio/x-flac',
  'audio/ogg',
] as const;

const images = (max: number, required = false): ImageRule => ({
  max,
  required,
  maxBytes: 30 * MiB,
  contentTypes: IMAGE_TYPES,
});
const frames = (bothRequired: boolean): FrameRule => ({ bothRequired, maxBytes: 30 * MiB, contentTypes: IMAGE_TYPES });
const audios = (max: number, allowedWithFrames: boolean): AudioRule => ({
  max,
  allowedWithFrames,
  maxBytes: 15 * MiB,
  contentTypes: AUDIO_TYPES,
});
/** The MD page's reference-video rule: max 3, combined ≤ 15 s and ≤ 200 MB, each 720–2160 px. */
const mdVideos: VideoRule = {
  max: 3,
  maxTotalSeconds: 15,
  maxTotalBytes: 200 * MiB,
  minShortSidePx: 720,
  maxShortSidePx: 2160,
  maxBytes: 50 * MiB,
  contentTypes: VIDEO_TYPES,
};

const RATIOS_MD: readonly Ratio[] = ['16:9', '9:16', '1:1'];
const RATIOS_STD: readonly Ratio[] = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];
const RATIOS_FULL: readonly Ratio[] = [...RATIOS_STD, 'adaptive'];

type FamilyRules = Omit<ModelSpec, 'id' | 'family' | 'resolution'> & {
  resolution?: ModelSpec['resolution'];
};

const PROMPT_MAX = 5000; // Stated for MD ("max 5000 characters"); ASSUMED for every other family.

/**
 * ASSUMED (the Manxue upstream provider's asset-upload page): images for review need an aspect ratio of
 * 0.4–2.5 and 300–6000 px on each side.
 */
const MANXUE_REVIEW: AssetReviewRule = { imageMinPx: 300, imageMaxPx: 6000, imageMinRatio: 0.4, imageMaxRatio: 2.5 };

/**
 * Manxue full route: per second, 4–12 s, media only as asset:// ids. Uploads (https URLs) are sent to the
 * vendor's media review first (services/seedance/assets.ts) and used by their asset ids once Active.
 */
const manxue = (label: ModelSpec['label'], withVideos: boolean): FamilyRules => ({
  label,
  billing: 'per_second',
  duration: { min: 4, max: 12, default: 5 },
  ratios: RATIOS_FULL,
  promptMaxChars: PROMPT_MAX,
  mediaScheme: 'asset',
  images: images(9), // ASSUMED: max 9 as on STD / Fast I2V (page gives no maximum for Full).
  frames: frames(false), // ASSUMED: a first frame alone is allowed (only MD is said to need both).
  videos: withVideos ? mdVideos : null, // "reference_videos only for video-series models"; ASSUMED: MD's limits.
  audios: audios(3, true), // Audio supported on Full; ASSUMED: max 3 as on STD.
  assetReview: MANXUE_REVIEW,
  assumed: [
    'images.max',
    'frames.firstOnly',
    'audios.max',
    'ratio.adaptive-spelling',
    ...(withVideos ? ['videos.limits'] : []),
  ],
});

/** SP routes (economy and official): per second by resolution, 4–15 s, https or SP asset:// ids. */
const sp = (label: ModelSpec['label'], fast: boolean, official: boolean): FamilyRules => ({
  label,
  billing: 'per_second',
  duration: { min: 4, max: 15, default: 5 }, // Stated for SP economy; ASSUMED for SP official.
  // Stated: SP economy takes 480p/720p/1080p, default 720p. ASSUMED: fast variants stop at 720p,
  // as the official Seedance 2.0 fast model does.
  resolution: { allowed: fast ? ['480p', '720p'] : ['480p', '720p', '1080p'], default: '720p', fixed: false },
  ratios: RATIOS_STD, // ASSUMED: the STD list (the page lists ratios only for MD, STD and Full).
  promptMaxChars: PROMPT_MAX,
  mediaScheme: 'https-or-asset',
  images: images(9), // ASSUMED: max 9.
  frames: frames(false),
  videos: mdVideos, // ASSUMED: MD's reference-video limits.
  audios: audios(3, true), // Stated: audio supported on SP economy; ASSUMED: max 3.
  assumed: [
    'ratios',
    'images.max',
    'videos.limits',
    'audios.max',
    ...(fast ? ['resolution.allowed'] : []),
    ...(official ? ['duration', 'resolution.allowed', 'audios'] : []),
  ],
});

/** Mini routes: https URLs; Mini special is per task at 480p/720p (the seed page itself). */
const mini = (label: ModelSpec['label'], special: boolean): FamilyRules => ({
  label,
  billing: special ? 'per_task' : 'per_second',
  duration: { min: 4, max: 15, default: 5 }, // Stated for Mini-SP; ASSUMED for Mini.
  resolution: { allowed: ['480p', '720p'], default: '720p', fixed: false }, // Stated for Mini-SP; ASSUMED for Mini.
  ratios: RATIOS_STD, // ASSUMED: the page says "e.g. 16:9, 9:16, 1:1"; we take the STD list.
  promptMaxChars: PROMPT_MAX,
  mediaScheme: 'https',
  images: images(9), // ASSUMED: max 9.
  frames: frames(false),
  videos: mdVideos, // Mini-SP lists reference_videos; ASSUMED: MD's limits.
  audios: audios(3, true), // Mini-SP lists reference_audios; ASSUMED: max 3.
  assumed: [
    'ratios',
    'images.max',
    'videos.limits',
    'audios.max',
    ...(special ? [] : ['duration', 'resolution.allowed', 'audios']),
  ],
});

const FIXED_720P = { allowed: ['720p'], default: '720p', fixed: true } as const satisfies ModelSpec['resolution'];

/** MD routes: per task, 1–15 s, 720p fixed, 16:9/9:16/1:1, ≤4 images, both frames, no audio. */
const md = (label: ModelSpec['label']): FamilyRules => ({
  label,
  billing: 'per_task',
  duration: { min: 1, max: 15, default: 5 },
  resolution: FIXED_720P,
  ratios: RATIOS_MD,
  promptMaxChars: PROMPT_MAX,
  mediaScheme: 'https',
  images: images(4),
  frames: frames(true),
  videos: mdVideos,
  audios: null,
  assumed: [],
});

/** Rules of each family; `fast` tells whether the model id is a fast variant. */
const FAMILY_RULES: Record<Family, (fast: boolean) => FamilyRules> = {
  manxue: () => manxue({ en: 'Manxue full', zh: '满血版' }, false),
  'manxue-fast': () => manxue({ en: 'Manxue fast', zh: '满血快速版' }, false),
  'manxue-video': () => manxue({ en: 'Manxue video reference', zh: '满血视频参考版' }, true),
  'manxue-video-fast': () => manxue({ en: 'Manxue video reference fast', zh: '满血视频参考快速版' }, true),
  'sp-economy': (fast) =>
    sp(fast ? { en: 'SP economy fast', zh: 'SP 经济快速版' } : { en: 'SP economy', zh: 'SP 经济版' }, fast, false),
  'sp-official': (fast) =>
    sp(fast ? { en: 'SP official fast', zh: 'SP 官方快速版' } : { en: 'SP official', zh: 'SP 官方版' }, fast, true),
  mini: () => mini({ en: 'Mini', zh: 'Mini' }, false),
  'mini-sp': () => mini({ en: 'Mini special', zh: 'Mini 特价版' }, true),
  md: (fast) => md(fast ? { en: 'MD fast', zh: 'MD 快速版' } : { en: 'MD', zh: 'MD' }),
  // Fast I2V: per task, 1–15 s, 720p, "image refs only": no video or audio references.
  'fast-i2v': () => ({
    label: { en: 'Fast image-to-video', zh: '快速图生视频' },
    billing: 'per_task',
    duration: { min: 1, max: 15, default: 5 },
    resolution: FIXED_720P,
    ratios: RATIOS_MD, // ASSUMED: it is documented beside MD (…/md/fast-i2v); we take MD's ratios.
    promptMaxChars: PROMPT_MAX,
    mediaScheme: 'https',
    // ASSUMED: image-to-video needs at least one reference image, and "image refs only" excludes frames.
    images: images(9, true),
    frames: null,
    videos: null,
    audios: null,
    assumed: ['ratios', 'images.required', 'frames'],
  }),
  // STD: per task, 4–15 s, 720p, six ratios, ≤9 images, ≤3 audios, no audio in frame mode.
  std: () => ({
    label: { en: 'Standard', zh: '标准版' },
    billing: 'per_task',
    duration: { min: 4, max: 15, default: 5 },
    resolution: FIXED_720P,
    ratios: RATIOS_STD,
    promptMaxChars: PROMPT_MAX,
    mediaScheme: 'https',
    images: images(9),
    frames: frames(false), // ASSUMED: a first frame alone is allowed.
    videos: mdVideos, // ASSUMED: not excluded by the page; MD's limits.
    audios: audios(3, false),
    assumed: ['frames.firstOnly', 'videos'],
  }),
};

/** Every model id on the page, with its family and (for Manxue) the resolution its name fixes. */
const MODEL_ROWS: ReadonlyArray<readonly [id: string, family: Family, fixedResolution?: Resolution]> = [
  ['sd2_mx_720p', 'manxue', '720p'],
  ['sd2_mx_1080p', 'manxue', '1080p'],
  ['sd2_mx_2k', 'manxue', '2k'],
  ['sd2_mx_4k', 'manxue', '4k'],
  ['sd2_mx_fast_720p', 'manxue-fast', '720p'],
  ['sd2_mx_fast_1080p', 'manxue-fast', '1080p'],
  ['sd2_mx_video_720p', 'manxue-video', '720p'],
  ['sd2_mx_video_1080p', 'manxue-video', '1080p'],
  ['sd2_mx_video_2k', 'manxue-video', '2k'],
  ['sd2_mx_video_4k', 'manxue-video', '4k'],
  ['sd2_mx_video_fast_720p', 'manxue-video-fast', '720p'],
  ['sd2_mx_video_fast_1080p', 'manxue-video-fast', '1080p'],
  ['seedance2.0-sp', 'sp-economy'],
  ['seedance2.0-fast-sp', 'sp-economy'],
  ['seedance2.0-of-sp', 'sp-official'],
  ['seedance2.0-of-fast-sp', 'sp-official'],
  ['seedance2.0-mini', 'mini'],
  ['seedance2.0-mini-sp', 'mini-sp'],
  ['seedance2.0-md', 'md'],
  ['seedance2.0-fast-md', 'md'],
  ['seedance2.0-fast-i2v', 'fast-i2v'],
  ['seedance2.0-std', 'std'],
];

const isFastId = (id: string) => /(^|[-_])fast([-_]|$)/.test(id);

function buildModel([id, family, fixedResolution]: (typeof MODEL_ROWS)[number]): ModelSpec {
  const base = FAMILY_RULES[family](isFastId(id));
  const resolution: ModelSpec['resolution'] = fixedResolution
    ? { allowed: [fixedResolution], default: fixedResolution, fixed: true }
    : (base.resolution ?? FIXED_720P);
  return { ...base, id, family, resolution };
}

export const MODELS: readonly ModelSpec[] = MODEL_ROWS.map(buildModel);

const BY_ID = new Map(MODELS.map((m) => [m.id, m]));

export const MODEL_IDS = MODELS.map((m) => m.id) as [string, ...string[]];

export function findModel(id: string): ModelSpec | undefined {
  return BY_ID.get(id.trim());
}

/** The vendor's billing model name, e.g. `seedance2.0-mini-sp-720p` (per-task) or `seedance2.0-sp-1080p`. */
export function billingModelName(model: ModelSpec, resolution: Resolution): string {
  return model.resolution.fixed ? model.id : `${model.id}-${resolution}`;
}

/**
 * Whether a finished video of this model can be extended: the next shot starts from its last frame, sent as
 * a first frame alone over https (on Manxue models the frame goes through the media review first).
 */
export function canStartFromFrame(model: ModelSpec): boolean {
  return !!model.frames && !model.frames.bothRequired && (model.mediaScheme !== 'asset' || !!model.assetReview);
}
