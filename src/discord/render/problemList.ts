/** The ephemeral message that lists every problem of a refused request, within Discord's 2000 characters. */
import { t, type Locale } from '../../i18n/index.js';
import { renderProblems } from '../../services/validation/renderProblems.js';
import type { Problem } from '../../services/validation/types.js';
import { truncate } from './text.js';

export function renderProblemList(problems: readonly Problem[], locale: Locale): string {
  const lines = renderProblems(problems, locale).map((line) => `• ${line}`);
  return truncate([t(locale, 'reply.problemsTitle', { count: problems.length }), ...lines].join('\n'), 2000);
}
