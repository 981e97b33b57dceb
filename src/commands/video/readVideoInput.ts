/** Turns /video's typed arguments into the validation service's plain input. */
import type { Attachment } from 'discord.js';
import type { VideoRequestDraft } from '../../services/generation/requestVideo.js';
import type { ArgumentsOf } from '../define.js';
import { mediaFromAttachment } from '../../discord/sourceMessage.js';
import { SLOTS, type videoDefinition } from './definition.js';

export type VideoArgs = ArgumentsOf<typeof videoDefinition>;

/** The attachments of numbered options `<base>1..<base>count`, in order, skipping empty ones. */
function numbered<B extends string>(args: { [k in `${B}${number}`]?: Attachment }, base: B, count: number) {
  return Array.from({ length: count }, (_, k) => args[`${base}${k + 1}` as `${B}${number}`])
    .filter((a): a is Attachment => !!a)
    .map(mediaFromAttachment);
}

const one = (a: Attachment | undefined) => (a ? mediaFromAttachment(a) : undefined);

export function readVideoInput(args: VideoArgs): VideoRequestDraft {
  const input: VideoRequestDraft = {
    model: args.model,
    prompt: args.prompt,
    duration: args.duration,
    ratio: args.ratio,
    resolution: args.resolution,
  };
  switch (args.subcommand) {
    case 'images':
      return {
        ...input,
        images: numbered(args, 'image', SLOTS.images),
        referenceAudios: args.audio ? [mediaFromAttachment(args.audio)] : undefined,
      };
    case 'frames':
      return {
        ...input,
        firstImage: mediaFromAttachment(args.first_frame),
        lastImage: one(args.last_frame),
        referenceAudios: args.audio ? [mediaFromAttachment(args.audio)] : undefined,
      };
    case 'references':
      return {
        ...input,
        referenceVideos: numbered(args, 'video', SLOTS.videos),
        images: numbered(args, 'image', SLOTS.refImages),
        referenceAudios: numbered(args, 'audio', SLOTS.audios),
      };
    case 'text':
      return input;
  }
}
