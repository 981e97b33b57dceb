/** The shape of one locale's command texts: every command text key's name and description, and the choice names. */
import type { CommandTextKey } from '../commandTexts.js';

/** Values of string choices that are words (limit names read their labels from the message tables instead). */
export const CHOICE_WORDS = ['add', 'remove', 'clear', 'enable', 'disable', 'list'] as const;
export type ChoiceWord = (typeof CHOICE_WORDS)[number];

export interface CommandLocale {
  /** `[name, description]`: a lower-case name Discord accepts (see test/commands), a description of 1–100 characters. */
  texts: Record<CommandTextKey, readonly [name: string, description: string]>;
  choices: Record<ChoiceWord, string>;
}
