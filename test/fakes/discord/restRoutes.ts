/**
 * The fake's REST API (v10): the routes the bot uses, with Discord's error codes and rules (3 s to acknowledge,
 * one acknowledgement, 15-minute webhook tokens, per-file upload limits). Every request is recorded (unless told
 * not to keep them: then only counted), and successful .mp4 uploads are counted per message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionType, type APIUser } from 'discord-api-types/v10';
import { ERROR_MESSAGES, restFaultName, type RestFault, type RestFaultHook, type RestFaults } from './faults.js';
import type { InteractionState, Interactions } from './interactions.js';
import { EPHEMERAL, LOADING, type MessageStore, type StoredAttachment, type StoredMessage } from './messageStore.js';
import { readBody, type JsonBody, type RecordedFile, type RecordedRestRequest } from './recorder.js';
import { snowflake } from './snowflake.js';

export interface FakeChannel {
  id: string;
  guildId?: string;
  type: number;
  name?: string;
  recipientId?: string;
  /** A channel of a server the bot is not in, or a group DM: the bot itself cannot reach it (50001). */
  botAbsent?: boolean;
  /** Forums (type 15): their tags (at most 20; PATCH adds them). */
  availableTags?: Array<{ id: string; name: string; moderated: boolean; emoji_id: null; emoji_name: null }>;
  permissionOverwrites?: Array<{ id: string; type: number; allow: string; deny: string }>;
  /** Threads (forum posts): the forum, who made it, its tags. */
  parentId?: string;
  ownerId?: string;
  appliedTags?: string[];
}

/** What GET /guilds/:id answers about the server's roles and owner, and the bot's own roles. */
export interface FakeGuildAccess {
  ownerId: string;
  roles: Array<{ id: string; permissions: string }>;
  botRoles: string[];
  /** Members other than the bot, with their role ids (setMemberPermissions). */
  memberRoles?: ReadonlyMap<string, string[]>;
}

export interface StoredCommand extends JsonBody {
  id: string;
  name: string;
  guild_id?: string;
}

export interface RestContext {
  botToken: string;
  applicationId: string;
  botUser: APIUser;
  gatewayUrl: () => string;
  /** The shard count GET /gateway/bot recommends. */
  shards: number;
  maxConcurrency: number;
  now: () => number;
  ackDeadlineMs: number;
  interactions: Interactions;
  messages: MessageStore;
  faults: RestFaults;
  /** Asked when no injected fault matches a request. */
  faultHook?: RestFaultHook;
  /** Faults played, by `restFaultName`. */
  faultCounts: Record<string, number>;
  /** Whether `requests` keeps each request (with its body and files). */
  recordRequests: boolean;
  requests: RecordedRestRequest[];
  /** Requests that carried an .mp4 file and were answered 2xx: in all, and by the message they landed on. */
  uploads: { count: number; byMessage: Map<string, number> };
  /** Bulk-overwritten commands by scope: `global` or a guild id. */
  commands: Map<string, StoredCommand[]>;
  channels: Map<string, FakeChannel>;
  /** Per-file upload limit for bot-token messages in a channel (the guild's boost tier; 10 MiB in DMs). */
  uploadLimit: (channelId: string) => number;
  /** Users who do not accept direct messages from the bot (50007). */
  closedDms: Set<string>;
  /** Roles, owner and the bot's roles per guild (the gallery's permission check). */
  guildAccess: (guildId: string) => FakeGuildAccess | undefined;
  /**
   * Discord's per-route rate limits, when set: each route and channel (the major parameter) allows `limit`
   * requests per `windowMs`; beyond, 429 with the headers Discord sends. Counted in `rateLimited`.
   */
  rateLimit?: { limit: number; windowMs: number };
  rateWindows: Map<string, { start: number; used: number }>;
  rateLimited: { count: number };
}

