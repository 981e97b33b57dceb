/**
 * The shape of one locale's command texts: every command text key's name and description, the choice names, and the
 * message context menu names.
 */
import type { CommandTextKey, MessageCommandKey } from '../commandTexts.js';

/**
 * Values of string choices that are words, shown in each language (limit names read their labels from the message
 * tables instead).
 */
export const CHOICE_WORDS = [
  'add',
  'remove',
  'clear',
  'enable',
  'disable',
  'list',
  'on',
  'off',
  'day',
  'week',
  'month',
  'all',
  // The `adaptive` aspect ratio (the video service picks it from the member's image or video).
  'adaptive',
] as const;
export type ChoiceWord = (typeof CHOICE_WORDS)[number];

export interface CommandLocale {
  /** `[name, description]`: a lower-case name Discord accepts (see test/commands), a description of 1–100 characters. */
  texts: Record<CommandTextKey, readonly [name: string, description: string]>;
  choices: Record<ChoiceWord, string>;
  /** Apps → <name> on a message: 1–32 characters, capitals and spaces allowed, worded as Discord's own menu items. */
  messageCommands: Record<MessageCommandKey, string>;
}
