/**
 * The reference-media rules of the vendor page, one function each: counts, mutually exclusive modes,
 * frames that need each other, audio never alone, URL schemes, content types and sizes.
 * Each returns the problems it finds; none throws.
 */
import { MODELS } from '../../catalog/models.js';
import type { AssetReviewRule, MediaLimits, ModelSpec } from '../../catalog/types.js';
import { bytes } from '../../i18n/params.js';
import { list } from './format.js';
import type { MediaInput, Problem, RequestField, VideoRequestInput } from './types.js';

/** Up to three model ids that accept uploaded https media of the given kind. */
export function suggestModels(accepts: (m: ModelSpec) => boolean): string {
  return list(
    MODELS.filter((m) => m.mediaScheme !== 'asset' && accepts(m))
      .slice(0, 3)
      .map((m) => m.id),
  );
}

interface Refs {
  images: MediaInput[];
  first?: MediaInput;
  last?: MediaInput;
  videos: MediaInput[];
  audios: MediaInput[];
}

export function collectRefs(input: VideoRequestInput): Refs {
  return {
    images: input.images ?? [],
    first: input.firstImage,
    last: input.lastImage,
    videos: input.referenceVideos ?? [],
    audios: input.referenceAudios ?? [],
  };
}

function imageRules(m: ModelSpec, r: Refs): Problem[] {
  const count = r.images.length;
  if (!m.images) {
    return count
      ? [
          {
            field: 'images',
            key: 'images.notAccepted',
            params: { model: m.id, suggest: suggestModels((x) => !!x.images) },
          },
        ]
      : [];
  }
  const out: Problem[] = [];
  if (count > m.images.max)
    out.push({ field: 'images', key: 'images.tooMany', params: { model: m.id, count, max: m.images.max } });
  if (m.images.required && count === 0)
    out.push({ field: 'images', key: 'images.required', params: { model: m.id, max: m.images.max } });
  return out;
}

function frameRules(m: ModelSpec, r: Refs): Problem[] {
  const hasFrames = !!(r.first || r.last);
  if (!hasFrames) return [];
  if (!m.frames) {
    return [
      {
        field: 'first_image',
        key: 'frames.notAccepted',
        params: { model: m.id, suggest: suggestModels((x) => !!x.frames) },
      },
    ];
  }
  const out: Problem[] = [];
  if (r.images.length) out.push({ field: 'first_image', key: 'frames.exclusiveWithImages', params: {} });
  if (m.frames.bothRequired && !(r.first && r.last)) {
    out.push({ field: r.first ? 'last_image' : 'first_image', key: 'frames.bothRequired', params: { model: m.id } });
  } else if (r.last && !r.first) {
    // ASSUMED for every family: a last frame alone has no meaning upstream.
    out.push({ field: 'first_image', key: 'frames.lastNeedsFirst', params: {} });
  }
  return out;
}

function videoRules(m: ModelSpec, r: Refs): Problem[] {
  const count = r.videos.length;
  if (!count) return [];
  if (!m.videos) {
    return [
      {
        field: 'reference_videos',
        key: 'videos.notAccepted',
        params: { model: m.id, suggest: suggestModels((x) => !!x.videos) },
      },
    ];
  }
  const rule = m.videos;
  const out: Problem[] = [];
  if (count > rule.max)
    out.push({ field: 'reference_videos', key: 'videos.tooMany', params: { model: m.id, count, max: rule.max } });
  const totalSec = r.videos.reduce((sum, v) => sum + (v.durationSec ?? 0), 0);
  if (totalSec > rule.maxTotalSeconds) {
    out.push({
      field: 'reference_videos',
      key: 'videos.totalDuration',
      params: { total: Math.round(totalSec * 10) / 10, max: rule.maxTotalSeconds },
    });
  }
  const totalBytes = r.videos.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0);
  if (totalBytes > rule.maxTotalBytes) {
    out.push({
      field: 'reference_videos',
      key: 'videos.totalSize',
      params: { total: bytes(totalBytes), max: bytes(rule.maxTotalBytes) },
    });
  }
  r.videos.forEach((v, i) => {
    if (v.width === undefined || v.height === undefined) return;
    const short = Math.min(v.width, v.height);
    if (short < rule.minShortSidePx || short > rule.maxShortSidePx) {
      out.push({
        field: 'reference_videos',
        key: 'videos.resolution',
        params: {
          name: displayName(v, i),
          width: v.width,
          height: v.height,
          min: rule.minShortSidePx,
          max: rule.maxShortSidePx,
        },
      });
    }
  });
  return out;
}

function audioRules(m: ModelSpec, r: Refs): Problem[] {
  const count = r.audios.length;
  if (!count) return [];
  if (!m.audios) {
    return [
      {
        field: 'reference_audios',
        key: 'audios.notAccepted',
        params: { model: m.id, suggest: suggestModels((x) => !!x.audios) },
      },
    ];
  }
  const out: Problem[] = [];
  if (count > m.audios.max)
    out.push({ field: 'reference_audios', key: 'audios.tooMany', params: { model: m.id, count, max: m.audios.max } });
  const hasFrames = !!(r.first || r.last);
  if (!r.images.length && !r.videos.length && !hasFrames)
    out.push({ field: 'reference_audios', key: 'audios.alone', params: {} });
  if (hasFrames && !m.audios.allowedWithFrames)
    out.push({ field: 'reference_audios', key: 'audios.notWithFrames', params: { model: m.id } });
  return out;
}

