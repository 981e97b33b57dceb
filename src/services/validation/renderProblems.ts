/** Renders problems as sentences in one locale, or in both (CLI, logs). */
import { type Locale, tMessage } from '../../i18n/index.js';
import type { Problem } from './types.js';

export function renderProblems(problems: readonly Problem[], locale: Locale): string[] {
  return problems.map((p) => tMessage(locale, p));
}

/** `{ field, en, zh }` per problem: the bilingual form used by the CLI's --json output. */
export function bilingualProblems(problems: readonly Problem[]) {
  return problems.map((p) => ({
    field: p.field,
    code: p.key,
    en: tMessage('en-US', p),
    zh: tMessage('zh-CN', p),
  }));
}
