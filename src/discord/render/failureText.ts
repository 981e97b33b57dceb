/** The plain-words reason shown for a task that did not end with a video, or undefined. */
import { t, type Locale } from '../../i18n/index.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import { truncate } from './text.js';

export function failureText(task: TaskRecord, locale: Locale): string | undefined {
  const detail = truncate(task.lastError?.message ?? '', 300);
  switch (task.state) {
    case 'uncertain':
      return t(locale, 'failure.uncertain');
    case 'timed_out':
      return t(locale, 'failure.timed_out', {
        minutes: Math.max(
          1,
          Math.round(((task.finishedAt ?? task.updatedAt) - (task.submittedAt ?? task.createdAt)) / 60_000),
        ),
      });
    case 'failed':
      return t(locale, `failure.${task.lastError?.failureKind ?? 'unknown'}`, { detail });
    default:
      return undefined;
  }
}
