/** The fake's messages: what each channel shows, with every edit applied and counted. */
import type { APIUser } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  content_type?: string;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId?: string;
  interactionId?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: StoredAttachment[];
  flags: number;
  allowedMentions?: unknown;
  deleted: boolean;
  edits: number;
  createdAt: number;
}

export type MessageBody = Record<string, unknown>;

export class MessageStore {
  readonly byId = new Map<string, StoredMessage>();

  create(channelId: string, body: MessageBody, files: StoredAttachment[], extra: Partial<StoredMessage> = {}): StoredMessage {
    const msg: StoredMessage = {
      id: snowflake(),
      channelId,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags: 0,
      deleted: false,
      edits: 0,
      createdAt: Date.now(),
      ...extra,
    };
    this.apply(msg, body, files, false);
    this.byId.set(msg.id, msg);
    return msg;
  }

  apply(msg: StoredMessage, body: MessageBody, files: StoredAttachment[], isEdit = true): void {
    if (typeof body.content === 'string') msg.content = body.content;
    if (Array.isArray(body.embeds)) msg.embeds = body.embeds;
    if (Array.isArray(body.components)) msg.components = body.components;
    if (typeof body.flags === 'number') msg.flags = body.flags;
    if ('allowed_mentions' in body) msg.allowedMentions = body.allowed_mentions;
    if (files.length) msg.attachments = files;
    else if (Array.isArray(body.attachments)) {
      const keep = new Set((body.attachments as Array<{ id: string | number }>).map((a) => String(a.id)));
      msg.attachments = msg.attachments.filter((a) => keep.has(a.id));
    }
    if (isEdit) msg.edits += 1;
  }

  inChannel(channelId: string): StoredMessage[] {
    return [...this.byId.values()].filter((m) => m.channelId === channelId && !m.deleted);
  }

  all(): StoredMessage[] {
    return [...this.byId.values()];
  }

  toApi(msg: StoredMessage, author: APIUser) {
    return {
      id: msg.id,
      channel_id: msg.channelId,
      ...(msg.guildId ? { guild_id: msg.guildId } : {}),
      author,
      content: msg.content,
      timestamp: new Date(msg.createdAt).toISOString(),
      edited_timestamp: msg.edits ? new Date().toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: msg.attachments.map((a) => ({ ...a, url: `https://cdn.discordapp.com/attachments/${msg.channelId}/${a.id}/${a.filename}`, proxy_url: `https://media.discordapp.net/attachments/${msg.channelId}/${a.id}/${a.filename}` })),
      embeds: msg.embeds,
      components: msg.components,
      pinned: false,
      type: msg.interactionId ? 20 : 0,
      flags: msg.flags,
      application_id: author.id,
      webhook_id: msg.interactionId ? author.id : undefined,
    };
  }
}
