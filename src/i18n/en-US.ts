/** English (en-US) texts, the fallback locale. Keys are shared with zh-CN.ts. */
type P = Record<string, string | number>;
const s = (p: P, k: string) => String(p[k] ?? '');

export const enUS = {
  // Validation problems: each names the field and the allowed values.
  'model.unknown': (p: P) => `Model \`${s(p, 'value')}\` does not exist. Choose one of: ${s(p, 'allowed')}.`,
  'model.disabled': (p: P) => `Model \`${s(p, 'value')}\` is switched off on this server. Choose one of: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'The prompt is empty. Describe the video you want.',
  'prompt.tooLong': (p: P) => `The prompt is ${s(p, 'length')} characters; ${s(p, 'model')} accepts at most ${s(p, 'max')}.`,
  'duration.range': (p: P) => `Duration ${s(p, 'value')} s is not possible on ${s(p, 'model')}: choose a whole number of seconds from ${s(p, 'min')} to ${s(p, 'max')} (default ${s(p, 'default')}).`,
  'resolution.notAllowed': (p: P) => `Resolution \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p: P) => `Aspect ratio \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'orientation.invalid': (p: P) => `Orientation \`${s(p, 'value')}\` is not valid: use landscape or portrait.`,
  'orientation.conflict': (p: P) => `Orientation ${s(p, 'orientation')} contradicts aspect ratio ${s(p, 'ratio')}; the ratio wins upstream, so pick one that agrees or leave orientation out.`,
  'images.notAccepted': (p: P) => `${s(p, 'model')} does not take reference images. Models that do: ${s(p, 'suggest')}.`,
  'images.tooMany': (p: P) => `${s(p, 'count')} reference images given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'images.required': (p: P) => `${s(p, 'model')} makes video from images: add at least one reference image (up to ${s(p, 'max')}).`,
  'frames.notAccepted': (p: P) => `${s(p, 'model')} does not take first/last frames. Models that do: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () => 'Reference images and first/last frames cannot be used together: use either reference images or frames.',
  'frames.bothRequired': (p: P) => `${s(p, 'model')} needs both a first frame and a last frame in frame mode; a single frame is not supported.`,
  'frames.lastNeedsFirst': () => 'A last frame needs a first frame as well.',
  'videos.notAccepted': (p: P) => `${s(p, 'model')} does not take reference videos. Models that do: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p: P) => `${s(p, 'count')} reference videos given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'videos.totalDuration': (p: P) => `Reference videos last ${s(p, 'total')} s together; the limit is ${s(p, 'max')} s.`,
  'videos.totalSize': (p: P) => `Reference videos weigh ${s(p, 'total')} together; the limit is ${s(p, 'max')}.`,
  'videos.resolution': (p: P) => `Reference video ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')}; each video's short side must be ${s(p, 'min')}–${s(p, 'max')} px.`,
  'audios.notAccepted': (p: P) => `${s(p, 'model')} does not take reference audio. Models that do: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p: P) => `${s(p, 'count')} reference audio clips given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'audios.alone': () => 'Reference audio cannot be used alone: add a reference image, a reference video or first/last frames.',
  'audios.notWithFrames': (p: P) => `${s(p, 'model')} does not accept reference audio in frame mode: drop the audio or use reference images instead of frames.`,
  'media.assetOnly': (p: P) => `${s(p, 'field')}: ${s(p, 'model')} takes media only as asset:// ids from the vendor's asset audit, not \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p: P) => `${s(p, 'field')}: ${s(p, 'model')} cannot use uploaded files (it needs audited asset:// ids). Pick a model that takes uploads, for example ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p: P) => `${s(p, 'field')}: ${s(p, 'model')} needs a public https:// URL, not \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p: P) => `${s(p, 'field')}: use a public https:// URL or an asset:// id, not \`${s(p, 'value')}\`.`,
  'media.contentType': (p: P) => `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'value')}; accepted types: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p: P) => `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'size')}; the limit is ${s(p, 'max')}.`,
  'field.invalid': (p: P) => `${s(p, 'field')} is not valid: ${s(p, 'detail')}.`,
} as const;

export type MessageKey = keyof typeof enUS;
