/** Shapes of the model catalog: what one Seedance model id accepts and how it is billed. */

export const RESOLUTIONS = ['480p', '720p', '1080p', '2k', '4k'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16', 'adaptive'] as const;
export type Ratio = (typeof RATIOS)[number];

/** The ratios and resolutions offered for choosing (slash commands, the web console), in the order members see. */
export const RATIO_CHOICES = [
  '16:9',
  '9:16',
  '1:1',
  '4:3',
  '3:4',
  '21:9',
  'adaptive',
] as const satisfies readonly Ratio[];
export const RESOLUTION_CHOICES = ['480p', '720p', '1080p'] as const satisfies readonly Resolution[];

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** The vendor's route families; models in one family share their rules. */
export type Family =
  | 'manxue'
  | 'manxue-fast'
  | 'manxue-video'
  | 'manxue-video-fast'
  | 'sp-economy'
  | 'sp-official'
  | 'mini'
  | 'mini-sp'
  | 'md'
  | 'fast-i2v'
  | 'std';

/**
 * Which URL schemes reference media may use on this model.
 * - `asset`: only `asset://{assetId}` from the vendor's audit flow (Manxue full route).
 * - `https`: only public https URLs (Discord CDN attachments qualify).
 * - `https-or-asset`: either (SP routes have their own asset library).
 */
export type MediaScheme = 'asset' | 'https' | 'https-or-asset';

export type BillingUnit = 'per_task' | 'per_second';

export interface MediaLimits {
  /** Largest accepted file in bytes, when the size is known. */
  maxBytes: number;
  /** Accepted MIME types (checked when the content type is known). */
  contentTypes: readonly string[];
}

export interface ImageRule extends MediaLimits {
  max: number;
  /** At least one reference image is needed (image-to-video routes). */
  required: boolean;
}

export interface FrameRule extends MediaLimits {
  /** A frame request must carry both first_image and last_image. */
  bothRequired: boolean;
}

export interface VideoRule extends MediaLimits {
  max: number;
  /** Combined duration of all reference videos, seconds. */
  maxTotalSeconds: number;
  /** Combined size of all reference videos, bytes. */
  maxTotalBytes: number;
  /** Short side of each reference video, pixels (checked when known). */
  minShortSidePx: number;
  maxShortSidePx: number;
}

export interface AudioRule extends MediaLimits {
  max: number;
  /** Audio may be combined with first/last frames. */
  allowedWithFrames: boolean;
}

/**
 * The vendor's media review (Manxue full route): attachments are submitted for review and used as
 * `asset://{assetId}` once Active. Images must fit these bounds (ASSUMED: the upstream provider's documented rule).
 */
export interface AssetReviewRule {
  imageMinPx: number;
  imageMaxPx: number;
  /** width / height */
  imageMinRatio: number;
  imageMaxRatio: number;
}

export interface ModelSpec {
  id: string;
  family: Family;
  /** Short human label, e.g. "SP economy", shown in pickers. */
  label: { en: string; zh: string };
  billing: BillingUnit;
  duration: { min: number; max: number; default: number };
  /** Allowed resolutions; `fixed` means the route has one output size and ignores the field. */
  resolution: { allowed: readonly Resolution[]; default: Resolution; fixed: boolean };
  ratios: readonly Ratio[];
  promptMaxChars: number;
  mediaScheme: MediaScheme;
  images: ImageRule | null;
  frames: FrameRule | null;
  videos: VideoRule | null;
  audios: AudioRule | null;
  /** Set when https media (uploads) is accepted only after the vendor's media review turns it into asset:// ids. */
  assetReview?: AssetReviewRule;
  /** Fields whose values are our choice where the vendor page is silent (also commented in the table). */
  assumed: readonly string[];
}
