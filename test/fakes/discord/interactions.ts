/**
 * INTERACTION_CREATE payloads (commands, autocomplete, components, modal submits) and the fake's memory of each
 * interaction: its token, when it was dispatched, its callback and its original response.
 */
import { ApplicationCommandOptionType, ComponentType, InteractionType, type APIUser } from 'discord-api-types/v10';
import type { MessageStore } from './messageStore.js';
import {
  ALL_PERMISSIONS,
  MEMBER_PERMISSIONS,
  attachmentPayload,
  impliedOptionType,
  makeUser,
  memberPayload,
  uploadLimitForTier,
  type AttachmentSpec,
  type FakeGuild,
} from './payloads.js';
import type { JsonBody } from './recorder.js';
import { snowflake } from './snowflake.js';

export interface InteractionCallback {
  type: number;
  data?: JsonBody;
}

export interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  guildId?: string;
  userId: string;
  user: APIUser;
  /** When it was dispatched (fake clock). */
  createdAt: number;
  attachmentSizeLimit: number;
  /** The message a component was clicked on. */
  messageId?: string;
  callback?: InteractionCallback;
  /** When the callback arrived (fake clock). */
  ackedAt?: number;
  originalMessageId?: string;
  waiters: Array<(cb: InteractionCallback) => void>;
}

export interface DispatchBase {
  /** Defaults to the first guild; `null` dispatches in a DM with the bot. */
  guildId?: string | null;
  /** Defaults to the guild's text channel. */
  channelId?: string;
  user?: { id: string; username?: string };
  /** The member's permissions in the channel (default: an ordinary member that can use commands). */
  memberPermissions?: bigint | string | number;
  /** Older name of `memberPermissions`. */
  permissions?: bigint | string | number;
  /** The member's role ids. */
  roles?: string[];
  /** The user's client locale (default en-US). */
  locale?: string;
  guildLocale?: string;
  /** The bot's permissions in the channel (default: all). */
  appPermissions?: bigint | string;
  /** Bytes (default: the guild's boost-tier limit, 10 MiB unboosted and in DMs). */
  attachmentSizeLimit?: number;
  /** The interaction comes from a thread (or a forum post, `forum: true`) whose parent channel is `parentId`. */
  thread?: { id: string; parentId: string; forum?: boolean };
  /**
   * Which installation authorized the command (`authorizing_integration_owners`): `guild` (default in a server: the
   * server that added the bot), `user` (the member's own install: in a server the fake's bot is not in, pass that
   * server's id as `guildId`), or `both`. In DMs the default is the user install, as before.
   */
  install?: 'guild' | 'user' | 'both';
  /** A group DM (context 2): the member's own install, no server; the bot cannot reach the channel. */
  groupDm?: boolean;
}

export interface CommandOption {
  name: string;
  type?: ApplicationCommandOptionType;
  value: string | number | boolean;
  /** For autocomplete: the option being typed. */
  focused?: boolean;
}

export interface DispatchCommand extends DispatchBase {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: CommandOption[];
  /** Attachment options, with their objects in `data.resolved.attachments`. */
  attachments?: AttachmentSpec[];
  /** The registered command's id (default: the id from a bulk overwrite with this name, else a new snowflake). */
  commandId?: string;
}

export interface DispatchComponent extends DispatchBase {
  customId: string;
  /** The message the component is on (taken from the message store when known). */
  message?: { id: string; channelId?: string };
  /** Older form of `message.id`. */
  messageId?: string;
  /** Default: a button (2). */
  componentType?: ComponentType;
  /** For select menus. */
  values?: string[];
}

/** Apps → <name> on a message (type 2, command type 3): the message comes resolved, as Discord sends it. */
export interface DispatchMessageCommand extends DispatchBase {
  name: string;
  /** The target message (taken from the message store; its channel is the interaction's). */
  message: { id: string };
  commandId?: string;
}

