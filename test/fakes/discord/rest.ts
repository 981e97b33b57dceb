/**
 * The fake's REST API (v10): the routes the bot uses, with Discord's error codes and rules (3 s to
 * acknowledge, one acknowledgement, 15-minute webhook tokens, upload size limits). Every request is recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIUser } from 'discord-api-types/v10';
import type { RestFault, RestFaults } from './faults.js';
import type { MessageBody, MessageStore, StoredAttachment, StoredMessage } from './messageStore.js';
import { snowflake } from './snowflake.js';

export interface RecordedFile {
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRestRequest {
  method: string;
  route: string;
  path: string;
  query: URLSearchParams;
  auth?: string;
  body?: MessageBody;
  files: RecordedFile[];
  status: number;
  at: number;
}

export interface InteractionState {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId?: string;
  createdAt: number;
  attachmentSizeLimit: number;
  /** The message a component interaction was clicked on. */
  messageId?: string;
  callback?: { type: number; data?: MessageBody };
  /** When the callback arrived (fake clock). */
  ackedAt?: number;
  originalMessageId?: string;
  waiters: Array<(cb: { type: number; data?: MessageBody }) => void>;
}

export interface RestContext {
  botToken: string;
  applicationId: string;
  botUser: APIUser;
  gatewayUrl: () => string;
  now: () => number;
  ackDeadlineMs: number;
  interactions: Map<string, InteractionState>;
  byToken: Map<string, InteractionState>;
  messages: MessageStore;
  faults: RestFaults;
  requests: RecordedRestRequest[];
  commands: Map<string, unknown[]>;
  channels: Map<string, { id: string; guildId?: string; type: number; recipientId?: string }>;
}

const ROUTES: Array<[string, RegExp]> = [
  ['GET /gateway/bot', /^\/gateway\/bot$/],
  ['GET /users/@me', /^\/users\/@me$/],
  ['POST /users/@me/channels', /^\/users\/@me\/channels$/],
  ['GET /applications/@me', /^\/applications\/@me$/],
  ['GET /oauth2/applications/@me', /^\/oauth2\/applications\/@me$/],
  ['POST /interactions/:id/:token/callback', /^\/interactions\/(\d+)\/([^/]+)\/callback$/],
  ['* /webhooks/:appId/:token/messages/:messageId', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/],
  ['POST /webhooks/:appId/:token', /^\/webhooks\/(\d+)\/([^/]+)$/],
  ['* /channels/:channelId/messages/:messageId', /^\/channels\/(\d+)\/messages\/(\d+)$/],
  ['POST /channels/:channelId/messages', /^\/channels\/(\d+)\/messages$/],
  ['GET /channels/:channelId', /^\/channels\/(\d+)$/],
  ['* /applications/:appId/guilds/:guildId/commands', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/],
  ['* /applications/:appId/commands', /^\/applications\/(\d+)\/commands$/],
];

const WEBHOOK_TOKEN_MS = 15 * 60 * 1000;

function matchRoute(method: string, path: string): { route: string; params: string[] } {
  for (const [template, re] of ROUTES) {
    const [m, tpl] = template.split(' ') as [string, string];
    const hit = re.exec(path);
    if (hit && (m === '*' || m === method)) return { route: `${method} ${tpl}`, params: hit.slice(1) };
  }
  return { route: `${method} ${path}`, params: [] };
}

async function readBody(req: IncomingMessage): Promise<{ body?: MessageBody; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!raw.length) return { files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: RecordedFile[] = [];
    let body: MessageBody | undefined;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value) as MessageBody;
      else if (typeof value !== 'string') files.push({ name: value.name, contentType: value.type, size: value.size, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) as MessageBody, files: [] };
  } catch {
    return { files: [] };
  }
}

