/** Reads a request written with upstream field names (as in the vendor's page) into a VideoRequestInput. */
import type { MediaInput, VideoRequestInput } from '../services/validation/index.js';

export type JsonRequestResult = { ok: true; input: VideoRequestInput } | { ok: false; error: string };

const KNOWN = new Set([
  'model',
  'prompt',
  'duration',
  'resolution',
  'ratio',
  'orientation',
  'images',
  'first_image',
  'last_image',
  'reference_videos',
  'reference_audios',
]);

function media(value: unknown, field: string): MediaInput {
  if (typeof value === 'string') return { url: value };
  if (value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string') {
    const v = value as Record<string, unknown>;
    const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
    return {
      url: v.url as string,
      name: typeof v.name === 'string' ? v.name : undefined,
      contentType: typeof v.content_type === 'string' ? v.content_type : undefined,
      sizeBytes: num('size'),
      width: num('width'),
      height: num('height'),
      durationSec: num('duration'),
    };
  }
  throw new Error(`${field} must be a URL string (or {"url": ...})`);
}

const mediaList = (value: unknown, field: string): MediaInput[] | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new Error(`${field} must be an array of URLs`);
  return value.map((v, i) => media(v, `${field}[${i}]`));
};

export function requestFromJson(text: string): JsonRequestResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `the request is not valid JSON (${(err as Error).message})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: 'the request must be a JSON object' };
  const o = raw as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN.has(k));
  if (unknown.length)
    return { ok: false, error: `unknown field(s): ${unknown.join(', ')}; known: ${[...KNOWN].join(', ')}` };
  const str = (k: string) => (o[k] === undefined || o[k] === null ? undefined : String(o[k]));
  try {
    return {
      ok: true,
      input: {
        model: str('model') ?? '',
        prompt: typeof o.prompt === 'string' ? o.prompt : '',
        duration: o.duration as VideoRequestInput['duration'], // the schema rejects anything but a whole number
        resolution: str('resolution'),
        ratio: str('ratio'),
        orientation: str('orientation'),
        images: mediaList(o.images, 'images'),
        firstImage: o.first_image == null ? undefined : media(o.first_image, 'first_image'),
        lastImage: o.last_image == null ? undefined : media(o.last_image, 'last_image'),
        referenceVideos: mediaList(o.reference_videos, 'reference_videos'),
        referenceAudios: mediaList(o.reference_audios, 'reference_audios'),
      },
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
