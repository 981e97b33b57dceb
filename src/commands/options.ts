/** Builders for the options our commands share, localised from i18n/commandTexts. */
import type {
  SlashCommandAttachmentOption,
  SlashCommandIntegerOption,
  SlashCommandStringOption,
  SlashCommandSubcommandBuilder,
  SlashCommandBuilder,
} from 'discord.js';
import { COMMAND_TEXTS, type CommandText, type CommandTextKey } from '../i18n/commandTexts.js';

type Localizable = {
  setName(n: string): unknown;
  setDescription(d: string): unknown;
  setNameLocalizations(l: Record<string, string>): unknown;
  setDescriptionLocalizations(l: Record<string, string>): unknown;
};

export function localize<T extends Localizable>(target: T, key: CommandTextKey, suffix = ''): T {
  const t: CommandText = COMMAND_TEXTS[key];
  target.setName(`${t.name}${suffix}`);
  target.setDescription(t.description);
  target.setNameLocalizations({ 'zh-CN': `${t.zhName}${suffix}` });
  target.setDescriptionLocalizations({ 'zh-CN': t.zhDescription });
  return target;
}

export const RATIO_CHOICES = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', 'adaptive'] as const;
export const RESOLUTION_CHOICES = ['480p', '720p', '1080p'] as const;
export const MAX_PROMPT_OPTION_LENGTH = 5000;

export const promptOption = (o: SlashCommandStringOption) =>
  localize(o, 'prompt').setRequired(true).setMaxLength(MAX_PROMPT_OPTION_LENGTH);
export const modelOption = (o: SlashCommandStringOption) => localize(o, 'model').setAutocomplete(true);
export const durationOption = (o: SlashCommandIntegerOption) => localize(o, 'duration').setMinValue(1).setMaxValue(15);
export const ratioOption = (o: SlashCommandStringOption) =>
  localize(o, 'ratio').addChoices(...RATIO_CHOICES.map((r) => ({ name: r, value: r })));
export const resolutionOption = (o: SlashCommandStringOption) =>
  localize(o, 'resolution').addChoices(...RESOLUTION_CHOICES.map((r) => ({ name: r, value: r })));
export const attachmentOption =
  (key: CommandTextKey, required: boolean, suffix = '') =>
  (o: SlashCommandAttachmentOption) =>
    localize(o, key, suffix).setRequired(required);

/** The tuning options every /video mode ends with (optional, after the required ones). */
export function addTuning(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return sub
    .addStringOption(modelOption)
    .addIntegerOption(durationOption)
    .addStringOption(ratioOption)
    .addStringOption(resolutionOption);
}

export type CommandBuilder = Pick<SlashCommandBuilder, 'toJSON' | 'name'>;
