/**
 * startFakeDiscord(): one loopback HTTP server with REST under /api/v10 and the gateway at /gateway.
 * A real discord.js Client logs into it with `rest: { api: fake.restUrl }` (discord.js finds the gateway through
 * GET /gateway/bot); tests dispatch interactions and read what the bot did from `requests` and `messages`. Each
 * interaction goes to every gateway session of its guild's shard (several bot processes all get it, as in a rolling
 * deploy; a dropped but resumable session keeps it for replay).
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { APIUser } from 'discord-api-types/v10';
import { RestFaults, type RestFault, type RestFaultHook } from './faults.js';
import { createGateway, type IdentifyRecord, type ResumeRecord } from './gateway.js';
import {
  Interactions,
  type DispatchCommand,
  type DispatchComponent,
  type DispatchMessageCommand,
  type DispatchModalSubmit,
  type DispatchedInteraction,
  type InteractionCallback,
  type InteractionState,
} from './interactions.js';
import { MessageStore, type StoredMessage } from './messageStore.js';
import { createFakeOAuth, type FakeOAuth } from './oauth.js';
import {
  attachmentPayload,
  DEFAULT_ATTACHMENT_SIZE_LIMIT,
  MEMBER_PERMISSIONS,
  makeGuild,
  makeUser,
  uploadLimitForTier,
  type AttachmentSpec,
  type FakeGuild,
  type FakeGuildSpec,
  type GuildShape,
} from './payloads.js';
import { requestsTo, type RecordedRestRequest } from './recorder.js';
import { createRestHandler, type FakeChannel, type RestContext, type StoredCommand } from './restRoutes.js';
import { snowflake } from './snowflake.js';

export interface FakeDiscordOptions {
  botToken?: string;
  applicationId?: string;
  botUsername?: string;
  /** How many guilds the bot is in (each with one text channel), or their specs. Default 1. */
  guilds?: number | FakeGuildSpec[];
  /** The shape of every guild made from a count (channels, roles, emojis beyond the defaults). */
  guildShape?: GuildShape;
  /**
   * The shard count GET /gateway/bot recommends (default 1). Each shard that identifies gets READY and GUILD_CREATE
   * for its own guilds (`(guild_id >> 22) % shards`), and INTERACTION_CREATE goes to the guild's shard (DMs: shard 0).
   */
  shards?: number;
  /**
   * `session_start_limit.max_concurrency` (default: the shard count, so that discord.js identifies every shard at
   * once instead of one per 5 s).
   */
  maxConcurrency?: number;
  /** The fake's clock (webhook token age, timestamps); `advanceClock` adds to it. */
  now?: () => number;
  /** How long after dispatch an interaction may be acknowledged (default 3000 ms). */
  ackDeadlineMs?: number;
  /** Sent in HELLO (default 41250 ms). */
  heartbeatIntervalMs?: number;
  /**
   * Keep every REST request with its body and files in `requests` (default true). False for long runs: `requests`
   * stays empty; the counters (`uploadCount`, `uploadsByMessage`, `restFaultCounts`) and the message store remain.
   */
  recordRequests?: boolean;
  /** Discord's per-route rate limits (channel and guild routes, per channel): `limit` requests per `windowMs`. */
  rateLimit?: { limit: number; windowMs: number };
}

export interface PostMessage {
  channelId?: string;
  author?: { id: string; username?: string };
  content?: string;
  attachments?: AttachmentSpec[];
  embeds?: unknown[];
}

