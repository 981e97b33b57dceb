/**
 * The fake gateway: HELLO, IDENTIFY → READY and one GUILD_CREATE per guild of the shard, heartbeats and ACKs,
 * RESUME → replay of missed dispatches and RESUMED, then dispatches on demand.
 *
 * Plain JSON text frames only. discord.js asks for `compress=zlib-stream` only when the optional `zlib-sync`
 * package is installed (it is not here) and otherwise identifies with `compress: false`; it parses text frames in
 * every mode, so the fake ignores any compression it is asked for and records what was asked.
 */
import type { IncomingMessage } from 'node:http';
import type { APIUser } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, shardOf, type FakeGuild } from './payloads.js';

/** Gateway intent bit 0: guild events (GUILD_CREATE, channel, role and thread events). */
const GUILDS_INTENT = 1;
const GUILD_EVENT = /^(GUILD_|CHANNEL_|THREAD_)/;

export interface GatewayOptions {
  botToken: string;
  applicationId: string;
  botUser: APIUser;
  guilds: readonly FakeGuild[];
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
  now: () => number;
}

/** One identified gateway session; it outlives its connection while it can be resumed. */
interface Session {
  id: string;
  shard: [number, number];
  /** What IDENTIFY asked for (guild events need GUILDS). */
  intents: number;
  seq: number;
  /** The live connection, if any. */
  conn?: Connection;
  /** When the connection dropped (fake clock); the session can be resumed for RESUME_WINDOW_MS after. */
  detachedAt?: number;
  /** The last dispatches (`[seq, frame]`), replayed on RESUME. */
  recent: Array<[number, string]>;
}

interface Connection {
  ws: WebSocket;
  /** The upgrade request's path and query, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  session?: Session;
}

export interface IdentifyRecord {
  /** The connection's path and query, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  intents: number;
  shard?: [number, number];
  compress?: boolean;
  at: number;
}

export interface ResumeRecord {
  url: string;
  sessionId: string;
  /** The last sequence number the client said it saw. */
  seq: number;
  /** Whether the session was resumed (false: answered with INVALID_SESSION). */
  resumed: boolean;
  /** How many dispatches were replayed. */
  replayed: number;
  at: number;
}

/** How many recent dispatches each session keeps for RESUME. */
const REPLAY_LIMIT = 1000;
/** How long a session whose connection dropped can still be resumed (and keeps receiving dispatches for replay). */
export const RESUME_WINDOW_MS = 60_000;
/** Ops a client may send that the fake accepts and ignores: presence, voice state, request guild members, soundboard. */
const IGNORED_OPS = new Set([3, 4, 8, 31]);

