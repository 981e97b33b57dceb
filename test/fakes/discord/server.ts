/**
 * startFakeDiscord(): one loopback HTTP server with REST under /api/v10 and the gateway at /gateway.
 * A real discord.js Client logs into it with `rest: { api: fake.restUrl }`; tests dispatch interactions
 * and read what the bot did from `requests` and `messages`.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApplicationCommandOptionType, InteractionType, type APIUser } from 'discord-api-types/v10';
import { RestFaults, type RestFault } from './faults.js';
import { createGateway } from './gateway.js';
import { MessageStore } from './messageStore.js';
import { attachmentPayload, makeUser, memberPayload, MEMBER_PERMISSIONS, type AttachmentSpec, type FakeGuild } from './payloads.js';
import { createRestHandler, type InteractionState, type RecordedRestRequest, type RestContext } from './rest.js';
import { snowflake } from './snowflake.js';

export interface FakeDiscordOptions {
  botToken?: string;
  applicationId?: string;
  /** How many guilds the bot is in (each with one text channel), or their specs. */
  guilds?: number | Array<Partial<FakeGuild>>;
  now?: () => number;
  ackDeadlineMs?: number;
  heartbeatIntervalMs?: number;
}

export interface DispatchBase {
  guildId?: string | null;
  channelId?: string;
  user?: { id: string; username?: string };
  /** Member permissions bitfield (default: an ordinary member). */
  permissions?: bigint | string;
  locale?: string;
  guildLocale?: string;
  attachmentSizeLimit?: number;
  /** The member's role ids. */
  roles?: string[];
}

export interface CommandOption {
  name: string;
  type?: ApplicationCommandOptionType;
  value: string | number | boolean;
  focused?: boolean;
}

export interface DispatchCommand extends DispatchBase {
  name: string;
  subcommand?: string;
  options?: CommandOption[];
  attachments?: AttachmentSpec[];
}

