/**
 * The DM a member asked for (/settings notify) when a video of theirs ends: the outcome in their language,
 * the start of the prompt (escaped), the video link or the plain reason, and a link to the card. Pings nobody.
 */
import { t } from '../../i18n/index.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import { cardUrl } from '../cardUrl.js';
import type { MessageBody } from '../messageTarget.js';
import { failureText } from './failureText.js';
import { escapeUntrusted, truncate } from './text.js';

/** Discord's content limit. */
const MAX_CONTENT = 2000;

export function dmNoticeMessage(task: TaskRecord): MessageBody {
  const locale = task.locale;
  const prompt = escapeUntrusted(truncate(task.request.prompt.replace(/\s+/g, ' ').trim(), 120));
  const card = cardUrl(task);
  const lines =
    task.state === 'done'
      ? [
          t(locale, 'notify.done', { id: task.id, prompt }),
          ...(task.videoUrl ? [t(locale, 'notify.video', { url: task.videoUrl })] : []),
        ]
      : [
          t(locale, 'notify.failed', { id: task.id, prompt }),
          truncate(failureText(task, locale) ?? t(locale, `status.${task.state}`), 1200),
        ];
  if (card) lines.push(t(locale, 'notify.card', { url: card }));
  return { content: truncate(lines.join('\n'), MAX_CONTENT), allowed_mentions: { parse: [] } };
}
