/** The fake's messages: what each channel shows, with every edit applied and counted. */
import type { APIMessage, APIUser } from 'discord-api-types/v10';
import type { JsonBody } from './recorder.js';
import { snowflake } from './snowflake.js';

export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  content_type?: string;
  /** A member's upload: its (signed) URL as given, and its image size. Default: an unsigned CDN URL. */
  url?: string;
  width?: number;
  height?: number;
}

/** How the message was made: an interaction's original response, a follow-up, or a channel message. */
export type MessageKind = 'original' | 'followup' | 'channel';

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId?: string;
  kind: MessageKind;
  /** The interaction whose webhook made it. */
  interactionId?: string;
  /** Who ran that interaction and how (sent back as `interaction_metadata`). */
  interaction?: { id: string; type: number; user: APIUser };
  /** A member's message (`postMessage`); the bot's otherwise. */
  author?: APIUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: StoredAttachment[];
  flags: number;
  allowedMentions?: unknown;
  deleted: boolean;
  edits: number;
  createdAt: number;
  editedAt?: number;
  /** Reactions by emoji (`name` or `name:id`): who reacted, in order. */
  reactions?: Map<string, string[]>;
}

export type MessageBody = JsonBody;

export const EPHEMERAL = 1 << 6;
export const LOADING = 1 << 7;
export const SUPPRESS_EMBEDS = 1 << 2;
export const COMPONENTS_V2 = 1 << 15;

export class MessageStore {
  readonly byId = new Map<string, StoredMessage>();

  constructor(private readonly now: () => number = Date.now) {}

  create(
    channelId: string,
    body: MessageBody,
    files: StoredAttachment[],
    extra: Partial<StoredMessage> = {},
  ): StoredMessage {
    const at = this.now();
    const msg: StoredMessage = {
      id: snowflake(at),
      channelId,
      kind: 'channel',
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags: 0,
      deleted: false,
      edits: 0,
      createdAt: at,
      ...extra,
    };
    this.apply(msg, body, files, false);
    if (typeof extra.flags === 'number') msg.flags = extra.flags;
    this.byId.set(msg.id, msg);
    return msg;
  }

  /** Applies a create or edit body the way Discord does: absent fields stay, `attachments` keeps the listed ids. */
  apply(msg: StoredMessage, body: MessageBody, files: StoredAttachment[], isEdit = true): void {
    if (typeof body.content === 'string' || body.content === null) msg.content = (body.content as string | null) ?? '';
    if (Array.isArray(body.embeds)) msg.embeds = body.embeds;
    if (Array.isArray(body.components)) msg.components = body.components;
    if (typeof body.flags === 'number') {
      // An edit can only toggle SUPPRESS_EMBEDS and set IS_COMPONENTS_V2; ephemerality never changes.
      msg.flags = isEdit
        ? (msg.flags & ~SUPPRESS_EMBEDS) | (body.flags & (SUPPRESS_EMBEDS | COMPONENTS_V2))
        : body.flags;
    }
    if ('allowed_mentions' in body) msg.allowedMentions = body.allowed_mentions;
    if (Array.isArray(body.attachments)) {
      // Existing attachments are kept by id; new uploads are referenced by their `files[n]` index.
      const listed = body.attachments as Array<{ id: string | number }>;
      const keep = new Set(listed.map((a) => String(a.id)));
      msg.attachments = [...msg.attachments.filter((a) => keep.has(a.id)), ...files];
    } else if (files.length) {
      msg.attachments = isEdit ? [...msg.attachments, ...files] : files;
    }
    if (isEdit) {
      msg.edits += 1;
      msg.editedAt = this.now();
    }
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  /** The channel's messages, oldest first (deleted ones left out unless asked for). */
  inChannel(channelId: string, includeDeleted = false): StoredMessage[] {
    return [...this.byId.values()].filter((m) => m.channelId === channelId && (includeDeleted || !m.deleted));
  }

  all(): StoredMessage[] {
    return [...this.byId.values()];
  }

  toApi(msg: StoredMessage, author: APIUser): APIMessage {
    const viaWebhook = msg.kind !== 'channel';
    return {
      id: msg.id,
      channel_id: msg.channelId,
      ...(msg.guildId ? { guild_id: msg.guildId } : {}),
      author: msg.author ?? author,
      content: msg.content,
      timestamp: new Date(msg.createdAt).toISOString(),
      edited_timestamp: msg.editedAt ? new Date(msg.editedAt).toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: msg.attachments.map((a) => {
        const url = a.url ?? `https://cdn.discordapp.com/attachments/${msg.channelId}/${a.id}/${a.filename}`;
        return { ...a, url, proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net') };
      }),
      embeds: msg.embeds,
      components: msg.components,
      ...(msg.reactions?.size
        ? {
            reactions: [...msg.reactions].map(([emoji, users]) => {
              const [name, id] = emoji.split(':');
              return {
                emoji: { id: id ?? null, name },
                count: users.length,
                count_details: { burst: 0, normal: users.length },
                me: users.includes(author.id),
                me_burst: false,
                burst_colors: [],
              };
            }),
          }
        : {}),
      pinned: false,
      type: viaWebhook ? 20 : 0,
      flags: msg.flags,
      ...(msg.author ? {} : { application_id: author.id }),
      ...(viaWebhook ? { webhook_id: author.id } : {}),
      ...(msg.interaction
        ? {
            interaction_metadata: {
              id: msg.interaction.id,
              type: msg.interaction.type,
              user: msg.interaction.user,
              authorizing_integration_owners: msg.guildId ? { '0': msg.guildId } : { '1': msg.interaction.user.id },
            },
          }
        : {}),
    } as unknown as APIMessage;
  }
}
