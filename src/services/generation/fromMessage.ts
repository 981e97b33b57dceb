/**
 * A video started from someone's message (the "Animate" and "Use as references" context menus): which model
 * takes the message's media (the member's default if it does, else the server's default, else the first enabled
 * model of the catalog that does), and the request draft the media becomes on that model. Plain data in and out.
 */
import { canStartFromFrame, findModel, MODELS } from '../../catalog/models.js';
import type { ModelSpec } from '../../catalog/types.js';
import { applyDefaults, type ServerDefaults } from '../memberSettings/applyDefaults.js';
import type { MemberDefaults } from '../memberSettings/memberSettings.js';
import type { MediaInput } from '../validation/types.js';
import type { VideoRequestDraft } from './requestVideo.js';

/** Animate: one image (or all) starts the video; references: every image and a video guide it. */
export type SourceKind = 'animate' | 'references';

/** The usable media of a message, in the order it shows them. */
export interface SourceMedia {
  images: MediaInput[];
  videos: MediaInput[];
}

/** Which image(s) of the message Animate uses: one by its position, or all of them as references. */
export type ImagePick = number | 'all';

/** Where the model came from, for the form ("your default", "the server's default", "the first that fits"). */
export type ModelReason = 'member' | 'server' | 'catalog';

/** Whether the message has anything this kind of request can use. */
export function hasUsableMedia(kind: SourceKind, media: SourceMedia): boolean {
  return kind === 'animate' ? media.images.length > 0 : media.images.length + media.videos.length > 0;
}

/** Whether a model takes what this request would send it: an image at all (Animate), or its kinds of media. */
export function modelTakes(kind: SourceKind, m: ModelSpec, media: SourceMedia): boolean {
  if (kind === 'animate') return canStartFromFrame(m) || !!m.images;
  if (media.images.length && !m.images) return false;
  if (media.videos.length && !m.videos) return false;
  // A model that needs reference images cannot start from a video alone.
  if (m.images?.required && !media.images.length) return false;
  return true;
}

/**
 * The model for this request: the member's default when it takes the media and the server has it enabled, else
 * the server's default when it does, else the first enabled catalog model that does (undefined when none does).
 */
export function chooseSourceModel(
  kind: SourceKind,
  media: SourceMedia,
  memberModel: string | undefined,
  server: { defaultModel: string; enabledModels: readonly string[] },
): { model: ModelSpec; reason: ModelReason } | undefined {
  const fits = (m: ModelSpec | undefined): m is ModelSpec =>
    !!m && server.enabledModels.includes(m.id) && modelTakes(kind, m, media);
  const mine = memberModel ? findModel(memberModel) : undefined;
  if (fits(mine)) return { model: mine, reason: 'member' };
  const theirs = findModel(server.defaultModel);
  if (fits(theirs)) return { model: theirs, reason: 'server' };
  const first = MODELS.find(fits);
  return first ? { model: first, reason: 'catalog' } : undefined;
}

/** Whether Animate can offer "all of them as references" on this model (it takes several images). */
export const takesSeveralImages = (m: ModelSpec): boolean => (m.images?.max ?? 0) > 1;

/**
 * The request the message's media becomes on the model, with what the member typed. Animate: the picked image
 * is the first frame on a model that starts from one, else a reference image; "all" sends every image (up to the
 * model's limit) as references. References: every image and video up to the model's limits.
 */
export function draftFromSource(
  kind: SourceKind,
  model: ModelSpec,
  media: SourceMedia,
  pick: ImagePick,
  typed: Pick<VideoRequestDraft, 'prompt' | 'duration' | 'ratio'>,
): VideoRequestDraft {
  const base: VideoRequestDraft = { model: model.id, ...typed };
  const upTo = <T>(list: T[], max: number | undefined) => (max ? list.slice(0, max) : []);
  if (kind === 'references' || pick === 'all') {
    const images = upTo(media.images, model.images?.max);
    const videos = kind === 'references' ? upTo(media.videos, model.videos?.max) : [];
    return {
      ...base,
      ...(images.length ? { images } : {}),
      ...(videos.length ? { referenceVideos: videos } : {}),
    };
  }
  const image = media.images[pick] ?? media.images[0];
  if (!image) return base;
  return canStartFromFrame(model) ? { ...base, firstImage: image } : { ...base, images: [image] };
}

/** Every media URL of a source (to sign stale ones anew). */
export const sourceUrls = (media: SourceMedia): string[] => [...media.images, ...media.videos].map((m) => m.url);

/** The source with its URLs replaced (refreshed ones). */
export function withSourceUrls(media: SourceMedia, urls: ReadonlyMap<string, string>): SourceMedia {
  const swap = (m: MediaInput) => ({ ...m, url: urls.get(m.url) ?? m.url });
  return { images: media.images.map(swap), videos: media.videos.map(swap) };
}

/**
 * The form shows the model and the defaults prefilled: what the member left as the precedence gives it counts as
 * left out, so `applyDefaults` fills it again and reports which of the member's own defaults were used (the card
 * says so, as for /video). What they changed stays as typed.
 */
export function leaveDefaultsOut(
  draft: VideoRequestDraft,
  member: MemberDefaults | undefined,
  server: ServerDefaults,
): VideoRequestDraft {
  const { model: _m, duration: _d, ratio: _r, ...rest } = draft;
  const model = applyDefaults(rest, member, server).input.model === draft.model ? undefined : draft.model;
  const given = applyDefaults({ ...rest, model }, member, server).input;
  return {
    ...rest,
    ...(model !== undefined ? { model } : {}),
    ...(draft.duration !== undefined && draft.duration !== given.duration ? { duration: draft.duration } : {}),
    ...(draft.ratio !== undefined && draft.ratio !== given.ratio ? { ratio: draft.ratio } : {}),
  };
}
