/**
 * Shows something on a task's card wherever it can still be reached: through the interaction webhook
 * while its token is fresh (15 min, with a margin), then through the bot's channel-message edit. A card
 * a moderator deleted is respected: the result goes to the requester by DM instead of being re-posted.
 * A card that never existed (the bot stopped before replying) is posted fresh, pinging only the requester.
 * Where the bot is not (user install: a server that did not add it, a group DM) there is no channel route: once the
 * token is spent, progress is no longer shown and the outcome goes to the requester by DM (the card said so).
 * Webhook calls are sent without the bot token, so a 401 there never makes @discordjs/rest forget it.
 */
import { type REST, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord.js';
import type { ShownVia, TaskRecord } from '../services/tasks/taskRecord.js';
import type { MessagePlace } from '../services/tasks/transitions.js';
import { discordCode } from './discordErrors.js';

export const WEBHOOK_TOKEN_SAFE_MS = 14 * 60 * 1000;

export interface RawFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

export type MessageBody = RESTPostAPIChannelMessageJSONBody;

export interface Shown {
  via: ShownVia;
  /** Set when the card now lives somewhere else (a fresh message or a DM). */
  movedTo?: MessagePlace;
  /** The attachment URL Discord gave the first file sent (signed), when files were sent and it said. */
  fileUrl?: string;
}

/** The URL of `files[0]` on the message Discord answered with (matched by name, else its first attachment). */
function fileUrlOf(message: unknown, files: RawFile[]): { fileUrl?: string } {
  if (!files.length) return {};
  const list = (message as { attachments?: Array<{ filename?: unknown; url?: unknown }> } | undefined)?.attachments;
  const file = list?.find((a) => a.filename === files[0]!.name) ?? list?.[0];
  return typeof file?.url === 'string' ? { fileUrl: file.url } : {};
}

/** The member cannot be reached: the card (or its channel) is gone and their DMs are closed. */
export class UnreachableError extends Error {
  constructor(cause: unknown) {
    super('the member cannot be reached: the card is gone and direct messages are closed', { cause });
  }
}

const GONE_MESSAGE = [10008]; // Unknown Message
const WEBHOOK_DEAD = [10015, 50027, 10062]; // Unknown Webhook, Invalid Webhook Token, Unknown interaction
const NO_CHANNEL = [10003, 50001, 50013]; // Unknown Channel, Missing Access, Missing Permissions
const DMS_CLOSED = [50007]; // Cannot send messages to this user

export interface Fallbacks {
  /** The body for a fresh post in the channel (the card never existed); it may mention the requester. */
  fresh: (b: MessageBody) => MessageBody;
  /** The body for a DM to the requester; `null` = do nothing when the card is gone (progress edits). */
  dm: ((b: MessageBody) => MessageBody) | null;
}

/** Whether the bot can reach the card's channel itself (not so where only the member's own install is). */
const channelReachable = (task: TaskRecord) => !task.userInstall || task.messageMoved === true;

export async function showOnTaskMessage(
  rest: REST,
  task: TaskRecord,
  body: MessageBody,
  files: RawFile[],
  now: number,
  fallbacks: Fallbacks,
): Promise<Shown | null> {
  const withFiles = { body, files };
  const toDm = () => (fallbacks.dm ? dm(rest, task, fallbacks.dm(body), files) : Promise.resolve(null));
  if (!task.messageId) return postFresh(rest, task, fallbacks, body, files);
  const viaWebhook =
    !task.messageMoved && task.interaction.token && now - task.interaction.createdAt < WEBHOOK_TOKEN_SAFE_MS;
  if (viaWebhook) {
    try {
      const edited = await rest.patch(
        Routes.webhookMessage(task.interaction.applicationId, task.interaction.token, '@original'),
        { ...withFiles, auth: false },
      );
      return { via: 'webhook', ...fileUrlOf(edited, files) };
    } catch (err) {
      const code = Number(discordCode(err));
      if (GONE_MESSAGE.includes(code)) return toDm();
      if (!WEBHOOK_DEAD.includes(code)) throw err;
      // The token died early (Discord may do that): the channel route below still reaches the message.
    }
  }
  if (!channelReachable(task)) return toDm();
  try {
    const edited = await rest.patch(Routes.channelMessage(task.channelId, task.messageId), withFiles);
    return { via: 'channel', ...fileUrlOf(edited, files) };
  } catch (err) {
    const code = Number(discordCode(err));
    if (GONE_MESSAGE.includes(code) || NO_CHANNEL.includes(code)) return toDm();
    throw err;
  }
}

/**
 * The names of the files the task's card carries now, read where an edit would go (the webhook while its
 * token is fresh, else the channel route), with the way it was read; undefined when the card cannot be read
 * (gone, no access, a token that died): the caller then does what it would have done without looking.
 */
export async function readTaskMessageFiles(
  rest: REST,
  task: TaskRecord,
  now: number,
): Promise<{ files: string[]; via: ShownVia } | undefined> {
  if (!task.messageId) return undefined;
  const names = (m: unknown) =>
    ((m as { attachments?: Array<{ filename?: unknown }> }).attachments ?? []).map((a) => String(a.filename));
  const viaWebhook =
    !task.messageMoved && task.interaction.token && now - task.interaction.createdAt < WEBHOOK_TOKEN_SAFE_MS;
  try {
    if (viaWebhook) {
      const m = await rest.get(
        Routes.webhookMessage(task.interaction.applicationId, task.interaction.token, '@original'),
        {
          auth: false,
        },
      );
      return { files: names(m), via: 'webhook' };
    }
    if (!channelReachable(task)) return undefined;
    const m = await rest.get(Routes.channelMessage(task.channelId, task.messageId));
    return { files: names(m), via: 'channel' };
  } catch {
    return undefined;
  }
}

async function postFresh(rest: REST, task: TaskRecord, fallbacks: Fallbacks, body: MessageBody, files: RawFile[]) {
  if (!fallbacks.dm) return null;
  if (!task.channelId || !channelReachable(task)) return dm(rest, task, fallbacks.dm(body), files);
  try {
    const msg = (await rest.post(Routes.channelMessages(task.channelId), { body: fallbacks.fresh(body), files })) as {
      id: string;
    };
    return {
      via: 'new_message' as const,
      movedTo: { channelId: task.channelId, messageId: msg.id },
      ...fileUrlOf(msg, files),
    };
  } catch (err) {
    if (!NO_CHANNEL.includes(Number(discordCode(err)))) throw err;
    return dm(rest, task, fallbacks.dm(body), files);
  }
}

/** Sends `body` to the requester by DM; UnreachableError when their DMs are closed. */
export async function dm(rest: REST, task: TaskRecord, body: MessageBody, files: RawFile[]): Promise<Shown> {
  try {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: task.userId } })) as { id: string };
    const msg = (await rest.post(Routes.channelMessages(channel.id), { body, files })) as { id: string };
    return { via: 'dm', movedTo: { channelId: channel.id, messageId: msg.id }, ...fileUrlOf(msg, files) };
  } catch (err) {
    if (DMS_CLOSED.includes(Number(discordCode(err))) || NO_CHANNEL.includes(Number(discordCode(err)))) {
      throw new UnreachableError(err);
    }
    throw err;
  }
}
