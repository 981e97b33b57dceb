/**
 * The public life of a fresh task inside its interaction: reply with the task card (so the member sees
 * it within Discord's 3 s), remember the reply's message id, submit upstream, edit in the result, then
 * hand the task to the poller (which also tells the member when the task ended at once). A task that
 * waits in the queue is only shown with its place: the queue sends it when a slot frees. Shared by
 * /video, Re-roll, Retry, Remix and Extend (which answers first, so its card replaces that answer).
 */
import type { RepliableInteraction } from 'discord.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import type { BotContext } from './botContext.js';
import { isAckLost } from './discordErrors.js';
import { taskMessage } from './render/taskMessage.js';

export async function publishTask(
  interaction: RepliableInteraction,
  task: TaskRecord,
  ctx: BotContext,
): Promise<TaskRecord> {
  const log = ctx.logger.child({ taskId: task.id, guildId: task.guildId });
  let messageId: string | undefined;
  const place = task.state === 'queued' ? await ctx.queue.joined(task) : undefined;
  try {
    const card = taskMessage(task, task.locale, ctx.now(), undefined, place);
    if (interaction.deferred) {
      // Extend answered first ("taking the last frame…"): the card replaces that answer.
      messageId = (await interaction.editReply({ ...card, content: '' })).id;
    } else {
      const response = await interaction.reply({ ...card, withResponse: true });
      messageId = response.resource?.message?.id;
    }
  } catch (err) {
    // 40060/10062: another bot process answered this interaction, or we were too late. Nothing was sent
    // upstream and there is no card to tell anyone on: close our task and give the usage back.
    const lost = isAckLost(err);
    log[lost ? 'info' : 'error'](
      { err },
      lost ? 'interaction handled elsewhere; dropping task' : 'could not post the task message',
    );
    // Decided on the task as it is now, not on `task`: a queued one may have left the queue while the reply was
    // pending, and is then being sent (or rendering, paid for): that one is followed to its end, never dropped.
    const ended = await ctx.tasks.tryEnd(task.id, 'abandon', { stage: 'delivery', reason: 'reply_failed' });
    if (ended.ok) return ended.task;
    log.info({ state: ended.task.state }, 'the task moved on while its reply was pending; following it without a card');
    ctx.track(ended.task);
    return ended.task;
  }
  if (!messageId) messageId = (await interaction.fetchReply().catch(() => undefined))?.id;
  // A lost write of the message id is not a lost task: edits go through the interaction until it expires.
  if (messageId)
    await ctx.tasks.attachMessage(task.id, messageId).catch((err: unknown) => {
      log.warn({ err }, 'could not save the message id of the task card');
    });
  if (task.state === 'queued') {
    ctx.queue.afterJoin(task);
    return task;
  }

  let submitted: TaskRecord;
  try {
    submitted = await ctx.tasks.submit(task.id);
  } catch (err) {
    // A database failure while sending: the poller takes it from where it stopped (sends an accepted task,
    // saves a create's answer kept in memory, or ends it uncertain and tells the member); never sent twice.
    log.error({ err }, 'sending the task failed; the poller takes it from here');
    ctx.track(task);
    return task;
  }
  if (submitted.state === 'running') {
    try {
      await interaction.editReply(taskMessage(submitted, submitted.locale, ctx.now()));
    } catch (err) {
      // The poller edits this message again on its next change; a lost edit here is not a lost job.
      log.warn({ err }, 'could not edit the task message after submitting');
    }
  }
  // Running: the poller follows it. Ended at once (refused or uncertain): the poller tells the member.
  ctx.track(submitted);
  return submitted;
}
