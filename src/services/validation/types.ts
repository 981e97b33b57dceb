/** Plain shapes of a member's video request, the upstream body it becomes, and the problems found. */
import type { Message } from '../../i18n/index.js';
import type { BillingUnit, ModelSpec, Orientation, Ratio, Resolution } from '../../catalog/types.js';

/** One piece of reference media: a URL plus whatever Discord (or the caller) knows about it. */
export interface MediaInput {
  url: string;
  name?: string;
  contentType?: string;
  sizeBytes?: number;
  width?: number;
  height?: number;
  durationSec?: number;
  /** True when the member uploaded it as a Discord attachment (affects the advice on asset-only models). */
  fromAttachment?: boolean;
}

/** What a member asked for, with upstream field meanings; anything may be missing or wrong. */
export interface VideoRequestInput {
  model: string;
  prompt: string;
  duration?: number | string;
  resolution?: string;
  ratio?: string;
  orientation?: string;
  images?: MediaInput[];
  firstImage?: MediaInput;
  lastImage?: MediaInput;
  referenceVideos?: MediaInput[];
  referenceAudios?: MediaInput[];
}

/** Field names as the upstream API spells them. */
export type RequestField =
  | 'model'
  | 'prompt'
  | 'duration'
  | 'resolution'
  | 'ratio'
  | 'orientation'
  | 'images'
  | 'first_image'
  | 'last_image'
  | 'reference_videos'
  | 'reference_audios';

/** One problem of a request: the field it is about and its message (parameters checked against the key). */
export type Problem = { field: RequestField } & Message;

/** The exact JSON body for POST /api/open-api/v1/seedance/videos. */
export interface UpstreamCreateBody {
  model: string;
  prompt: string;
  duration: number;
  resolution?: Resolution;
  ratio?: Ratio;
  orientation?: Orientation;
  images?: string[];
  first_image?: string;
  last_image?: string;
  reference_videos?: string[];
  reference_audios?: string[];
}

/** What the task will cost in the model's own billing unit. */
export interface UsageCost {
  billing: BillingUnit;
  /** 1 for per-task models, the duration for per-second models. */
  units: number;
  seconds: number;
  /** The vendor's billing model name, e.g. `seedance2.0-mini-sp-720p`. */
  billedAs: string;
}

export type ValidationResult =
  | { ok: true; body: UpstreamCreateBody; model: ModelSpec; cost: UsageCost }
  | { ok: false; problems: Problem[] };
