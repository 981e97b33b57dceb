/** /video as data: one sub-command per mode so each shows only the inputs that mode takes. */
import { InteractionContextType, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { addTuning, attachmentOption, localize, promptOption } from '../options.js';

export const VIDEO_MODES = ['text', 'images', 'frames', 'references'] as const;
export type VideoMode = (typeof VIDEO_MODES)[number];

/** How many attachment options each mode offers (the vendor's maxima: 9 images, 3 videos, 3 audios). */
export const SLOTS = { images: 9, refImages: 4, videos: 3, audios: 3 } as const;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const text = (s: SlashCommandSubcommandBuilder) => addTuning(localize(s, 'video.text').addStringOption(promptOption));

const images = (s: SlashCommandSubcommandBuilder) => {
  localize(s, 'video.images')
    .addStringOption(promptOption)
    .addAttachmentOption(attachmentOption('image', true, '1'));
  for (const i of range(SLOTS.images).slice(1)) s.addAttachmentOption(attachmentOption('image', false, String(i)));
  s.addAttachmentOption(attachmentOption('audio', false));
  return addTuning(s);
};

const frames = (s: SlashCommandSubcommandBuilder) =>
  addTuning(
    localize(s, 'video.frames')
      .addStringOption(promptOption)
      .addAttachmentOption(attachmentOption('first_frame', true))
      .addAttachmentOption(attachmentOption('last_frame', false))
      .addAttachmentOption(attachmentOption('audio', false)),
  );

const references = (s: SlashCommandSubcommandBuilder) => {
  localize(s, 'video.references')
    .addStringOption(promptOption)
    .addAttachmentOption(attachmentOption('video_ref', true, '1'));
  for (const i of range(SLOTS.videos).slice(1)) s.addAttachmentOption(attachmentOption('video_ref', false, String(i)));
  for (const i of range(SLOTS.refImages)) s.addAttachmentOption(attachmentOption('image', false, String(i)));
  for (const i of range(SLOTS.audios)) s.addAttachmentOption(attachmentOption('audio', false, String(i)));
  return addTuning(s);
};

export const videoDefinition = localize(new SlashCommandBuilder(), 'video')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addSubcommand(text)
  .addSubcommand(images)
  .addSubcommand(frames)
  .addSubcommand(references)
  .toJSON();