/** Templates (method `*` = any) and the path patterns they match; params in order. */
const ROUTES: Array<[string, RegExp]> = [
  ['GET /gateway/bot', /^\/gateway\/bot$/],
  ['GET /gateway', /^\/gateway$/],
  ['GET /users/@me', /^\/users\/@me$/],
  ['POST /users/@me/channels', /^\/users\/@me\/channels$/],
  ['GET /applications/@me', /^\/applications\/@me$/],
  ['GET /oauth2/applications/@me', /^\/oauth2\/applications\/@me$/],
  ['POST /interactions/:id/:token/callback', /^\/interactions\/(\d+)\/([^/]+)\/callback$/],
  ['* /webhooks/:appId/:token/messages/:messageId', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/],
  ['POST /webhooks/:appId/:token', /^\/webhooks\/(\d+)\/([^/]+)$/],
  ['* /channels/:channelId/messages/:messageId', /^\/channels\/(\d+)\/messages\/(\d+)$/],
  ['POST /channels/:channelId/messages', /^\/channels\/(\d+)\/messages$/],
  [
    '* /channels/:channelId/messages/:messageId/reactions/:emoji',
    /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)$/,
  ],
  ['GET /channels/:channelId/messages', /^\/channels\/(\d+)\/messages$/],
  ['POST /channels/:channelId/threads', /^\/channels\/(\d+)\/threads$/],
  ['* /channels/:channelId', /^\/channels\/(\d+)$/],
  ['GET /guilds/:guildId/threads/active', /^\/guilds\/(\d+)\/threads\/active$/],
  ['GET /guilds/:guildId/members/:userId', /^\/guilds\/(\d+)\/members\/(\d+)$/],
  ['GET /guilds/:guildId', /^\/guilds\/(\d+)$/],
  ['POST /attachments/refresh-urls', /^\/attachments\/refresh-urls$/],
  [
    '* /applications/:appId/guilds/:guildId/commands/:commandId',
    /^\/applications\/(\d+)\/guilds\/(\d+)\/commands\/(\d+)$/,
  ],
  ['* /applications/:appId/guilds/:guildId/commands', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/],
  ['* /applications/:appId/commands/:commandId', /^\/applications\/(\d+)\/commands\/(\d+)$/],
  ['* /applications/:appId/commands', /^\/applications\/(\d+)\/commands$/],
];

export const WEBHOOK_TOKEN_MS = 15 * 60 * 1000;
const MAX_AUTOCOMPLETE_CHOICES = 25;

export function matchRoute(method: string, path: string): { route: string; params: string[]; known: boolean } {
  for (const [template, re] of ROUTES) {
    const [m, tpl] = template.split(' ') as [string, string];
    const hit = re.exec(path);
    if (hit && (m === '*' || m === method)) return { route: `${method} ${tpl}`, params: hit.slice(1), known: true };
  }
  return { route: `${method} ${path}`, params: [], known: false };
}

/** A stable bucket id per route, so discord.js keeps one (never exhausted) bucket for each. */
function bucketOf(route: string): string {
  let h = 0;
  for (let i = 0; i < route.length; i += 1) h = (h * 31 + route.charCodeAt(i)) | 0;
  return `fake${(h >>> 0).toString(16)}`;
}

/** Routes under Discord's per-route limits here: channels and guilds (not webhooks, interactions, commands). */
const webhookRoute = (route: string) => !/ \/(channels|guilds)\//.test(route);

/** Counts a request in its bucket's window (a fixed window per route and major parameter). */
function rateWindow(ctx: RestContext, bucket: string) {
  const now = Date.now();
  let w = ctx.rateWindows.get(bucket);
  if (!w || now >= w.start + ctx.rateLimit!.windowMs) {
    w = { start: now, used: 0 };
    ctx.rateWindows.set(bucket, w);
  }
  w.used += 1;
  return w;
}

const uploads = (list: RecordedFile[]): StoredAttachment[] =>
  list.map((f) => ({ id: snowflake(), filename: f.name, size: f.size, content_type: f.contentType }));
const tooLarge = (list: RecordedFile[], limit: number) => list.some((f) => f.size > limit);

