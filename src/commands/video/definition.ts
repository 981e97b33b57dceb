/** /video as data: one sub-command per mode so each shows only the inputs that mode takes. */
import { InteractionContextType } from 'discord.js';
import { ratioChoices, resolutionChoices } from '../choices.js';
import { attachmentSlots, chatCommand, option, subcommand } from '../define.js';

/** How many attachment options each mode offers (the vendor's maxima: 9 images, 3 videos, 3 audios). */
export const SLOTS = { images: 9, refImages: 4, videos: 3, audios: 3 } as const;

export const MAX_PROMPT_OPTION_LENGTH = 5000;

const prompt = option.string('prompt', { required: true, maxLength: MAX_PROMPT_OPTION_LENGTH });

/**
 * The tuning options of every /video mode, right after the required options (Discord lists required ones first)
 * and before the optional attachment slots, so members see them without scrolling past 8–13 file slots.
 */
const tuning = [
  option.string('model', { autocomplete: true }),
  option.integer('duration', { min: 1, max: 15 }),
  option.string('ratio', { choices: ratioChoices }),
  option.string('resolution', { choices: resolutionChoices }),
] as const;

// The first slot of images and references is required: it stays with the required options.
const [image1, ...moreImages] = attachmentSlots('image', SLOTS.images, true);
const [video1, ...moreVideos] = attachmentSlots('video', SLOTS.videos, true);

export const videoDefinition = chatCommand('/video', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [
    subcommand('/video text', [prompt, ...tuning]),
    subcommand('/video images', [prompt, image1, ...tuning, ...moreImages, option.attachment('audio')]),
    subcommand('/video frames', [
      prompt,
      option.attachment('first_frame', { required: true }),
      option.attachment('last_frame'),
      option.attachment('audio'),
      ...tuning,
    ]),
    subcommand('/video references', [
      prompt,
      video1,
      ...tuning,
      ...moreVideos,
      ...attachmentSlots('image', SLOTS.refImages),
      ...attachmentSlots('audio', SLOTS.audios),
    ]),
  ],
});

export type VideoMode = (typeof videoDefinition.options)[number]['name'];
export const VIDEO_MODES: readonly VideoMode[] = videoDefinition.options.map((s) => s.name);
