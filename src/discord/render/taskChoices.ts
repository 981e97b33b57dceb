/**
 * /tasks status's pick list: one of the member's recent tasks as an autocomplete choice, "short prompt · state ·
 * age" within Discord's 100 characters, the task id as its value. Choice names are shown as plain text (no
 * markdown, no mentions rendered), so the prompt is only made one line and its mentions defused.
 */
import { type Locale, t } from '../../i18n/index.js';
import type { TaskRecord, TaskState } from '../../services/tasks/taskRecord.js';
import { shortenOnWords } from './shortText.js';

const MAX_NAME = 100;

type StateWord = `tasks.pick.${'waiting' | 'working' | 'done' | 'failed' | 'timedOut' | 'uncertain'}`;

const STATE_WORD: Record<TaskState, StateWord> = {
  queued: 'tasks.pick.waiting',
  accepted: 'tasks.pick.working',
  review_submitting: 'tasks.pick.working',
  reviewing: 'tasks.pick.working',
  submitting: 'tasks.pick.working',
  running: 'tasks.pick.working',
  delivering: 'tasks.pick.working',
  done: 'tasks.pick.done',
  failed: 'tasks.pick.failed',
  timed_out: 'tasks.pick.timedOut',
  uncertain: 'tasks.pick.uncertain',
};

/** How long ago, the locale's way ("5 min. ago", "5 分钟前"): choice names cannot hold Discord's `<t:…:R>`. */
export function formatAge(locale: Locale, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.floor(seconds / 60), 'minute']
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), 'hour']
          : [Math.floor(seconds / 86_400), 'day'];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }).format(-value, unit);
}

/** Text that will be shown as it is: one line, no control characters, no working mention. */
const plainLine = (text: string) =>
  text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');

export function taskChoice(task: TaskRecord, locale: Locale, now: number): { name: string; value: string } {
  const tail = ` · ${t(locale, STATE_WORD[task.state])} · ${formatAge(locale, now - task.createdAt)}`;
  const text = plainLine(task.request.prompt).replace(/\s+/g, ' ').trim();
  const prompt = text ? shortenOnWords(text, MAX_NAME - tail.length) : t(locale, 'tasks.pick.noPrompt');
  return { name: `${prompt}${tail}`.slice(0, MAX_NAME), value: task.id };
}
