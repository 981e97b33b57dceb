/** A readable (or JSON) listing of the model catalog, for `npm run cli -- models`. */
import { MODELS } from '../catalog/models.js';

export function describeModels(asJson: boolean): string {
  if (asJson) return JSON.stringify(MODELS);
  return MODELS.map((m) => {
    const refs = [
      m.images ? `images ≤${m.images.max}${m.images.required ? ' (required)' : ''}` : null,
      m.frames ? `frames${m.frames.bothRequired ? ' (both)' : ''}` : null,
      m.videos ? `videos ≤${m.videos.max}` : null,
      m.audios ? `audio ≤${m.audios.max}` : null,
    ].filter(Boolean);
    return [
      m.id.padEnd(26),
      `${m.duration.min}-${m.duration.max}s`.padEnd(7),
      m.resolution.allowed.join('/').padEnd(16),
      m.billing === 'per_task' ? 'per task  ' : 'per second',
      `ratios:${m.ratios.join(',')}`.padEnd(45),
      `media:${m.mediaScheme}${m.assetReview ? '+review' : ''}`.padEnd(21),
      refs.join(', ') || 'text only',
      m.assumed.length ? `  (assumed: ${m.assumed.join(', ')})` : '',
    ].join(' ');
  }).join('\n');
}
