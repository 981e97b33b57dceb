/**
 * What the card's Delete button does, in one place for the button (commands/video/buttons.ts) and the web's My
 * videos: the message deleted through REST by id, the log line, its video out of the server's gallery. And, for
 * My videos, stale attachment URLs of delivered videos signed anew, so the page can play them while Discord keeps them.
 */
import { type REST, Routes } from 'discord.js';
import type { Logger } from '../logging/logger.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { discordCode } from './discordErrors.js';
import { refreshAttachmentUrls } from './refreshAttachmentUrls.js';

export interface CardActionDeps {
  rest: REST;
  logger: Logger;
  gallery?: { remove(guildId: string, taskId: string, by: string): Promise<unknown> };
  now: () => number;
}

/** Deletes the card at `place` (the message the button is on, or the task's own), logs it, removes its gallery post. */
export async function deleteTaskCard(
  deps: CardActionDeps,
  task: Pick<TaskRecord, 'id' | 'guildId'>,
  place: { channelId: string; messageId: string },
  by: string,
): Promise<void> {
  // Through REST by id: the bot keeps no message cache (createDiscordClient.ts).
  await deps.rest.delete(Routes.channelMessage(place.channelId, place.messageId));
  deps.logger.info({ taskId: task.id, guildId: task.guildId, by }, 'task message deleted');
  // The card is gone: its video leaves the gallery too.
  if (task.guildId) await deps.gallery?.remove(task.guildId, task.id, by);
}

const GONE = [10008]; // Unknown Message
const NO_ACCESS = [10003, 50001, 50013]; // Unknown Channel, Missing Access, Missing Permissions

/**
 * The web's Delete: the task's own card. Where only the member's own install reaches the card (the bot is not in
 * that place), the bot cannot delete it: `unreachable` (the button in Discord still can). Callers check who may.
 */
export function webCardDeleter(deps: CardActionDeps) {
  return async (task: TaskRecord, by: string): Promise<'deleted' | 'gone' | 'unreachable'> => {
    if (!task.messageId) return 'gone';
    if (task.userInstall && !task.messageMoved) return 'unreachable';
    try {
      await deleteTaskCard(deps, task, { channelId: task.channelId, messageId: task.messageId }, by);
      return 'deleted';
    } catch (err) {
      const code = Number(discordCode(err));
      if (GONE.includes(code)) return 'gone';
      if (NO_ACCESS.includes(code)) return 'unreachable';
      throw err;
    }
  };
}

/** For My videos: attachment URLs signed anew in one batched call per page; a URL that could not be is left out. */
export function attachmentResigner(deps: Pick<CardActionDeps, 'rest' | 'logger' | 'now'>) {
  return async (urls: readonly string[]): Promise<Map<string, string>> => {
    const result = await refreshAttachmentUrls(deps.rest, urls, deps.now());
    if (result.ok) return result.urls;
    // Some may have been left out (a card deleted since, its file with it): the others still play.
    deps.logger.warn({ reason: result.reason, count: urls.length }, 'could not sign attachment URLs anew for the web');
    return result.urls ?? new Map();
  };
}
