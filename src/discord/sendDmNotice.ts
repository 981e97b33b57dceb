/** Sends the DM of services/notify (a member's video ended) through Discord's REST, reporting closed DMs. */
import type { REST } from 'discord.js';
import type { DmOutcome } from '../services/notify/dmNotices.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { dm, UnreachableError } from './messageTarget.js';
import { dmNoticeMessage } from './render/dmNoticeMessage.js';

export function dmNoticeSender(rest: REST): (task: TaskRecord) => Promise<DmOutcome> {
  return async (task) => {
    try {
      await dm(rest, task, dmNoticeMessage(task), []);
      return 'sent';
    } catch (err) {
      if (err instanceof UnreachableError) return 'closed';
      throw err;
    }
  };
}