export interface DispatchModalSubmit extends DispatchBase {
  customId: string;
  /** Text input custom_id → value. */
  fields: Record<string, string>;
  /** String selects inside labels (Discord's newer modal parts): custom_id → chosen values. */
  selects?: Record<string, string[]>;
  message?: { id: string; channelId?: string };
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  channelId: string;
  guildId?: string;
}

export interface InteractionDeps {
  applicationId: string;
  botUser: APIUser;
  now: () => number;
  guilds: readonly FakeGuild[];
  channels: Map<string, { id: string; guildId?: string; type: number; recipientId?: string; botAbsent?: boolean }>;
  messages: MessageStore;
  /** The registered command with this name: the guild's own first, then the global one. */
  findCommand: (name: string, guildId?: string) => { id: string; guildId?: string } | undefined;
  /** Sends the INTERACTION_CREATE to the shard that owns the guild (shard 0 for DMs). */
  send: (payload: JsonBody, guildId: string | undefined) => void;
  /** Sends another gateway event (THREAD_CREATE for a thread the bot has not seen yet). */
  sendEvent: (t: string, d: JsonBody, guildId: string | undefined) => void;
}

export class Interactions {
  readonly byId = new Map<string, InteractionState>();
  readonly byToken = new Map<string, InteractionState>();
  private userCounter = 0;

  constructor(private readonly deps: InteractionDeps) {}

  command(d: DispatchCommand): DispatchedInteraction {
    return this.dispatch(d, InteractionType.ApplicationCommand, (channelId, at) => ({
      data: this.commandData(d, channelId, at),
    }));
  }

  autocomplete(d: DispatchCommand): DispatchedInteraction {
    return this.dispatch(d, InteractionType.ApplicationCommandAutocomplete, (channelId, at) => ({
      data: this.commandData(d, channelId, at),
    }));
  }

  component(d: DispatchComponent): DispatchedInteraction {
    const ref = d.message ?? (d.messageId ? { id: d.messageId } : undefined);
    if (!ref) throw new Error('dispatchComponent needs message: { id, channelId }');
    const stored = this.deps.messages.get(ref.id);
    const channelId = ref.channelId ?? stored?.channelId;
    if (!channelId) throw new Error(`unknown message ${ref.id}: give its channelId`);
    const guildId =
      d.guildId !== undefined ? d.guildId : (stored?.guildId ?? this.deps.channels.get(channelId)?.guildId ?? null);
    const componentType = d.componentType ?? ComponentType.Button;
    return this.dispatch(
      { ...d, channelId, guildId },
      InteractionType.MessageComponent,
      () => ({
        data: { custom_id: d.customId, component_type: componentType, ...(d.values ? { values: d.values } : {}) },
        message: this.messagePayload(ref.id, channelId, guildId ?? undefined),
      }),
      ref.id,
    );
  }

  messageCommand(d: DispatchMessageCommand): DispatchedInteraction {
    const stored = this.deps.messages.get(d.message.id);
    if (!stored) throw new Error(`unknown message ${d.message.id}`);
    const guildId = d.guildId !== undefined ? d.guildId : (stored.guildId ?? null);
    return this.dispatch(
      { ...d, channelId: d.channelId ?? stored.channelId, guildId },
      InteractionType.ApplicationCommand,
      (_c, at) => {
        const registered = this.deps.findCommand(d.name, guildId ?? undefined);
        return {
          data: {
            id: d.commandId ?? registered?.id ?? snowflake(at),
            name: d.name,
            type: 3,
            target_id: stored.id,
            resolved: { messages: { [stored.id]: this.deps.messages.toApi(stored, this.deps.botUser) } },
            ...(registered?.guildId ? { guild_id: registered.guildId } : {}),
          },
        };
      },
    );
  }