export function createRestHandler(ctx: RestContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse, apiPath: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? 'GET';
    const { route, params } = matchRoute(method, apiPath);
    const { body, files } = await readBody(req);
    const record: RecordedRestRequest = { method, route, path: apiPath, query, auth: req.headers.authorization, body, files, status: 0, at: ctx.now() };
    ctx.requests.push(record);

    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (payload === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    const error = (status: number, code: number, message: string) => reply(status, { code, message });

    const fault = ctx.faults.take(route);
    if (fault) return playFault(fault, reply, error);

    const needsBot = !route.includes('/webhooks/') && !route.includes('/interactions/');
    if (needsBot && req.headers.authorization !== `Bot ${ctx.botToken}`) return error(401, 0, '401: Unauthorized');

    const messageOf = (id: string) => {
      const m = ctx.messages.byId.get(id);
      return m && !m.deleted ? m : undefined;
    };
    const api = (m: StoredMessage) => ctx.messages.toApi(m, ctx.botUser);
    const storedFiles = (list: RecordedFile[]): StoredAttachment[] => list.map((f) => ({ id: snowflake(), filename: f.name, size: f.size, content_type: f.contentType }));
    const tooLarge = (list: RecordedFile[], limit: number) => list.some((f) => f.size > limit);
    const DEFAULT_LIMIT = 10 * 1024 * 1024;

    switch (route) {
      case 'GET /gateway/bot':
        return reply(200, { url: ctx.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
      case 'GET /users/@me':
        return reply(200, ctx.botUser);
      case 'GET /applications/@me':
      case 'GET /oauth2/applications/@me':
        return reply(200, { id: ctx.applicationId, name: 'Seedance fake app', icon: null, description: '', bot_public: true, bot_require_code_grant: false, verify_key: 'x', flags: 0, bot: ctx.botUser });
      case 'POST /users/@me/channels': {
        const recipientId = String((body as { recipient_id?: string } | undefined)?.recipient_id ?? '');
        const existing = [...ctx.channels.values()].find((c) => c.recipientId === recipientId);
        const channel = existing ?? { id: snowflake(), type: 1, recipientId };
        ctx.channels.set(channel.id, channel);
        return reply(200, { id: channel.id, type: 1, recipients: [{ id: recipientId, username: 'member', discriminator: '0', avatar: null, global_name: null }] });
      }
      case 'POST /interactions/:id/:token/callback': {
        const ix = ctx.interactions.get(params[0]!);
        if (!ix || ix.token !== params[1]) return error(404, 10062, 'Unknown interaction');
        if (ix.callback) return error(400, 40060, 'Interaction has already been acknowledged.');
        if (ctx.now() - ix.createdAt > ctx.ackDeadlineMs) return error(404, 10062, 'Unknown interaction');
        const type = Number((body as { type?: number } | undefined)?.type);
        const data = (body as { data?: MessageBody } | undefined)?.data;
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005, 'Request entity too large');
        ix.callback = { type, data };
        ix.ackedAt = ctx.now();
        let message: StoredMessage | undefined;
        if (type === 4 || type === 5) {
          message = ctx.messages.create(ix.channelId, data ?? {}, storedFiles(files), { guildId: ix.guildId, interactionId: ix.id, flags: type === 5 ? ((data?.flags as number) ?? 0) | 128 : ((data?.flags as number) ?? 0) });
          ix.originalMessageId = message.id;
        } else if ((type === 7 || type === 6) && ix.messageId) {
          const target = messageOf(ix.messageId);
          if (target && type === 7) ctx.messages.apply(target, data ?? {}, storedFiles(files));
          ix.originalMessageId = ix.messageId;
          message = target;
        }
        for (const w of ix.waiters.splice(0)) w(ix.callback);
        if (query.get('with_response') === 'true') {
          return reply(200, {
            interaction: { id: ix.id, type: ix.type, response_message_id: message?.id, response_message_loading: type === 5, response_message_ephemeral: ((message?.flags ?? 0) & 64) !== 0 },
            ...(message ? { resource: { type, message: api(message) } } : { resource: { type } }),
          });
        }
        return reply(204);
      }
      case 'GET /webhooks/:appId/:token/messages/:messageId':
      case 'PATCH /webhooks/:appId/:token/messages/:messageId':
      case 'DELETE /webhooks/:appId/:token/messages/:messageId': {
        const ix = ctx.byToken.get(params[1]!);
        if (!ix || params[0] !== ctx.applicationId) return error(404, 10015, 'Unknown Webhook');
        if (ctx.now() - ix.createdAt > WEBHOOK_TOKEN_MS) return error(401, 50027, 'Invalid Webhook Token');
        const id = params[2] === '@original' ? ix.originalMessageId : params[2];
        const msg = id ? messageOf(id) : undefined;
        if (!msg) return error(404, 10008, 'Unknown Message');
        if (method === 'GET') return reply(200, api(msg));
        if (method === 'DELETE') {
          msg.deleted = true;
          return reply(204);
        }
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005, 'Request entity too large');
        ctx.messages.apply(msg, body ?? {}, storedFiles(files));
        msg.flags &= ~128;
        return reply(200, api(msg));
      }
      case 'POST /webhooks/:appId/:token': {
        const ix = ctx.byToken.get(params[1]!);
        if (!ix) return error(404, 10015, 'Unknown Webhook');
        if (ctx.now() - ix.createdAt > WEBHOOK_TOKEN_MS) return error(401, 50027, 'Invalid Webhook Token');
        if (tooLarge(files, ix.attachmentSizeLimit)) return error(413, 40005, 'Request entity too large');
        const msg = ctx.messages.create(ix.channelId, body ?? {}, storedFiles(files), { guildId: ix.guildId, interactionId: ix.id });
        return reply(200, api(msg));
      }
      case 'GET /channels/:channelId/messages/:messageId':
      case 'PATCH /channels/:channelId/messages/:messageId':
      case 'DELETE /channels/:channelId/messages/:messageId': {
        if (!ctx.channels.has(params[0]!)) return error(404, 10003, 'Unknown Channel');
        const msg = messageOf(params[1]!);
        // Ephemeral messages cannot be reached through the channel (discord-api-docs#3090).
        if (!msg || msg.channelId !== params[0] || (msg.flags & 64) !== 0) return error(404, 10008, 'Unknown Message');
        if (method === 'GET') return reply(200, api(msg));
        if (method === 'DELETE') {
          msg.deleted = true;
          return reply(204);
        }
        if (tooLarge(files, DEFAULT_LIMIT)) return error(413, 40005, 'Request entity too large');
        ctx.messages.apply(msg, body ?? {}, storedFiles(files));
        return reply(200, api(msg));
      }
      case 'POST /channels/:channelId/messages': {
        const channel = ctx.channels.get(params[0]!);
        if (!channel) return error(404, 10003, 'Unknown Channel');
        if (tooLarge(files, DEFAULT_LIMIT)) return error(413, 40005, 'Request entity too large');
        const msg = ctx.messages.create(channel.id, body ?? {}, storedFiles(files), { guildId: channel.guildId });
        return reply(200, api(msg));
      }
      case 'GET /channels/:channelId': {
        const channel = ctx.channels.get(params[0]!);
        if (!channel) return error(404, 10003, 'Unknown Channel');
        return reply(200, { id: channel.id, type: channel.type, guild_id: channel.guildId, name: 'generate', position: 0, permission_overwrites: [], nsfw: false, parent_id: null });
      }
      case 'PUT /applications/:appId/commands':
      case 'PUT /applications/:appId/guilds/:guildId/commands': {
        const key = params[1] ?? 'global';
        const saved = ((body as unknown as unknown[]) ?? []).map((c) => ({ ...(c as object), id: snowflake(), application_id: ctx.applicationId, version: snowflake(), ...(params[1] ? { guild_id: params[1] } : {}) }));
        ctx.commands.set(key, saved);
        return reply(200, saved);
      }
      case 'GET /applications/:appId/commands':
      case 'GET /applications/:appId/guilds/:guildId/commands':
        return reply(200, ctx.commands.get(params[1] ?? 'global') ?? []);
      default:
        return error(404, 0, '404: Not Found');
    }
  };
}

function playFault(fault: RestFault, reply: (s: number, p?: unknown, h?: Record<string, string>) => void, error: (s: number, c: number, m: string) => void) {
  switch (fault.status) {
    case 429: {
      const headers: Record<string, string> = {
        'retry-after': String(fault.retryAfterSec),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(fault.retryAfterSec),
        'x-ratelimit-bucket': 'fakebucket',
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      };
      return reply(429, { message: 'You are being rate limited.', retry_after: fault.retryAfterSec, global: !!fault.global }, headers);
    }
    case 404:
      return error(404, fault.code, fault.code === 10015 ? 'Unknown Webhook' : fault.code === 10003 ? 'Unknown Channel' : 'Unknown Message');
    case 401:
      return error(401, fault.code, 'Invalid Webhook Token');
    default:
      return error(fault.status, 0, 'Internal Server Error');
  }
}