export interface DispatchComponent extends DispatchBase {
  customId: string;
  messageId: string;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const botToken = options.botToken ?? 'fake-bot-token.aaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbb';
  const applicationId = options.applicationId ?? snowflake();
  const botUser: APIUser = makeUser(applicationId, 'seedance-bot', true);
  const nowFn = options.now ?? Date.now;
  let offsetMs = 0;
  const now = () => nowFn() + offsetMs;
  const guildSpecs: Array<Partial<FakeGuild>> = typeof options.guilds === 'number' || options.guilds === undefined ? Array.from({ length: options.guilds ?? 1 }, () => ({})) : options.guilds;
  const guilds: FakeGuild[] = guildSpecs.map((g, i) => ({
    id: g.id ?? snowflake(),
    name: g.name ?? `Guild ${i + 1}`,
    channelId: g.channelId ?? snowflake(),
    ownerId: g.ownerId ?? snowflake(),
    premiumTier: g.premiumTier ?? 0,
  }));
  let port = 0;
  const ctx: RestContext = {
    botToken,
    applicationId,
    botUser,
    gatewayUrl: () => `ws://127.0.0.1:${port}/gateway`,
    now,
    ackDeadlineMs: options.ackDeadlineMs ?? 3000,
    interactions: new Map(),
    byToken: new Map(),
    messages: new MessageStore(),
    faults: new RestFaults(),
    requests: [],
    commands: new Map(),
    channels: new Map(guilds.map((g) => [g.channelId, { id: g.channelId, guildId: g.id, type: 0 }])),
  };
  const rest = createRestHandler(ctx);
  const gateway = createGateway({ botToken, applicationId, botUser, guilds, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250, resumeUrl: ctx.gatewayUrl });
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    rest(req, res, decodeURIComponent(m[1]!), url.searchParams).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, message: String(err) }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/gateway')) return socket.destroy();
    gateway.wss.handleUpgrade(req, socket, head, (ws) => gateway.wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  let userCounter = 0;
  function base(d: DispatchBase, type: InteractionType) {
    const guildId = d.guildId === null ? undefined : (d.guildId ?? guilds[0]?.id);
    const guild = guilds.find((g) => g.id === guildId);
    const channelId = d.channelId ?? guild?.channelId ?? snowflake();
    if (!ctx.channels.has(channelId)) ctx.channels.set(channelId, { id: channelId, guildId, type: guildId ? 0 : 1 });
    const user = makeUser(d.user?.id ?? `10000000000000000${(userCounter += 1) % 10}`, d.user?.username ?? 'member');
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Math.random().toString(36).slice(2)}`;
    const state: InteractionState = { id, token, type, channelId, guildId, createdAt: now(), attachmentSizeLimit: d.attachmentSizeLimit ?? 10 * 1024 * 1024, waiters: [] };
    ctx.interactions.set(id, state);
    ctx.byToken.set(token, state);
    const permissions = d.permissions === undefined ? MEMBER_PERMISSIONS : String(d.permissions);
    const member = { ...memberPayload(user, permissions), roles: d.roles ?? [] };
    const payload = {
      id,
      application_id: applicationId,
      type,
      token,
      version: 1,
      channel_id: channelId,
      channel: { id: channelId, type: guildId ? 0 : 1, ...(guildId ? { guild_id: guildId, name: 'generate' } : {}) },
      ...(guildId ? { guild_id: guildId, guild: { id: guildId, locale: d.guildLocale ?? 'en-US', features: [] }, member } : { user }),
      app_permissions: '2251799813685247',
      locale: d.locale ?? 'en-US',
      ...(guildId ? { guild_locale: d.guildLocale ?? 'en-US' } : {}),
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context: guildId ? 0 : 1,
      attachment_size_limit: state.attachmentSizeLimit,
    };
    return { state, payload, channelId, guildId };
  }

  function commandData(d: DispatchCommand, channelId: string) {
    const resolved: Record<string, unknown> = {};
    const opts: Array<Record<string, unknown>> = (d.options ?? []).map((o) => ({
      name: o.name,
      type: o.type ?? (typeof o.value === 'number' ? (Number.isInteger(o.value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number) : typeof o.value === 'boolean' ? ApplicationCommandOptionType.Boolean : ApplicationCommandOptionType.String),
      value: o.value,
      ...(o.focused ? { focused: true } : {}),
    }));
    // Channel and role options come with their objects in `resolved`, as Discord sends them.
    for (const o of opts) {
      if (o.type === ApplicationCommandOptionType.Channel) {
        resolved.channels = { ...(resolved.channels as object), [String(o.value)]: { id: String(o.value), type: 0, name: 'channel', permissions: '2251799813685247' } };
      } else if (o.type === ApplicationCommandOptionType.Role) {
        resolved.roles = { ...(resolved.roles as object), [String(o.value)]: { id: String(o.value), name: 'role', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 } };
      }
    }
    for (const a of d.attachments ?? []) {
      const att = attachmentPayload(a, channelId);
      resolved.attachments = { ...(resolved.attachments as object), [att.id]: att };
      opts.push({ name: a.optionName, type: ApplicationCommandOptionType.Attachment, value: att.id });
    }
    return {
      id: snowflake(),
      name: d.name,
      type: 1,
      options: d.subcommand ? [{ name: d.subcommand, type: ApplicationCommandOptionType.Subcommand, options: opts }] : opts,
      ...(Object.keys(resolved).length ? { resolved } : {}),
    };
  }

  function send(payload: unknown): void {
    if (!gateway.dispatch('INTERACTION_CREATE', payload)) throw new Error('no bot is connected to the fake gateway');
  }

  return {
    restUrl: `http://127.0.0.1:${port}/api`,
    botToken,
    applicationId,
    botUser,
    guilds,
    requests: ctx.requests as RecordedRestRequest[],
    messages: ctx.messages,
    commands: ctx.commands,
    interactions: ctx.interactions,
    /** Resolves once a bot has identified (READY and every GUILD_CREATE have been sent). */
    waitForReady: () => gateway.waitForIdentified(),
    /** Moves the fake's clock forward (webhook tokens expire 15 min after their interaction). */
    advanceClock(ms: number) {
      offsetMs += ms;
    },
    now,
    dispatchCommand(d: DispatchCommand) {
      const { state, payload, channelId } = base(d, InteractionType.ApplicationCommand);
      send({ ...payload, data: commandData(d, channelId) });
      return { id: state.id, token: state.token, channelId };
    },
    dispatchAutocomplete(d: DispatchCommand) {
      const { state, payload, channelId } = base(d, InteractionType.ApplicationCommandAutocomplete);
      send({ ...payload, data: commandData(d, channelId) });
      return { id: state.id, token: state.token };
    },
    dispatchComponent(d: DispatchComponent) {
      const msg = ctx.messages.byId.get(d.messageId);
      if (!msg) throw new Error(`unknown message ${d.messageId}`);
      const { state, payload } = base({ ...d, channelId: msg.channelId, guildId: d.guildId ?? msg.guildId ?? null }, InteractionType.MessageComponent);
      state.messageId = msg.id;
      send({ ...payload, data: { custom_id: d.customId, component_type: 2 }, message: ctx.messages.toApi(msg, botUser) });
      return { id: state.id, token: state.token };
    },
    /** The interaction's callback (type and data), once the bot has sent it. */
    waitForCallback(interactionId: string, timeoutMs = 5000): Promise<{ type: number; data?: Record<string, unknown> }> {
      const ix = ctx.interactions.get(interactionId);
      if (!ix) return Promise.reject(new Error(`unknown interaction ${interactionId}`));
      if (ix.callback) return Promise.resolve(ix.callback);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no callback for ${interactionId} within ${timeoutMs} ms`)), timeoutMs);
        ix.waiters.push((cb) => {
          clearTimeout(timer);
          resolve(cb);
        });
      });
    },
    /** The original response message of an interaction, if it exists. */
    originalMessage(interactionId: string) {
      const id = ctx.interactions.get(interactionId)?.originalMessageId;
      return id ? ctx.messages.byId.get(id) : undefined;
    },
    injectRestFault: (fault: RestFault) => ctx.faults.add(fault),
    deleteMessage(messageId: string) {
      const m = ctx.messages.byId.get(messageId);
      if (m) m.deleted = true;
    },
    deleteChannel(channelId: string) {
      ctx.channels.delete(channelId);
    },
    async close() {
      gateway.close();
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
