/**
 * Edits a task's public message wherever it can still be reached: through the interaction webhook
 * while its token is fresh (15 min, with a margin), then through the bot's channel-message edit; when
 * the message is gone it posts a new one that mentions only the requester, and as a last resort DMs them.
 * Webhook calls are sent without the bot token, so a 401 there never makes @discordjs/rest forget it.
 */
import { Routes, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { discordCode } from './discordErrors.js';

export const WEBHOOK_TOKEN_SAFE_MS = 14 * 60 * 1000;

export interface RawFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

export type MessageBody = RESTPostAPIChannelMessageJSONBody;
export type EditVia = 'webhook' | 'channel' | 'new_message' | 'dm';

const GONE_MESSAGE = [10008]; // Unknown Message
const WEBHOOK_DEAD = [10015, 50027, 10062]; // Unknown Webhook, Invalid Webhook Token, Unknown interaction
const NO_CHANNEL = [10003, 50001, 50013]; // Unknown Channel, Missing Access, Missing Permissions

export async function editTaskMessage(
  rest: REST,
  task: TaskRecord,
  body: MessageBody,
  files: RawFile[],
  now: number,
  newMessageBody: ((b: MessageBody) => MessageBody) | null,
): Promise<{ via: EditVia; messageId?: string; channelId?: string } | null> {
  const withFiles = { body, files };
  // `newMessageBody: null` (progress edits) means: if the message is gone, do nothing rather than post.
  const fresh = () => (newMessageBody ? postFresh(rest, task, newMessageBody(body), files) : Promise.resolve(null));
  const viaWebhook = task.messageId && !task.messageMoved && now - task.interaction.createdAt < WEBHOOK_TOKEN_SAFE_MS;
  if (viaWebhook) {
    try {
      await rest.patch(Routes.webhookMessage(task.interaction.applicationId, task.interaction.token, '@original'), {
        ...withFiles,
        auth: false,
      });
      return { via: 'webhook' };
    } catch (err) {
      const code = Number(discordCode(err));
      if (GONE_MESSAGE.includes(code)) return fresh();
      if (!WEBHOOK_DEAD.includes(code)) throw err;
      // The token died early (Discord may do that): the channel route below still reaches the message.
    }
  }
  if (task.messageId && task.channelId) {
    try {
      await rest.patch(Routes.channelMessage(task.channelId, task.messageId), withFiles);
      return { via: 'channel' };
    } catch (err) {
      const code = Number(discordCode(err));
      if (!GONE_MESSAGE.includes(code) && !NO_CHANNEL.includes(code)) throw err;
      if (NO_CHANNEL.includes(code)) return newMessageBody ? dm(rest, task, newMessageBody(body), files) : null;
    }
  }
  return fresh();
}

async function postFresh(rest: REST, task: TaskRecord, body: MessageBody, files: RawFile[]) {
  if (!task.channelId) return dm(rest, task, body, files);
  try {
    const msg = (await rest.post(Routes.channelMessages(task.channelId), { body, files })) as { id: string };
    return { via: 'new_message' as const, messageId: msg.id, channelId: task.channelId };
  } catch (err) {
    if (!NO_CHANNEL.includes(Number(discordCode(err)))) throw err;
    return dm(rest, task, body, files);
  }
}

async function dm(rest: REST, task: TaskRecord, body: MessageBody, files: RawFile[]) {
  const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: task.userId } })) as { id: string };
  const msg = (await rest.post(Routes.channelMessages(channel.id), { body, files })) as { id: string };
  return { via: 'dm' as const, messageId: msg.id, channelId: channel.id };
}
