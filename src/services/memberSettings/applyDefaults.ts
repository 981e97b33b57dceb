/**
 * The precedence of a /video request's values, as one pure function: what the member typed in the command,
 * then the member's own defaults, then the server's, then the model's (validation fills those). A member
 * default the server switched off (a disabled model) or that does not fit (a value the model does not take,
 * a model that does not take this request's media) is skipped; what was used is reported for the card.
 */
import { findModel } from '../../catalog/models.js';
import type { ModelSpec, Ratio, Resolution } from '../../catalog/types.js';
import type { VideoRequestInput } from '../validation/types.js';
import type { MemberDefaults } from './memberSettings.js';

/** A request as read from Discord: the model may be left to the defaults. */
export type DraftRequest = Omit<VideoRequestInput, 'model'> & { model?: string };

/** The server's side: its default model, its defaults, and the models it has enabled. */
export interface ServerDefaults {
  defaultModel: string;
  defaults: MemberDefaults;
  enabledModels: readonly string[];
}

export interface ResolvedRequest {
  input: VideoRequestInput;
  /** The member defaults that made it into the request (empty when none did). */
  usedMemberDefaults: MemberDefaults;
}

/** Whether the model takes the media this request carries (else a default model would only cause problems). */
export function takesMediaOf(m: ModelSpec, d: DraftRequest): boolean {
  if (d.images?.length && !m.images) return false;
  if (m.images?.required && !d.images?.length) return false;
  if ((d.firstImage || d.lastImage) && !m.frames) return false;
  if (d.referenceVideos?.length && !m.videos) return false;
  if (d.referenceAudios?.length && !m.audios) return false;
  return true;
}

const fits = {
  ratio: (m: ModelSpec | undefined, v?: string) => !!m && !!v && m.ratios.includes(v as Ratio),
  resolution: (m: ModelSpec | undefined, v?: string) => !!m && !!v && m.resolution.allowed.includes(v as Resolution),
  duration: (m: ModelSpec | undefined, v?: number) =>
    !!m && v !== undefined && Number.isInteger(v) && v >= m.duration.min && v <= m.duration.max,
};

export function applyDefaults(
  draft: DraftRequest,
  member: MemberDefaults | undefined,
  server: ServerDefaults,
): ResolvedRequest {
  const used: MemberDefaults = {};
  const mine = member ?? {};
  let modelId = draft.model;
  if (modelId === undefined && mine.model !== undefined) {
    const m = findModel(mine.model);
    if (m && server.enabledModels.includes(m.id) && takesMediaOf(m, draft)) {
      modelId = m.id;
      used.model = m.id;
    }
  }
  modelId ??= server.defaultModel;
  const m = findModel(modelId);
  const pick = <K extends 'ratio' | 'resolution' | 'duration'>(key: K): MemberDefaults[K] => {
    if (draft[key] !== undefined) return draft[key] as MemberDefaults[K];
    const accepts = fits[key] as (m: ModelSpec | undefined, v?: MemberDefaults[K]) => boolean;
    if (accepts(m, mine[key])) {
      used[key] = mine[key];
      return mine[key];
    }
    return accepts(m, server.defaults[key]) ? server.defaults[key] : undefined;
  };
  return {
    input: {
      ...draft,
      model: modelId,
      ratio: pick('ratio'),
      resolution: pick('resolution'),
      duration: pick('duration'),
    },
    usedMemberDefaults: used,
  };
}
