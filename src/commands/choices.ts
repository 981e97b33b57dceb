/** The ratio and resolution choices our commands offer (a subset of the catalog's, in the order members see). */
import { RATIO_CHOICES, RESOLUTION_CHOICES } from '../catalog/types.js';
import {
  choiceLocalizations,
  choiceName,
  LIMIT_LABEL_EN,
  limitChoiceLocalizations,
  type LabelledLimit,
} from '../i18n/commandLocalizations.js';
import type { ChoiceWord } from '../i18n/slash/types.js';
import { choice } from './define.js';

/** A choice that is a word (add, remove, adaptive, …), named in each language. */
export const wordChoice = <V extends ChoiceWord>(value: V) =>
  choice(value, choiceLocalizations(value), choiceName(value));

/** A limit-name choice, shown as the limit's label (`limit.label.*`) in each language instead of its id. */
export const limitChoice = <L extends LabelledLimit>(limit: L) =>
  choice(limit, limitChoiceLocalizations(limit), LIMIT_LABEL_EN(limit));

export { RATIO_CHOICES, RESOLUTION_CHOICES };

/** `adaptive` is a word (named in each language); the ratios are numbers. */
export const ratioChoices = RATIO_CHOICES.map((r) => (r === 'adaptive' ? wordChoice(r) : choice(r)));
export const resolutionChoices = RESOLUTION_CHOICES.map((r) => choice(r));