export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api`, for `new Client({ rest: { api } })`. */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, what GET /gateway/bot answers. */
  readonly gatewayUrl: string;
  readonly botToken: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly FakeGuild[];
  readonly guildIds: readonly string[];
  /** The text channel of a guild. */
  channelIdOf(guildId: string): string;
  /** Every REST request, in arrival order (none with `recordRequests: false`). */
  readonly requests: RecordedRestRequest[];
  /** Requests to a templated route, e.g. `PATCH /webhooks/:appId/:token/messages/:messageId`. */
  requestsTo(route: string | RegExp): RecordedRestRequest[];
  /** Every message the bot made, with edits applied. */
  readonly messages: MessageStore;
  /** Bulk-overwritten commands by scope: `global` or a guild id. */
  readonly commands: Map<string, StoredCommand[]>;
  readonly interactions: Map<string, InteractionState>;
  /** What IDENTIFY said (intents, shard, compress), one entry per identify. */
  readonly identifies: readonly IdentifyRecord[];
  /** Every RESUME (op 6) and whether it resumed or got INVALID_SESSION. */
  readonly resumes: readonly ResumeRecord[];
  /** Resolves once every shard has identified (READY and every GUILD_CREATE sent) or resumed. */
  waitForReady(): Promise<void>;
  dispatchCommand(d: DispatchCommand): DispatchedInteraction;
  /** Type 4; mark the typed option `focused: true`. */
  dispatchAutocomplete(d: DispatchCommand): DispatchedInteraction;
  /** Type 3: a button click (or select with `componentType` and `values`) on a message. */
  dispatchComponent(d: DispatchComponent): DispatchedInteraction;
  dispatchModalSubmit(d: DispatchModalSubmit): DispatchedInteraction;
  /** Apps → <name> on a message: a message context menu command with the message in `data.resolved.messages`. */
  dispatchMessageCommand(d: DispatchMessageCommand): DispatchedInteraction;
  /** A member's message in a channel (default: the first guild's), with attachments and embeds. */
  postMessage(m: PostMessage): StoredMessage;
  /** Any gateway dispatch (e.g. `GUILD_DELETE`) to the connected bot. */
  dispatchEvent(t: string, d: unknown): void;
  /** Resolves with the interaction's callback `{ type, data }` once the bot has sent it (rejects after `timeoutMs`, default 5 s). */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<InteractionCallback>;
  /** Same as `waitForCallback`. */
  waitForResponse(interactionId: string, timeoutMs?: number): Promise<InteractionCallback>;
  /** The original response message of an interaction (the clicked message after an update), if any. */
  originalMessage(interactionId: string): StoredMessage | undefined;
  /**
   * The words of an answer deferred at once (callback type 5) and edited in after; rejects when the interaction
   * was answered another way, or no words came within `timeoutMs` (default 5 s).
   */
  deferredReply(interactionId: string, timeoutMs?: number): Promise<string>;
  injectRestFault(fault: RestFault): void;
  clearRestFaults(): void;
  /** Random faults: asked for every request no injected fault matches (`METHOD /templated/route`); undefined removes it. */
  setRestFaultHook(hook: RestFaultHook | undefined): void;
  /** Faults played (injected or from the hook), by status, with the code when there is one: `429`, `500`, `404:10062`. */
  restFaultCounts(): Record<string, number>;
  /** Requests that carried an .mp4 file and were answered 2xx. */
  uploadCount(): number;
  /** Per message id, how many requests put an .mp4 on it successfully. */
  uploadsByMessage(): Map<string, number>;
  /** A moderator deletes a message; later requests for it get 10008. */
  deleteMessage(channelId: string, messageId: string): void;
  deleteMessage(messageId: string): void;
  /** The channel disappears; later requests for it get 10003. */
  deleteChannel(channelId: string): void;
  /** The user does not accept DMs from the bot: sending one gets 403 50007 (opening the DM channel still works). */
  closeDms(userId: string): void;
  /** Adds a channel to a guild (a forum: type 15), with its permission overwrites and tags. */
  addChannel(guildId: string, spec: Partial<FakeChannel> & { type: number }): FakeChannel;
  readonly channels: Map<string, FakeChannel>;
  /** Gives the bot a role with these permissions in a guild (its @everyone permissions stay). */
  setBotPermissions(guildId: string, permissions: bigint): void;
  /**
   * A member of a guild with a role of these permissions (GET /guilds/:id/members/:userId answers with it, and
   * GET /guilds/:id lists the role); `undefined`: the member leaves (10007 Unknown Member from then on).
   */
  setMemberPermissions(guildId: string, userId: string, permissions: bigint | undefined): void;
  /** A member reacts to a message with an emoji (`name`, or `name:id` for a custom one). */
  react(messageId: string, emoji: string, userId: string): void;
  /** Requests answered 429 by the per-route rate limits (`rateLimit`). */
  rateLimitedCount(): number;
  /** Moves the fake's clock forward (webhook tokens expire 15 min after their interaction). */
  advanceClock(ms: number): void;
  now(): number;
  /** Sends op 7 RECONNECT to the bot (discord.js reconnects and resumes). */
  requestReconnect(): void;
  /** Closes the bot's gateway connections with a close code (default 4000; discord.js resumes). */
  disconnectGateway(code?: number): void;
  /** Forgets every gateway session, so the next RESUME gets INVALID_SESSION and the bot identifies again. */
  invalidateSessions(): void;
  /** OAuth2 (authorize → code, token with PKCE, /users/@me and its guilds): web sign-in on loopback. */
  readonly oauth: FakeOAuth;
  /** Closes the gateway and HTTP server (and every open connection). */
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const botToken = options.botToken ?? 'fake-bot-token.aaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbb';
  const applicationId = options.applicationId ?? snowflake();
  const botUser: APIUser = makeUser(applicationId, options.botUsername ?? 'seedance-bot', true);
  const clock = options.now ?? Date.now;
  let offsetMs = 0;
  const now = () => clock() + offsetMs;
  const specs: FakeGuildSpec[] = Array.isArray(options.guilds)
    ? options.guilds
    : Array.from({ length: options.guilds ?? 1 }, () => (options.guildShape ? { shape: options.guildShape } : {}));
  const createdAt = now();
  const guilds = specs.map((spec, i) => makeGuild(spec, i, createdAt));
  const guildById = new Map(guilds.map((g) => [g.id, g]));
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;

  const messages = new MessageStore(now);
  const channels = new Map<string, FakeChannel>(
    guilds.map((g) => [g.channelId, { id: g.channelId, guildId: g.id, type: 0, name: g.channelName }]),
  );
  const commands = new Map<string, StoredCommand[]>();
  const botRoles = new Map<string, { id: string; permissions: string }>();
  /** guild → member → their one role (setMemberPermissions). */
  const memberRoles = new Map<string, Map<string, { id: string; permissions: string }>>();
  const gateway = createGateway({
    botToken,
    applicationId,
    botUser,
    guilds,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    resumeUrl: gatewayUrl,
    now,
  });
  const interactions = new Interactions({
    applicationId,
    botUser,
    now,
    guilds,
    channels,
    messages,
    findCommand(name, guildId) {
      const own = guildId ? commands.get(guildId)?.find((c) => c.name === name) : undefined;
      if (own) return { id: own.id, guildId };
      const global = commands.get('global')?.find((c) => c.name === name);
      return global ? { id: global.id } : undefined;
    },
    sendEvent(t, d, guildId) {
      gateway.dispatch(t, d, guildId);
    },
    send(payload, guildId) {
      if (!gateway.dispatch('INTERACTION_CREATE', payload, guildId))
        throw new Error('no bot is connected to the fake gateway');
    },
  });
  const uploadLimit = (channelId: string) => {
    const guildId = channels.get(channelId)?.guildId;
    const guild = guildId ? guildById.get(guildId) : undefined;
    return guild ? uploadLimitForTier(guild.premiumTier) : DEFAULT_ATTACHMENT_SIZE_LIMIT;
  };
  const ctx: RestContext = {
    botToken,
    applicationId,
    botUser,
    gatewayUrl,
    shards: Math.max(1, options.shards ?? 1),
    maxConcurrency: Math.max(1, options.maxConcurrency ?? options.shards ?? 1),
    now,
    ackDeadlineMs: options.ackDeadlineMs ?? 3000,
    interactions,
    messages,
    faults: new RestFaults(),
    faultCounts: {},
    recordRequests: options.recordRequests ?? true,
    requests: [],
    uploads: { count: 0, byMessage: new Map() },
    commands,
    channels,
    uploadLimit,
    closedDms: new Set(),
    guildAccess: (guildId) => {
      const g = guildById.get(guildId);
      if (!g) return undefined;
      const botRole = botRoles.get(guildId);
      const members = memberRoles.get(guildId) ?? new Map<string, { id: string; permissions: string }>();
      return {
        ownerId: g.ownerId,
        roles: [{ id: g.id, permissions: MEMBER_PERMISSIONS }, ...(botRole ? [botRole] : []), ...members.values()],
        botRoles: botRole ? [botRole.id] : [],
        memberRoles: new Map([...members].map(([user, role]) => [user, [role.id]])),
      };
    },
    rateLimit: options.rateLimit,
    rateWindows: new Map(),
    rateLimited: { count: 0 },
  };
  const rest = createRestHandler(ctx);
  const oauth = createFakeOAuth(() => `http://127.0.0.1:${port}`);
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    const plainRoute = () => {
      if (!m) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 0, message: '404: Not Found' }));
        return;
      }
      rest(req, res, decodeURIComponent(m[1]!), url.searchParams).catch((err: unknown) => {
        if (!res.headersSent)
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 0, message: `fake Discord failed: ${String(err)}` }));
      });
    };
    oauth.handle(req, res, url, m ? decodeURIComponent(m[1]!) : undefined).then(
      (done) => done || plainRoute(),
      (err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      },
    );
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/gateway') return socket.destroy();
    gateway.wss.handleUpgrade(req, socket, head, (ws) => gateway.wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const originalMessage = (interactionId: string): StoredMessage | undefined => {
    const id = interactions.byId.get(interactionId)?.originalMessageId;
    return id ? messages.get(id) : undefined;
  };

  return {
    restUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    botToken,
    applicationId,
    botUser,
    guilds,
    guildIds: guilds.map((g) => g.id),
    channelIdOf(guildId) {
      const g = guildById.get(guildId);
      if (!g) throw new Error(`unknown guild ${guildId}`);
      return g.channelId;
    },
    requests: ctx.requests,
    requestsTo: (route) => requestsTo(ctx.requests, route),
    messages,
    commands,
    interactions: interactions.byId,
    identifies: gateway.identifies,
    resumes: gateway.resumes,
    waitForReady: () => gateway.waitForReady(),
    dispatchCommand: (d) => interactions.command(d),
    dispatchAutocomplete: (d) => interactions.autocomplete(d),
    dispatchComponent: (d) => interactions.component(d),
    dispatchModalSubmit: (d) => interactions.modalSubmit(d),
    dispatchMessageCommand: (d) => interactions.messageCommand(d),
    postMessage(m) {
      const channelId = m.channelId ?? guilds[0]!.channelId;
      const at = now();
      return messages.create(
        channelId,
        { content: m.content ?? '', embeds: m.embeds ?? [] },
        (m.attachments ?? []).map((a) => {
          const api = attachmentPayload(a, channelId, at);
          return {
            id: api.id,
            filename: api.filename,
            size: api.size,
            url: api.url,
            ...(api.content_type ? { content_type: api.content_type } : {}),
            ...(api.width ? { width: api.width, height: api.height ?? api.width } : {}),
          };
        }),
        {
          guildId: channels.get(channelId)?.guildId,
          kind: 'channel',
          author: makeUser(m.author?.id ?? '300000000000000009', m.author?.username ?? 'poster'),
        },
      );
    },
    dispatchEvent(t, d) {
      const guildId =
        d && typeof d === 'object'
          ? ((d as { guild_id?: unknown }).guild_id ??
            (t.startsWith('GUILD_') ? (d as { id?: unknown }).id : undefined))
          : undefined;
      if (!gateway.dispatch(t, d, typeof guildId === 'string' ? guildId : undefined))
        throw new Error('no bot is connected to the fake gateway');
    },
    waitForCallback: (id, timeoutMs) => interactions.waitForCallback(id, timeoutMs),
    waitForResponse: (id, timeoutMs) => interactions.waitForCallback(id, timeoutMs),
    originalMessage,
    async deferredReply(interactionId, timeoutMs = 5000) {
      const callback = await interactions.waitForCallback(interactionId, timeoutMs);
      if (callback.type !== 5)
        throw new Error(`interaction ${interactionId} was answered with type ${callback.type}, not deferred`);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const content = originalMessage(interactionId)?.content;
        if (content) return content;
        if (Date.now() > deadline) throw new Error(`no words edited into the deferred answer of ${interactionId}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    injectRestFault: (fault) => ctx.faults.add(fault),
    clearRestFaults: () => ctx.faults.clear(),
    setRestFaultHook(hook) {
      ctx.faultHook = hook;
    },
    restFaultCounts: () => ({ ...ctx.faultCounts }),
    uploadCount: () => ctx.uploads.count,
    uploadsByMessage: () => new Map(ctx.uploads.byMessage),
    deleteMessage(a: string, b?: string) {
      const m = messages.get(b ?? a);
      if (m && (b === undefined || m.channelId === a)) m.deleted = true;
    },
    deleteChannel(channelId) {
      channels.delete(channelId);
    },
    closeDms(userId) {
      ctx.closedDms.add(userId);
    },
    addChannel(guildId, spec) {
      const channel: FakeChannel = { id: snowflake(now()), guildId, name: 'gallery', ...spec };
      channels.set(channel.id, channel);
      return channel;
    },
    channels,
    setBotPermissions(guildId, permissions) {
      botRoles.set(guildId, { id: snowflake(now()), permissions: String(permissions) });
    },
    setMemberPermissions(guildId, userId, permissions) {
      let members = memberRoles.get(guildId);
      if (!members) memberRoles.set(guildId, (members = new Map()));
      if (permissions === undefined) members.delete(userId);
      else members.set(userId, { id: snowflake(now()), permissions: String(permissions) });
    },
    react(messageId, emoji, userId) {
      const m = messages.get(messageId);
      if (!m) throw new Error(`unknown message ${messageId}`);
      m.reactions ??= new Map();
      const users = m.reactions.get(emoji) ?? [];
      if (!users.includes(userId)) users.push(userId);
      m.reactions.set(emoji, users);
    },
    rateLimitedCount: () => ctx.rateLimited.count,
    advanceClock(ms) {
      offsetMs += ms;
    },
    now,
    requestReconnect: () => gateway.requestReconnect(),
    disconnectGateway: (code) => gateway.disconnect(code),
    invalidateSessions: () => gateway.invalidateSessions(),
    oauth: oauth.api,
    close() {
      closing ??= new Promise<void>((resolve) => {
        gateway.close();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
