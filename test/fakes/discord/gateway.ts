/**
 * The fake gateway: HELLO, IDENTIFY → READY, heartbeats and ACKs, one GUILD_CREATE per guild, then
 * dispatches on demand. Plain JSON text frames: discord.js asks for no compression unless zlib-sync is installed
 * (it is not), and identifies with `compress: false`.
 */
import type { IncomingMessage } from 'node:http';
import type { APIUser } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, type FakeGuild } from './payloads.js';

export interface GatewayOptions {
  botToken: string;
  applicationId: string;
  botUser: APIUser;
  guilds: readonly FakeGuild[];
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
  now: () => number;
}

interface Session {
  ws: WebSocket;
  /** The upgrade request's path and query, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  seq: number;
  identified: boolean;
  sessionId?: string;
}

export interface IdentifyRecord {
  /** The connection's path and query, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  intents: number;
  shard?: [number, number];
  compress?: boolean;
  at: number;
}

export function createGateway(options: GatewayOptions) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const sessions = new Set<Session>();
  const identifies: IdentifyRecord[] = [];
  let readyResolve: () => void = () => {};
  let ready = new Promise<void>((r) => (readyResolve = r));
  let sessionCounter = 0;

  const send = (s: Session, payload: object) => {
    if (s.ws.readyState === s.ws.OPEN) s.ws.send(JSON.stringify(payload));
  };
  const dispatch = (s: Session, t: string, d: unknown) => send(s, { op: 0, t, s: ++s.seq, d });

  function identify(s: Session, d: { token?: string; intents?: number; shard?: [number, number]; compress?: boolean }) {
    if (String(d.token ?? '').replace(/^Bot /, '') !== options.botToken) {
      s.ws.close(4004, 'Authentication failed.');
      return;
    }
    if (s.identified) {
      s.ws.close(4005, 'Already authenticated.');
      return;
    }
    identifies.push({ url: s.url, intents: Number(d.intents ?? 0), shard: d.shard, compress: d.compress, at: options.now() });
    s.identified = true;
    s.sessionId = `fake-session-${++sessionCounter}`;
    dispatch(s, 'READY', {
      v: 10,
      user: options.botUser,
      guilds: options.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: s.sessionId,
      resume_gateway_url: options.resumeUrl(),
      shard: d.shard ?? [0, 1],
      application: { id: options.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      auth: {},
    });
    const joinedAt = new Date(options.now()).toISOString();
    for (const g of options.guilds) dispatch(s, 'GUILD_CREATE', guildCreate(g, options.botUser, joinedAt));
    readyResolve();
  }

  wss.on('connection', (ws, req: IncomingMessage) => {
    const s: Session = { ws, url: req.url ?? '', seq: 0, identified: false };
    sessions.add(s);
    send(s, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } });
    ws.on('message', (raw, isBinary) => {
      let msg: { op?: number; d?: unknown };
      try {
        if (isBinary) throw new Error('binary frame');
        msg = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (msg.op) {
        case 1: // heartbeat
          send(s, { op: 11 });
          break;
        case 2:
          identify(s, (msg.d ?? {}) as Parameters<typeof identify>[1]);
          break;
        case 6: // resume: sessions are not kept, so the client must identify again
          send(s, { op: 9, d: false });
          break;
        default: // presence and voice state updates, member requests…: accepted and ignored
          break;
      }
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      sessions.delete(s);
      if (![...sessions].some((x) => x.identified)) ready = new Promise<void>((r) => (readyResolve = r));
    });
  });

  const identified = () => [...sessions].filter((s) => s.identified);

  return {
    wss,
    identifies,
    waitForIdentified: () => ready,
    /** Sends a dispatch to every identified session; false when no bot is connected. */
    dispatch(t: string, d: unknown): boolean {
      const list = identified();
      for (const s of list) dispatch(s, t, d);
      return list.length > 0;
    },
    /** Asks every connected client to reconnect (op 7). */
    requestReconnect() {
      for (const s of sessions) send(s, { op: 7, d: null });
    },
    /** Closes every bot connection with `code` (e.g. 4000 to make discord.js reconnect). */
    disconnect(code = 4000, reason = 'Unknown error.') {
      for (const s of sessions) s.ws.close(code, reason);
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
