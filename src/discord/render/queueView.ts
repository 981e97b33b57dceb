/**
 * /video-admin queue's message: what renders and what waits on the server (positions, members as mentions that
 * never ping, ages and expected starts as Discord timestamps, short escaped prompts), and for moderators one
 * Cancel button per waiting request shown. Sent with `allowedMentions: { parse: [] }` by its callers.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { type Locale, t } from '../../i18n/index.js';
import type { ServerQueue } from '../../services/queue/serverQueue.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import { customIdFor } from '../customIds.js';
import { shortenOnWords } from './shortText.js';
import { escapeUntrusted } from './text.js';

/** Discord's limit for a message's content. */
const MAX_CONTENT = 2000;
const PROMPT_CHARS = 60;

const since = (ms: number) => `<t:${Math.floor(ms / 1000)}:R>`;
const prompt = (task: TaskRecord, locale: Locale) =>
  task.request.prompt.trim()
    ? `“${escapeUntrusted(shortenOnWords(task.request.prompt, PROMPT_CHARS))}”`
    : t(locale, 'tasks.pick.noPrompt');

export function queueViewMessage(
  view: ServerQueue,
  locale: Locale,
  o: { canCancel: boolean; notice?: string },
): { content: string; components: ActionRowBuilder<ButtonBuilder>[] } {
  const head = [
    ...(o.notice ? [o.notice] : []),
    t(locale, 'admin.queue.title', { running: view.runningCount, waiting: view.waitingCount }),
  ];
  if (!view.runningCount && !view.waitingCount)
    return { content: [...head, t(locale, 'admin.queue.empty')].join('\n'), components: [] };
  const running = view.running.map(({ task, since: at }) =>
    t(locale, 'admin.queue.runningLine', {
      id: task.id,
      user: `<@${task.userId}>`,
      model: task.model,
      since: since(at),
      prompt: prompt(task, locale),
    }),
  );
  const waiting = view.waiting.map(({ task, place }) =>
    t(locale, 'admin.queue.waitingLine', {
      position: place.position,
      id: task.id,
      user: `<@${task.userId}>`,
      model: task.model,
      since: since(task.queuedAt ?? task.createdAt),
      prompt: prompt(task, locale),
      startsAt: place.startsAt ? Math.floor(place.startsAt / 1000) : '',
    }),
  );
  const more = (shown: number, all: number) =>
    all > shown ? [t(locale, 'admin.queue.more', { count: all - shown })] : [];
  const foot = view.waitingCount
    ? [t(locale, o.canCancel ? 'admin.queue.cancelHint' : 'admin.queue.moderatorsOnly')]
    : [];
  // Lines are dropped from the end of each list until the message fits (each list says how many it left out).
  let shownRunning = running.length;
  let shownWaiting = waiting.length;
  const compose = () =>
    [
      ...head,
      ...(view.runningCount
        ? [
            `__${t(locale, 'admin.queue.running')}__`,
            ...running.slice(0, shownRunning),
            ...more(shownRunning, view.runningCount),
          ]
        : []),
      ...(view.waitingCount
        ? [
            `__${t(locale, 'admin.queue.waiting')}__`,
            ...waiting.slice(0, shownWaiting),
            ...more(shownWaiting, view.waitingCount),
          ]
        : []),
      ...foot,
    ].join('\n');
  let content = compose();
  while (content.length > MAX_CONTENT && (shownRunning > 0 || shownWaiting > 0)) {
    if (shownWaiting >= shownRunning) shownWaiting -= 1;
    else shownRunning -= 1;
    content = compose();
  }
  const buttons = o.canCancel
    ? view.waiting.slice(0, shownWaiting).map(({ task, place }) =>
        new ButtonBuilder()
          .setCustomId(customIdFor('qcancel', task.id))
          .setStyle(ButtonStyle.Danger)
          .setLabel(t(locale, 'admin.queue.cancel', { position: place.position })),
      )
    : [];
  const components: ActionRowBuilder<ButtonBuilder>[] = [];
  // Five buttons a row, five rows a message.
  for (let i = 0; i < Math.min(buttons.length, 25); i += 5)
    components.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + 5)));
  return { content: content.slice(0, MAX_CONTENT), components };
}