const displayName = (media: MediaInput, index: number) => media.name ?? `#${index + 1}`;

/** Scheme, content type and size of each item, against the rule of the field it was given in. */
function mediaItemRules(m: ModelSpec, field: RequestField, items: MediaInput[], limits: MediaLimits | null): Problem[] {
  const out: Problem[] = [];
  items.forEach((media, i) => {
    const url = media.url.trim();
    const isAsset = url.startsWith('asset://') && url.length > 'asset://'.length;
    const isHttps = /^https:\/\/[^\s/]+/i.test(url);
    const shown = url.length > 80 ? `${url.slice(0, 77)}…` : url;
    if (m.mediaScheme === 'asset' && !isAsset && !(m.assetReview && isHttps)) {
      // Models with a media review take https uploads too (reviewed, then sent as asset:// ids).
      if (m.assetReview) {
        out.push({ field, key: 'media.httpsOrAsset', params: { field, value: shown } });
      } else if (media.fromAttachment) {
        const suggest = suggestModels((x) => fieldAccepted(x, field));
        out.push({ field, key: 'media.assetOnlyAttachment', params: { field, model: m.id, suggest } });
      } else {
        out.push({ field, key: 'media.assetOnly', params: { field, model: m.id, value: shown } });
      }
    } else if (m.mediaScheme === 'https' && !isHttps) {
      out.push({ field, key: 'media.httpsOnly', params: { field, model: m.id, value: shown } });
    } else if (m.mediaScheme === 'https-or-asset' && !isHttps && !isAsset) {
      out.push({ field, key: 'media.httpsOrAsset', params: { field, value: shown } });
    }
    if (m.assetReview && !isAsset && isImageField(field)) out.push(...reviewImageRules(m.assetReview, field, media, i));
    if (!limits) return;
    const type = media.contentType?.split(';')[0]?.trim().toLowerCase();
    if (type && !limits.contentTypes.includes(type)) {
      out.push({
        field,
        key: 'media.contentType',
        params: { field, name: displayName(media, i), value: type, allowed: list(limits.contentTypes) },
      });
    }
    if (media.sizeBytes !== undefined && media.sizeBytes > limits.maxBytes) {
      out.push({
        field,
        key: 'media.tooLarge',
        params: {
          field,
          name: displayName(media, i),
          size: bytes(media.sizeBytes),
          max: bytes(limits.maxBytes),
        },
      });
    }
  });
  return out;
}

const isImageField = (field: RequestField) => field === 'images' || field === 'first_image' || field === 'last_image';

/** The media review's image bounds (sides and aspect ratio), checked when Discord said the image's size. */
function reviewImageRules(rule: AssetReviewRule, field: RequestField, media: MediaInput, i: number): Problem[] {
  const { width, height } = media;
  if (!width || !height) return [];
  const name = displayName(media, i);
  const out: Problem[] = [];
  if (Math.min(width, height) < rule.imageMinPx || Math.max(width, height) > rule.imageMaxPx)
    out.push({
      field,
      key: 'media.reviewImageSize',
      params: { field, name, width, height, min: rule.imageMinPx, max: rule.imageMaxPx },
    });
  const ratio = width / height;
  if (ratio < rule.imageMinRatio || ratio > rule.imageMaxRatio)
    out.push({
      field,
      key: 'media.reviewImageRatio',
      params: {
        field,
        name,
        width,
        height,
        ratio: Math.round(ratio * 100) / 100,
        min: rule.imageMinRatio,
        max: rule.imageMaxRatio,
      },
    });
  return out;
}

function fieldAccepted(m: ModelSpec, field: RequestField): boolean {
  switch (field) {
    case 'images':
      return !!m.images;
    case 'first_image':
    case 'last_image':
      return !!m.frames;
    case 'reference_videos':
      return !!m.videos;
    case 'reference_audios':
      return !!m.audios;
    default:
      return true;
  }
}

export function referenceProblems(m: ModelSpec, input: VideoRequestInput): Problem[] {
  const r = collectRefs(input);
  return [
    ...imageRules(m, r),
    ...frameRules(m, r),
    ...videoRules(m, r),
    ...audioRules(m, r),
    ...(m.images ? mediaItemRules(m, 'images', r.images, m.images) : []),
    ...(m.frames && r.first ? mediaItemRules(m, 'first_image', [r.first], m.frames) : []),
    ...(m.frames && r.last ? mediaItemRules(m, 'last_image', [r.last], m.frames) : []),
    ...(m.videos ? mediaItemRules(m, 'reference_videos', r.videos, m.videos) : []),
    ...(m.audios ? mediaItemRules(m, 'reference_audios', r.audios, m.audios) : []),
  ];
}
