/** Where a task's card is, as a link members can click (undefined before the card exists). */
import type { TaskRecord } from '../services/tasks/taskRecord.js';

export function cardUrl(task: Pick<TaskRecord, 'messageId' | 'channelId' | 'guildId'>): string | undefined {
  if (!task.messageId || !task.channelId) return undefined;
  return `https://discord.com/channels/${task.guildId ?? '@me'}/${task.channelId}/${task.messageId}`;
}
