/** Reads a /video interaction's options into the validation service's plain input. */
import type { Attachment, ChatInputCommandInteraction } from 'discord.js';
import type { VideoRequestDraft } from '../../services/generation/requestVideo.js';
import type { MediaInput } from '../../services/validation/types.js';
import { SLOTS, type VideoMode } from './definition.js';

export function mediaFromAttachment(a: Attachment): MediaInput {
  return {
    url: a.url,
    name: a.name,
    contentType: a.contentType ?? undefined,
    sizeBytes: a.size,
    width: a.width ?? undefined,
    height: a.height ?? undefined,
    durationSec: a.duration ?? undefined,
    fromAttachment: true,
  };
}

const numbered = (i: ChatInputCommandInteraction, base: string, count: number, first = 1) =>
  Array.from({ length: count }, (_, k) => i.options.getAttachment(`${base}${k + first}`))
    .filter((a): a is Attachment => !!a)
    .map(mediaFromAttachment);

export function readVideoInput(i: ChatInputCommandInteraction): VideoRequestDraft {
  const mode = i.options.getSubcommand() as VideoMode;
  const one = (name: string) => {
    const a = i.options.getAttachment(name);
    return a ? mediaFromAttachment(a) : undefined;
  };
  const input: VideoRequestDraft = {
    model: i.options.getString('model') ?? undefined,
    prompt: i.options.getString('prompt') ?? '',
    duration: i.options.getInteger('duration') ?? undefined,
    ratio: i.options.getString('ratio') ?? undefined,
    resolution: i.options.getString('resolution') ?? undefined,
  };
  switch (mode) {
    case 'images': {
      const audio = one('audio');
      return { ...input, images: numbered(i, 'image', SLOTS.images), referenceAudios: audio ? [audio] : undefined };
    }
    case 'frames': {
      const audio = one('audio');
      return {
        ...input,
        firstImage: one('first_frame'),
        lastImage: one('last_frame'),
        referenceAudios: audio ? [audio] : undefined,
      };
    }
    case 'references':
      return {
        ...input,
        referenceVideos: numbered(i, 'video', SLOTS.videos),
        images: numbered(i, 'image', SLOTS.refImages),
        referenceAudios: numbered(i, 'audio', SLOTS.audios),
      };
    default:
      return input;
  }
}