export function createGateway(options: GatewayOptions) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const sessions = new Map<string, Session>();
  const identifies: IdentifyRecord[] = [];
  const resumes: ResumeRecord[] = [];
  let readyWaiters: Array<() => void> = [];
  let sessionCounter = 0;

  const sendRaw = (c: Connection | undefined, frame: string) => {
    if (c && c.ws.readyState === c.ws.OPEN) c.ws.send(frame);
  };
  const send = (c: Connection, payload: object) => sendRaw(c, JSON.stringify(payload));

  /** Gives the dispatch the session's next sequence number, keeps it for replay and sends it if connected. */
  const dispatchTo = (s: Session, t: string, d: unknown) => {
    s.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: s.seq, d });
    s.recent.push([s.seq, frame]);
    if (s.recent.length > 2 * REPLAY_LIMIT) s.recent.splice(0, s.recent.length - REPLAY_LIMIT);
    sendRaw(s.conn, frame);
  };

  /** Every shard of the last identified shard count has a live session. */
  const isReady = () => {
    const live = [...sessions.values()].filter((s) => s.conn);
    if (!live.length) return false;
    const total = live[live.length - 1]!.shard[1];
    return Array.from({ length: total }, (_, i) => i).every((i) =>
      live.some((s) => s.shard[0] === i && s.shard[1] === total),
    );
  };
  const checkReady = () => {
    if (!isReady()) return;
    for (const w of readyWaiters.splice(0)) w();
  };

  /** Drops sessions whose connection has been gone longer than the resume window. */
  const prune = () => {
    const now = options.now();
    for (const s of sessions.values())
      if (!s.conn && s.detachedAt !== undefined && now - s.detachedAt > RESUME_WINDOW_MS) sessions.delete(s.id);
  };

  const tokenOk = (token: unknown) => String(token ?? '').replace(/^Bot /, '') === options.botToken;

  function identify(
    c: Connection,
    d: { token?: string; intents?: number; shard?: [number, number]; compress?: boolean },
  ) {
    if (!tokenOk(d.token)) return c.ws.close(4004, 'Authentication failed.');
    if (c.session) return c.ws.close(4005, 'Already authenticated.');
    const shard: [number, number] = d.shard ?? [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return c.ws.close(4010, 'Invalid shard.');
    identifies.push({
      url: c.url,
      intents: Number(d.intents ?? 0),
      shard: d.shard,
      compress: d.compress,
      at: options.now(),
    });
    const s: Session = {
      id: `fake-session-${++sessionCounter}`,
      shard,
      intents: Number(d.intents ?? 0),
      seq: 0,
      conn: c,
      recent: [],
    };
    sessions.set(s.id, s);
    c.session = s;
    const guilds = shard[1] === 1 ? options.guilds : options.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    dispatchTo(s, 'READY', {
      v: 10,
      user: options.botUser,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: s.id,
      session_type: 'normal',
      resume_gateway_url: options.resumeUrl(),
      shard,
      application: { id: options.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      auth: {},
    });
    const joinedAt = new Date(options.now()).toISOString();
    // GUILD_CREATE (and every other guild event) belongs to the GUILDS intent: a client without it gets none.
    if (s.intents & GUILDS_INTENT)
      for (const g of guilds) dispatchTo(s, 'GUILD_CREATE', guildCreate(g, options.botUser, joinedAt));
    checkReady();
  }

  function resume(c: Connection, d: { token?: string; session_id?: string; seq?: number }) {
    if (!tokenOk(d.token)) return c.ws.close(4004, 'Authentication failed.');
    prune();
    const s = sessions.get(String(d.session_id));
    const seq = Number(d.seq ?? 0);
    const oldest = s?.recent[0]?.[0] ?? (s ? s.seq + 1 : 0);
    const record: ResumeRecord = {
      url: c.url,
      sessionId: String(d.session_id),
      seq,
      resumed: false,
      replayed: 0,
      at: options.now(),
    };
    resumes.push(record);
    // Unknown or closed session, a sequence from the future, or one older than what is kept: identify again.
    if (!s || seq > s.seq || seq < oldest - 1) {
      send(c, { op: 9, d: false });
      return;
    }
    if (s.conn && s.conn !== c) s.conn.ws.close(4009, 'Session timed out.');
    s.conn = c;
    s.detachedAt = undefined;
    c.session = s;
    const missed = s.recent.filter(([n]) => n > seq);
    for (const [, frame] of missed) sendRaw(c, frame);
    record.resumed = true;
    record.replayed = missed.length;
    dispatchTo(s, 'RESUMED', {});
    checkReady();
  }

  wss.on('connection', (ws, req: IncomingMessage) => {
    const c: Connection = { ws, url: req.url ?? '' };
    connections.add(c);
    send(c, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } });
    const version = new URL(c.url, 'http://127.0.0.1').searchParams.get('v');
    if (version !== null && version !== '10') ws.close(4012, 'Invalid API version.');
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
          send(c, { op: 11 });
          break;
        case 2:
          identify(c, (msg.d ?? {}) as Parameters<typeof identify>[1]);
          break;
        case 6:
          resume(c, (msg.d ?? {}) as Parameters<typeof resume>[1]);
          break;
        default:
          if (!IGNORED_OPS.has(Number(msg.op))) ws.close(4001, 'Unknown opcode.');
          else if (!c.session) ws.close(4003, 'Not authenticated.');
          break;
      }
    });
    ws.on('error', () => {});
    ws.on('close', (code) => {
      connections.delete(c);
      const s = c.session;
      if (!s || s.conn !== c) return;
      s.conn = undefined;
      s.detachedAt = options.now();
      // A client that closes with 1000 or 1001 ends its session (discord.js does so on destroy() and before
      // re-identifying); any other close leaves it resumable.
      if (code === 1000 || code === 1001) sessions.delete(s.id);
    });
  });

  /** The sessions that receive a dispatch about `guildId` (DMs and guild-less events go to shard 0). */
  const targets = (guildId: string | undefined) => {
    prune();
    return [...sessions.values()].filter(
      (s) => s.shard[0] === (guildId === undefined || s.shard[1] === 1 ? 0 : shardOf(guildId, s.shard[1])),
    );
  };

  return {
    wss,
    identifies,
    resumes,
    /** Resolves once every shard has an identified (or resumed) live connection. */
    waitForReady(): Promise<void> {
      if (isReady()) return Promise.resolve();
      return new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    /**
     * Sends a dispatch to the session of the shard that owns `guildId`. A session whose connection dropped
     * but may be resumed keeps it for replay. False when no session would get it.
     */
    dispatch(t: string, d: unknown, guildId?: string): boolean {
      const list = targets(guildId);
      // A guild event goes only to sessions that asked for the GUILDS intent (still "delivered" for the caller).
      for (const s of list) if (!GUILD_EVENT.test(t) || s.intents & GUILDS_INTENT) dispatchTo(s, t, d);
      return list.length > 0;
    },
    /** Asks every connected client to reconnect (op 7); discord.js then resumes. */
    requestReconnect() {
      for (const c of connections) send(c, { op: 7, d: null });
    },
    /** Closes every bot connection with `code` (e.g. 4000, after which discord.js resumes). */
    disconnect(code = 4000, reason = 'Unknown error.') {
      for (const c of connections) c.ws.close(code, reason);
    },
    /** Forgets every session: a later RESUME gets INVALID_SESSION and the client must identify again. */
    invalidateSessions() {
      sessions.clear();
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      readyWaiters = [];
    },
  };
}