export function createRestHandler(ctx: RestContext) {
  /** A command as Discord stores it: defaults filled in, the id kept across overwrites of the same name. */
  function storedCommand(c: JsonBody, id: string | undefined, guildId: string | undefined): StoredCommand {
    return {
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...c,
      id: id ?? snowflake(ctx.now()),
      name: String(c.name),
      application_id: ctx.applicationId,
      version: snowflake(ctx.now()),
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    apiPath: string,
    query: URLSearchParams,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const { route, params, known } = matchRoute(method, apiPath);
    const bucket = `${route}:${params[0] ?? ''}`;
    const record: RecordedRestRequest = {
      method,
      route,
      path: apiPath,
      query,
      auth: req.headers.authorization,
      files: [],
      status: 0,
      at: ctx.now(),
    };
    if (ctx.recordRequests) ctx.requests.push(record);
    const parsed = await readBody(req);
    record.body = parsed.body;
    record.files = parsed.files;
    const { body, files } = parsed;
    /** The message this request's files landed on (made or edited with them). */
    let landedOn: string | undefined;
    const store = {
      create: (...args: Parameters<MessageStore['create']>) => {
        const m = ctx.messages.create(...args);
        landedOn = m.id;
        return m;
      },
      apply: (m: StoredMessage, b: JsonBody, list: StoredAttachment[]) => {
        ctx.messages.apply(m, b, list);
        landedOn = m.id;
      },
    };

    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (status >= 200 && status < 300 && files.some((f) => /\.mp4$/i.test(f.name))) {
        ctx.uploads.count += 1;
        if (landedOn) ctx.uploads.byMessage.set(landedOn, (ctx.uploads.byMessage.get(landedOn) ?? 0) + 1);
      }
      const rl = ctx.rateLimit;
      const w = rl ? ctx.rateWindows.get(bucket) : undefined;
      const limits: Record<string, string> =
        status === 429
          ? {}
          : rl && w
            ? {
                'x-ratelimit-limit': String(rl.limit),
                'x-ratelimit-remaining': String(Math.max(0, rl.limit - w.used)),
                'x-ratelimit-reset': ((w.start + rl.windowMs) / 1000).toFixed(3),
                'x-ratelimit-reset-after': (Math.max(0, w.start + rl.windowMs - Date.now()) / 1000).toFixed(3),
                'x-ratelimit-bucket': bucketOf(bucket),
              }
            : {
                'x-ratelimit-limit': '1000',
                'x-ratelimit-remaining': '999',
                'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
                'x-ratelimit-reset-after': '1.000',
                'x-ratelimit-bucket': bucketOf(route),
              };
      if (payload === undefined) {
        res.writeHead(status, { ...limits, ...headers }).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json', ...limits, ...headers }).end(JSON.stringify(payload));
    };
    const error = (status: number, code: number, message = ERROR_MESSAGES[code] ?? 'Error') =>
      reply(status, { code, message });

    const window = ctx.rateLimit && !webhookRoute(route) ? rateWindow(ctx, bucket) : undefined;
    if (window && window.used > ctx.rateLimit!.limit) {
      ctx.rateLimited.count += 1;
      const after = Math.max(0.001, (window.start + ctx.rateLimit!.windowMs - Date.now()) / 1000);
      return reply(
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        {
          'retry-after': String(Math.ceil(after)),
          'x-ratelimit-scope': 'user',
          'x-ratelimit-limit': String(ctx.rateLimit!.limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': after.toFixed(3),
          'x-ratelimit-bucket': bucketOf(bucket),
        },
      );
    }
    const fault = ctx.faults.take(route, files.length > 0) ?? ctx.faultHook?.(route, files.length > 0);
    if (fault) {
      const name = restFaultName(fault);
      ctx.faultCounts[name] = (ctx.faultCounts[name] ?? 0) + 1;
      return playFault(fault, route, reply, error);
    }

    const webhookAuth = route.includes(' /webhooks/') || route.includes(' /interactions/');
    if (!webhookAuth && req.headers.authorization !== `Bot ${ctx.botToken}`) return error(401, 0, '401: Unauthorized');
    if (!known) return error(404, 0, '404: Not Found');

    // Discord refuses a message that breaks its form rules (link button URLs, embed and content lengths).
    const messageBody = route.startsWith('POST /interactions/')
      ? (body?.data as JsonBody | undefined)
      : method === 'POST' || method === 'PATCH'
        ? body
        : undefined;
    const invalid = messageBody && !Array.isArray(messageBody) ? formBodyProblem(messageBody) : undefined;
    if (invalid && !route.includes('/commands'))
      return reply(400, { code: 50035, message: 'Invalid Form Body', errors: invalid });

    const messageOf = (id: string | undefined) => {
      const m = id ? ctx.messages.get(id) : undefined;
      return m && !m.deleted ? m : undefined;
    };
    const api = (m: StoredMessage) => ctx.messages.toApi(m, ctx.botUser);
    /** The interaction behind a webhook path, or the error Discord gives. */
    const webhook = (appId: string, token: string): InteractionState | undefined => {
      const ix = ctx.interactions.byToken.get(token);
      if (appId !== ctx.applicationId) return void error(404, 10015);
      if (!ix) return void error(401, 50027);
      if (ctx.now() - ix.createdAt > WEBHOOK_TOKEN_MS) return void error(401, 50027);
      if (!ix.callback) return void error(404, 10015);
      return ix;
    };

    switch (route) {
      case 'GET /gateway':
        return reply(200, { url: ctx.gatewayUrl() });
      case 'GET /gateway/bot':
        return reply(200, {
          url: ctx.gatewayUrl(),
          shards: ctx.shards,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 86_400_000,
            max_concurrency: ctx.maxConcurrency,
          },
        });
      case 'GET /users/@me':
        return reply(200, ctx.botUser);
      case 'GET /applications/@me':
      case 'GET /oauth2/applications/@me':
        return reply(200, {
          id: ctx.applicationId,
          name: ctx.botUser.username,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          bot: ctx.botUser,
          owner: { ...ctx.botUser, id: '1', username: 'owner', bot: false },
          team: null,
          summary: '',
        });
      case 'POST /users/@me/channels': {
        const recipientId = String(body?.recipient_id ?? '');
        if (!/^\d+$/.test(recipientId)) return error(400, 50035, 'Invalid Form Body');
        const existing = [...ctx.channels.values()].find((c) => c.recipientId === recipientId);
        const channel: FakeChannel = existing ?? { id: snowflake(ctx.now()), type: 1, recipientId };
        ctx.channels.set(channel.id, channel);
        return reply(200, channelPayload(channel));
      }
      case 'POST /interactions/:id/:token/callback': {
        const ix = ctx.interactions.byId.get(params[0]!);
        if (!ix || ix.token !== params[1]) return error(404, 10062);
        if (ix.callback) return error(400, 40060);
        if (ctx.now() - ix.createdAt > ctx.ackDeadlineMs) return error(404, 10062);
        const type = Number(body?.type);
        const data = body?.data as JsonBody | undefined;
        const isAutocomplete = ix.type === InteractionType.ApplicationCommandAutocomplete;
        if (isAutocomplete !== (type === 8)) return error(400, 50035, 'Invalid Form Body');
        // Deferred update and update are for interactions on a message; a modal cannot answer a modal.
        if ((type === 6 || type === 7) && !ix.messageId) return error(400, 50035, 'Invalid Form Body');
        if (type === 9 && ix.type === InteractionType.ModalSubmit) return error(400, 50035, 'Invalid Form Body');
        if (type === 8 && Array.isArray(data?.choices) && data.choices.length > MAX_AUTOCOMPLETE_CHOICES)
          return error(400, 50035, 'Invalid Form Body');
        if (![1, 4, 5, 6, 7, 8, 9, 10, 12].includes(type)) return error(400, 50035, 'Invalid Form Body');
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005);
        ix.callback = { type, ...(data ? { data } : {}) };
        ix.ackedAt = ctx.now();
        let message: StoredMessage | undefined;
        if (type === 4 || type === 5) {
          // A deferred response keeps only EPHEMERAL from its flags and shows "thinking…" until filled.
          const flags = type === 5 ? (Number(data?.flags ?? 0) & EPHEMERAL) | LOADING : Number(data?.flags ?? 0);
          message = store.create(ix.channelId, type === 5 ? {} : (data ?? {}), uploads(files), {
            guildId: ix.guildId,
            interactionId: ix.id,
            interaction: meta(ix),
            kind: 'original',
            flags,
          });
          ix.originalMessageId = message.id;
        } else if (type === 6 || type === 7) {
          message = messageOf(ix.messageId);
          if (message && type === 7) store.apply(message, data ?? {}, uploads(files));
          ix.originalMessageId = ix.messageId;
        }
        for (const w of ix.waiters.splice(0)) w(ix.callback);
        if (query.get('with_response') === 'true') {
          // `resource.message` only for CHANNEL_MESSAGE_WITH_SOURCE (4) and UPDATE_MESSAGE (7).
          return reply(200, {
            interaction: {
              id: ix.id,
              type: ix.type,
              ...(message
                ? {
                    response_message_id: message.id,
                    response_message_loading: type === 5,
                    response_message_ephemeral: (message.flags & EPHEMERAL) !== 0,
                  }
                : {}),
            },
            resource: { type, ...(message && (type === 4 || type === 7) ? { message: api(message) } : {}) },
          });
        }
        return reply(204);
      }
      case 'GET /webhooks/:appId/:token/messages/:messageId':
      case 'PATCH /webhooks/:appId/:token/messages/:messageId':
      case 'DELETE /webhooks/:appId/:token/messages/:messageId': {
        const ix = webhook(params[0]!, params[1]!);
        if (!ix) return;
        const msg = messageOf(params[2] === '@original' ? ix.originalMessageId : params[2]);
        // A token reaches its original response and its own follow-ups only.
        if (!msg || (msg.id !== ix.originalMessageId && msg.interactionId !== ix.id)) return error(404, 10008);
        if (method === 'GET') return reply(200, api(msg));
        if (method === 'DELETE') {
          msg.deleted = true;
          return reply(204);
        }
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005);
        store.apply(msg, body ?? {}, uploads(files));
        msg.flags &= ~LOADING;
        return reply(200, api(msg));
      }
      case 'POST /webhooks/:appId/:token': {
        const ix = webhook(params[0]!, params[1]!);
        if (!ix) return;
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005);
        const original = ix.originalMessageId ? ctx.messages.get(ix.originalMessageId) : undefined;
        // The first follow-up to a deferred response fills the loading message, keeping the defer's ephemerality,
        // as Discord does (and fails with 10008 if someone deleted it meanwhile, discord-api-docs#3087).
        // Interaction follow-ups always behave as `wait=true`: 200 with the message.
        if (original && original.flags & LOADING && ix.callback?.type === 5) {
          if (original.deleted) return error(404, 10008);
          store.apply(original, body ?? {}, uploads(files));
          original.flags &= ~LOADING;
          return reply(200, api(original));
        }
        const msg = store.create(ix.channelId, body ?? {}, uploads(files), {
          guildId: ix.guildId,
          interactionId: ix.id,
          interaction: meta(ix),
          kind: 'followup',
        });
        return reply(200, api(msg));
      }
      case 'GET /channels/:channelId/messages/:messageId':
      case 'PATCH /channels/:channelId/messages/:messageId':
      case 'DELETE /channels/:channelId/messages/:messageId': {
        if (!ctx.channels.has(params[0]!)) return error(404, 10003);
        if (ctx.channels.get(params[0]!)?.botAbsent) return error(403, 50001);
        const msg = messageOf(params[1]);
        // Ephemeral messages cannot be reached through the channel (discord-api-docs#3090).
        if (!msg || msg.channelId !== params[0] || (msg.flags & EPHEMERAL) !== 0) return error(404, 10008);
        if (method === 'GET') return reply(200, api(msg));
        if (method === 'DELETE') {
          msg.deleted = true;
          return reply(204);
        }
        if (tooLarge(files, ctx.uploadLimit(msg.channelId))) return error(413, 40005);
        store.apply(msg, body ?? {}, uploads(files));
        return reply(200, api(msg));
      }
      case 'POST /channels/:channelId/messages': {
        const channel = ctx.channels.get(params[0]!);
        if (!channel) return error(404, 10003);
        if (channel.botAbsent) return error(403, 50001);
        if (channel.recipientId && ctx.closedDms.has(channel.recipientId)) return error(403, 50007);
        if (tooLarge(files, ctx.uploadLimit(channel.id))) return error(413, 40005);
        if (
          !body?.content &&
          !(body?.embeds as unknown[] | undefined)?.length &&
          !files.length &&
          !(body?.components as unknown[] | undefined)?.length
        )
          return error(400, 50006, 'Cannot send an empty message');
        const msg = store.create(channel.id, body ?? {}, uploads(files), {
          guildId: channel.guildId,
          kind: 'channel',
        });
        return reply(200, api(msg));
      }
      case 'GET /channels/:channelId':
      case 'PATCH /channels/:channelId':
      case 'DELETE /channels/:channelId': {
        const channel = ctx.channels.get(params[0]!);
        if (!channel) return error(404, 10003);
        if (channel.botAbsent) return error(403, 50001);
        if (method === 'DELETE') {
          ctx.channels.delete(channel.id);
          return reply(200, channelPayload(channel));
        }
        if (method === 'PATCH' && Array.isArray(body?.available_tags)) {
          // Discord keeps at most 20 tags on a forum; a tag without an id is new.
          const tags = body.available_tags as Array<{ id?: string; name: string }>;
          if (tags.length > 20) return reply(400, { code: 50035, message: 'Invalid Form Body' });
          channel.availableTags = tags.map((x) => ({
            id: x.id ?? snowflake(ctx.now()),
            name: String(x.name),
            moderated: false,
            emoji_id: null,
            emoji_name: null,
          }));
        }
        return reply(200, channelPayload(channel));
      }
      case 'POST /channels/:channelId/threads': {
        // A forum post: a thread with its first message (same id), its tags checked against the forum's.
        const forum = ctx.channels.get(params[0]!);
        if (!forum) return error(404, 10003);
        if (forum.botAbsent) return error(403, 50001);
        if (forum.type !== 15) return error(400, 50035, 'Invalid Form Body');
        const message = body?.message as JsonBody | undefined;
        if (!message || typeof body?.name !== 'string' || !body.name || body.name.length > 100)
          return error(400, 50035, 'Invalid Form Body');
        const applied = (body.applied_tags as string[] | undefined) ?? [];
        if (applied.length > 5 || applied.some((id) => !forum.availableTags?.some((x) => x.id === id)))
          return error(400, 50035, 'Invalid Form Body');
        const invalidMessage = formBodyProblem(message);
        if (invalidMessage) return reply(400, { code: 50035, message: 'Invalid Form Body', errors: invalidMessage });
        if (tooLarge(files, ctx.uploadLimit(forum.id))) return error(413, 40005);
        const msg = store.create('0', message, uploads(files), { guildId: forum.guildId, kind: 'channel' });
        // The thread's id is its first message's id.
        msg.channelId = msg.id;
        const thread: FakeChannel = {
          id: msg.id,
          guildId: forum.guildId,
          type: 11,
          name: body.name,
          parentId: forum.id,
          ownerId: ctx.botUser.id,
          appliedTags: applied,
        };
        ctx.channels.set(thread.id, thread);
        return reply(201, { ...channelPayload(thread), message: api(msg) });
      }
      case 'GET /channels/:channelId/messages': {
        const channel = ctx.channels.get(params[0]!);
        if (!channel) return error(404, 10003);
        if (channel.botAbsent) return error(403, 50001);
        const after = BigInt(query.get('after') ?? '0');
        const limit = Math.min(100, Number(query.get('limit') ?? 50));
        const list = [...ctx.messages.byId.values()]
          .filter(
            (m) => m.channelId === channel.id && !m.deleted && (m.flags & EPHEMERAL) === 0 && BigInt(m.id) > after,
          )
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
          .slice(0, limit);
        return reply(200, list.map(api));
      }
      case 'GET /channels/:channelId/messages/:messageId/reactions/:emoji': {
        if (!ctx.channels.has(params[0]!)) return error(404, 10003);
        const msg = messageOf(params[1]);
        if (!msg || msg.channelId !== params[0]) return error(404, 10008);
        const users = msg.reactions?.get(decodeURIComponent(params[2]!)) ?? [];
        if (!users.length) return error(404, 10014, 'Unknown Emoji');
        return reply(
          200,
          users.slice(0, Number(query.get('limit') ?? 25)).map((id) => ({
            id,
            username: `user${id.slice(-4)}`,
            discriminator: '0',
            avatar: null,
            global_name: null,
          })),
        );
      }
      case 'GET /guilds/:guildId/threads/active': {
        const threads = [...ctx.channels.values()].filter((c) => c.guildId === params[0] && c.type === 11);
        return reply(200, { threads: threads.map(channelPayload), members: [] });
      }
      case 'GET /guilds/:guildId': {
        const access = ctx.guildAccess(params[0]!);
        if (!access) return error(404, 10004, 'Unknown Guild');
        return reply(200, {
          id: params[0],
          name: 'guild',
          owner_id: access.ownerId,
          roles: access.roles.map((r) => ({ ...r, name: r.id === params[0] ? '@everyone' : 'role', position: 0 })),
        });
      }
      case 'GET /guilds/:guildId/members/:userId': {
        const access = ctx.guildAccess(params[0]!);
        if (!access) return error(404, 10004, 'Unknown Guild');
        if (params[1] !== ctx.botUser.id) {
          const roles = access.memberRoles?.get(params[1]!);
          if (!roles) return error(404, 10007, 'Unknown Member');
          return reply(200, {
            user: { id: params[1], username: `user${params[1]!.slice(-4)}`, discriminator: '0', avatar: null },
            roles,
            joined_at: new Date(0).toISOString(),
          });
        }
        return reply(200, { user: ctx.botUser, roles: access.botRoles, joined_at: new Date(0).toISOString() });
      }
      case 'POST /attachments/refresh-urls': {
        // Community-documented (discord-userdoccers, cloud-uploads): 1-50 URLs; Discord's own CDN URLs come
        // back signed anew, others are left out.
        const urls = body?.attachment_urls;
        if (!Array.isArray(urls) || urls.length < 1 || urls.length > 50) return error(400, 50035);
        const refreshed = (urls as string[])
          .filter(isCdnUrl)
          .map((original) => ({ original, refreshed: resign(original, ctx.now()) }));
        return reply(200, { refreshed_urls: refreshed });
      }
      case 'PUT /applications/:appId/commands':
      case 'PUT /applications/:appId/guilds/:guildId/commands': {
        if (params[0] !== ctx.applicationId) return error(403, 50001, 'Missing Access');
        if (!Array.isArray(body)) return error(400, 50035, 'Invalid Form Body');
        const scope = params[1] ?? 'global';
        const before = new Map((ctx.commands.get(scope) ?? []).map((c) => [c.name, c]));
        const saved = (body as JsonBody[]).map((c) => storedCommand(c, before.get(String(c.name))?.id, params[1]));
        ctx.commands.set(scope, saved);
        return reply(200, saved);
      }
      case 'POST /applications/:appId/commands':
      case 'POST /applications/:appId/guilds/:guildId/commands': {
        // Create, or overwrite the command with the same name (201 for a new one, 200 for an update).
        if (params[0] !== ctx.applicationId) return error(403, 50001, 'Missing Access');
        if (!body || Array.isArray(body) || typeof body.name !== 'string')
          return error(400, 50035, 'Invalid Form Body');
        const scope = params[1] ?? 'global';
        const list = ctx.commands.get(scope) ?? [];
        const existing = list.find((c) => c.name === body.name);
        const saved = storedCommand(body, existing?.id, params[1]);
        ctx.commands.set(scope, [...list.filter((c) => c !== existing), saved]);
        return reply(existing ? 200 : 201, saved);
      }
      case 'GET /applications/:appId/commands/:commandId':
      case 'DELETE /applications/:appId/commands/:commandId':
      case 'GET /applications/:appId/guilds/:guildId/commands/:commandId':
      case 'DELETE /applications/:appId/guilds/:guildId/commands/:commandId': {
        if (params[0] !== ctx.applicationId) return error(403, 50001, 'Missing Access');
        const scope = params.length === 3 ? params[1]! : 'global';
        const commandId = params[params.length - 1]!;
        const list = ctx.commands.get(scope) ?? [];
        const found = list.find((c) => c.id === commandId);
        if (!found) return error(404, 10063, 'Unknown application command');
        if (method === 'GET') return reply(200, found);
        ctx.commands.set(
          scope,
          list.filter((c) => c !== found),
        );
        return reply(204);
      }
      case 'GET /applications/:appId/commands':
      case 'GET /applications/:appId/guilds/:guildId/commands':
        if (params[0] !== ctx.applicationId) return error(403, 50001, 'Missing Access');
        return reply(200, ctx.commands.get(params[1] ?? 'global') ?? []);
      default:
        return error(404, 0, '404: Not Found');
    }
  };
}

const CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);
function isCdnUrl(url: string): boolean {
  try {
    return CDN_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}
/** The same CDN URL signed again: valid for 24 h from `now` (hex seconds, as Discord writes them). */
function resign(url: string, now: number): string {
  const u = new URL(url);
  const hex = (ms: number) => Math.floor(ms / 1000).toString(16);
  u.searchParams.set('ex', hex(now + 86_400_000));
  u.searchParams.set('is', hex(now));
  u.searchParams.set('hm', Math.random().toString(16).slice(2).padEnd(16, '0'));
  return u.toString();
}

/** Discord's form rules for a message body, as the errors object of a 50035; undefined when it is valid. */
export function formBodyProblem(b: JsonBody): Record<string, unknown> | undefined {
  const problems: Record<string, unknown> = {};
  const tooLong = (value: unknown, max: number) => typeof value === 'string' && value.length > max;
  if (tooLong(b.content, 2000)) problems.content = 'Must be 2000 or fewer in length.';
  const embeds = Array.isArray(b.embeds) ? (b.embeds as JsonBody[]) : [];
  let total = 0;
  embeds.forEach((e, i) => {
    const fields = Array.isArray(e.fields) ? (e.fields as JsonBody[]) : [];
    total += String(e.title ?? '').length + String(e.description ?? '').length;
    if (tooLong(e.title, 256)) problems[`embeds.${i}.title`] = 'Must be 256 or fewer in length.';
    if (tooLong(e.description, 4096)) problems[`embeds.${i}.description`] = 'Must be 4096 or fewer in length.';
    fields.forEach((f, j) => {
      total += String(f.name ?? '').length + String(f.value ?? '').length;
      if (tooLong(f.name, 256)) problems[`embeds.${i}.fields.${j}.name`] = 'Must be 256 or fewer in length.';
      if (tooLong(f.value, 1024)) problems[`embeds.${i}.fields.${j}.value`] = 'Must be 1024 or fewer in length.';
    });
  });
  if (total > 6000) problems.embeds = 'Embed size exceeds maximum size of 6000';
  const rows = Array.isArray(b.components) ? (b.components as JsonBody[]) : [];
  rows.forEach((row, i) => {
    const buttons = Array.isArray(row.components) ? (row.components as JsonBody[]) : [];
    buttons.forEach((c, j) => {
      if (c.style === 5 && tooLong(c.url, 512))
        problems[`components.${i}.components.${j}.url`] = 'Must be 512 or fewer in length.';
    });
  });
  return Object.keys(problems).length ? problems : undefined;
}

/** What a message made through an interaction's webhook says about that interaction. */
const meta = (ix: InteractionState) => ({ id: ix.id, type: ix.type, user: ix.user });

function channelPayload(c: FakeChannel) {
  if (c.type === 11)
    return {
      id: c.id,
      type: 11,
      guild_id: c.guildId,
      name: c.name,
      parent_id: c.parentId,
      owner_id: c.ownerId,
      applied_tags: c.appliedTags ?? [],
      thread_metadata: {
        archived: false,
        auto_archive_duration: 4320,
        locked: false,
        archive_timestamp: new Date().toISOString(),
      },
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      last_message_id: c.id,
    };
  if (c.type === 1)
    return {
      id: c.id,
      type: 1,
      last_message_id: null,
      flags: 0,
      recipients: [
        { id: c.recipientId ?? '0', username: 'member', discriminator: '0', avatar: null, global_name: 'member' },
      ],
    };
  return {
    id: c.id,
    type: c.type,
    guild_id: c.guildId,
    name: c.name ?? 'generate',
    position: 0,
    permission_overwrites: c.permissionOverwrites ?? [],
    ...(c.type === 15
      ? { available_tags: c.availableTags ?? [], default_forum_layout: 0, default_sort_order: null }
      : {}),
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

function playFault(
  fault: RestFault,
  route: string,
  reply: (s: number, p?: unknown, h?: Record<string, string>) => void,
  error: (s: number, c: number, m?: string) => void,
) {
  switch (fault.status) {
    case 429: {
      const headers: Record<string, string> = {
        'retry-after': String(fault.retryAfterSec),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global
          ? { 'x-ratelimit-global': 'true' }
          : {
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + fault.retryAfterSec)),
              'x-ratelimit-reset-after': String(fault.retryAfterSec),
              'x-ratelimit-bucket': bucketOf(route),
            }),
      };
      return reply(
        429,
        {
          message: 'You are being rate limited.',
          retry_after: fault.retryAfterSec,
          global: !!fault.global,
          ...(fault.global ? { code: 0 } : {}),
        },
        headers,
      );
    }
    case 404:
    case 403:
    case 401:
    case 400:
      return error(fault.status, fault.code);
    case 413:
      return error(413, fault.code ?? 40005);
    default:
      return error(
        fault.status,
        0,
        fault.status === 500 ? '500: Internal Server Error' : `${fault.status}: Bad Gateway`,
      );
  }
}