  modalSubmit(d: DispatchModalSubmit): DispatchedInteraction {
    const components: JsonBody[] = [
      ...Object.entries(d.fields).map(([customId, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
      })),
      ...Object.entries(d.selects ?? {}).map(([customId, values]) => ({
        type: ComponentType.Label,
        component: { type: ComponentType.StringSelect, custom_id: customId, values },
      })),
    ];
    return this.dispatch(
      d,
      InteractionType.ModalSubmit,
      (channelId) => ({
        data: { custom_id: d.customId, components },
        ...(d.message
          ? { message: this.messagePayload(d.message.id, d.message.channelId ?? channelId, undefined) }
          : {}),
      }),
      d.message?.id,
    );
  }

  /** Resolves with the interaction's callback once the bot has sent it. */
  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<InteractionCallback> {
    const ix = this.byId.get(interactionId);
    if (!ix) return Promise.reject(new Error(`unknown interaction ${interactionId}`));
    if (ix.callback) return Promise.resolve(ix.callback);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no callback for interaction ${interactionId} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      ix.waiters.push((cb) => {
        clearTimeout(timer);
        resolve(cb);
      });
    });
  }

  private messagePayload(messageId: string, channelId: string, guildId: string | undefined) {
    const stored = this.deps.messages.get(messageId);
    if (stored) return this.deps.messages.toApi(stored, this.deps.botUser);
    const at = new Date(this.deps.now()).toISOString();
    return {
      id: messageId,
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: this.deps.botUser,
      content: '',
      timestamp: at,
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  private dispatch(
    d: DispatchBase,
    type: InteractionType,
    extra: (channelId: string, at: number) => JsonBody,
    messageId?: string,
  ): DispatchedInteraction {
    const { deps } = this;
    const at = deps.now();
    const guildId = d.guildId === null || d.groupDm ? undefined : (d.guildId ?? deps.guilds[0]?.id);
    const guild = deps.guilds.find((g) => g.id === guildId);
    const channelId = d.thread?.id ?? d.channelId ?? guild?.channelId ?? snowflake(at);
    const channelType = d.thread ? 11 : guildId ? 0 : d.groupDm ? 3 : 1;
    const newThread = !!d.thread && !deps.channels.has(channelId);
    // A server the bot is not in, or a group DM: only the interaction's webhook reaches it (50001 otherwise).
    const botAbsent = (guildId !== undefined && !guild) || d.groupDm === true;
    if (!deps.channels.has(channelId))
      deps.channels.set(channelId, { id: channelId, guildId, type: channelType, ...(botAbsent ? { botAbsent } : {}) });
    const install = d.install ?? (guildId ? 'guild' : 'user');
    this.userCounter += 1;
    const user = makeUser(d.user?.id ?? `10000000000000000${this.userCounter % 10}`, d.user?.username ?? 'member');
    const id = snowflake(at);
    const token = `aW50ZXJhY3Rpb246${id}${Math.random().toString(36).slice(2)}`;
    const attachmentSizeLimit = d.attachmentSizeLimit ?? uploadLimitForTier(guild?.premiumTier ?? 0);
    const state: InteractionState = {
      id,
      token,
      type,
      channelId,
      guildId,
      userId: user.id,
      user,
      createdAt: at,
      attachmentSizeLimit,
      messageId,
      waiters: [],
    };
    this.byId.set(id, state);
    this.byToken.set(token, state);
    const permissions = String(d.memberPermissions ?? d.permissions ?? MEMBER_PERMISSIONS);
    const joinedAt = new Date(at).toISOString();
    const guildLocale = d.guildLocale ?? guild?.preferredLocale ?? 'en-US';
    const payload: JsonBody = {
      id,
      application_id: deps.applicationId,
      type,
      token,
      version: 1,
      channel_id: channelId,
      channel: d.thread
        ? {
            // A thread (type 11), or a post in a forum: a thread whose parent is the forum channel.
            id: channelId,
            type: 11,
            guild_id: guildId,
            name: d.thread.forum ? 'a forum post' : 'a thread',
            parent_id: d.thread.parentId,
            owner_id: user.id,
            rate_limit_per_user: 0,
            flags: 0,
            last_message_id: null,
            message_count: 1,
            member_count: 1,
            thread_metadata: {
              archived: false,
              auto_archive_duration: 1440,
              archive_timestamp: new Date(at).toISOString(),
              locked: false,
            },
            total_message_sent: 1,
          }
        : {
            id: channelId,
            type: channelType,
            ...(guildId
              ? {
                  guild_id: guildId,
                  name: guild?.channelName ?? 'generate',
                  position: 0,
                  permission_overwrites: [],
                  nsfw: false,
                  parent_id: null,
                  rate_limit_per_user: 0,
                  flags: 0,
                  topic: null,
                  last_message_id: null,
                }
              : {}),
          },
      ...(guildId
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: guildLocale, features: [] },
            member: memberPayload(user, permissions, d.roles ?? [], joinedAt),
            guild_locale: guildLocale,
          }
        : { user }),
      app_permissions: String(d.appPermissions ?? ALL_PERMISSIONS),
      locale: d.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: {
        ...(install !== 'user' ? { '0': guildId ?? '0' } : {}),
        ...(install !== 'guild' ? { '1': user.id } : {}),
      },
      context: guildId ? 0 : d.groupDm ? 2 : 1,
      attachment_size_limit: state.attachmentSizeLimit,
      ...extra(channelId, at),
    };
    // With the Guilds intent Discord tells the bot about a thread (or forum post) when it is created,
    // before anything happens in it.
    if (newThread) deps.sendEvent('THREAD_CREATE', { ...(payload.channel as JsonBody), newly_created: true }, guildId);
    deps.send(payload, guildId);
    return { id, token, channelId, ...(guildId ? { guildId } : {}) };
  }

  private commandData(d: DispatchCommand, channelId: string, at: number): JsonBody {
    const resolved: Record<string, Record<string, unknown>> = {};
    const add = (kind: string, key: string, value: unknown) => {
      resolved[kind] = { ...resolved[kind], [key]: value };
    };
    const opts: JsonBody[] = (d.options ?? []).map((o) => ({
      name: o.name,
      type: o.type ?? impliedOptionType(o.value),
      value: o.value,
      ...(o.focused ? { focused: true } : {}),
    }));
    // Channel, role and user options come with their objects in `resolved`, as Discord sends them.
    for (const o of opts) {
      const v = String(o.value);
      if (o.type === ApplicationCommandOptionType.Channel)
        add('channels', v, { id: v, type: 0, name: 'channel', permissions: ALL_PERMISSIONS });
      else if (o.type === ApplicationCommandOptionType.Role)
        add('roles', v, {
          id: v,
          name: 'role',
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 1,
          permissions: '0',
          managed: false,
          mentionable: true,
          flags: 0,
        });
      else if (o.type === ApplicationCommandOptionType.User) add('users', v, makeUser(v, `user-${v.slice(-4)}`));
    }
    for (const [k, a] of (d.attachments ?? []).entries()) {
      const att = attachmentPayload(a, channelId, at);
      add('attachments', att.id, att);
      opts.push({
        name: a.optionName ?? `image${k + 1}`,
        type: ApplicationCommandOptionType.Attachment,
        value: att.id,
      });
    }
    let options: JsonBody[] = opts;
    if (d.subcommand) options = [{ name: d.subcommand, type: ApplicationCommandOptionType.Subcommand, options }];
    if (d.subcommandGroup)
      options = [{ name: d.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options }];
    const registered = this.deps.findCommand(
      d.name,
      d.guildId === null ? undefined : (d.guildId ?? this.deps.guilds[0]?.id),
    );
    return {
      id: d.commandId ?? registered?.id ?? snowflake(at),
      name: d.name,
      type: 1,
      options,
      ...(registered?.guildId ? { guild_id: registered.guildId } : {}),
      ...(Object.keys(resolved).length ? { resolved } : {}),
    };
  }
}
