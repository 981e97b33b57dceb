/**
 * The fake gateway: HELLO, IDENTIFY → READY, heartbeats and ACKs, one GUILD_CREATE per guild, then
 * dispatches on demand. Plain JSON frames (discord.js asks for no compression without zlib-sync).
 */
import type { APIUser } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, type FakeGuild } from './payloads.js';

export interface GatewayOptions {
  botToken: string;
  applicationId: string;
  botUser: APIUser;
  guilds: FakeGuild[];
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
}

export function createGateway(options: GatewayOptions) {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Set<WebSocket>();
  let seq = 0;
  let readyResolve: () => void = () => {};
  let ready = new Promise<void>((r) => (readyResolve = r));

  const send = (ws: WebSocket, payload: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  };
  const dispatch = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });

  wss.on('connection', (ws) => {
    send(ws, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let msg: { op: number; d?: { token?: string } };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      switch (msg.op) {
        case 1:
          send(ws, { op: 11 });
          break;
        case 2: {
          const token = String(msg.d?.token ?? '').replace(/^Bot /, '');
          if (token !== options.botToken) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          sessions.add(ws);
          dispatch(ws, 'READY', {
            v: 10,
            user: options.botUser,
            guilds: options.guilds.map((g) => ({ id: g.id, unavailable: true })),
            session_id: `session-${Date.now()}`,
            resume_gateway_url: options.resumeUrl(),
            shard: [0, 1],
            application: { id: options.applicationId, flags: 0 },
            private_channels: [],
            presences: [],
            relationships: [],
            guild_join_requests: [],
          });
          for (const g of options.guilds) dispatch(ws, 'GUILD_CREATE', guildCreate(g, options.botUser));
          readyResolve();
          break;
        }
        case 6:
          send(ws, { op: 9, d: false });
          break;
        default:
          break;
      }
    });
    ws.on('close', () => {
      sessions.delete(ws);
      if (sessions.size === 0) ready = new Promise<void>((r) => (readyResolve = r));
    });
  });

  return {
    wss,
    waitForIdentified: () => ready,
    /** Sends a dispatch to every identified session; false when no bot is connected. */
    dispatch(t: string, d: unknown): boolean {
      for (const ws of sessions) dispatch(ws, t, d);
      return sessions.size > 0;
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
