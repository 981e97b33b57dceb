/**
 * The operator's HTTP endpoint (HTTP_PORT, on HTTP_HOST: 127.0.0.1 unless set): `GET /healthz` answers 200
 * while the bot is healthy and 503 with a JSON reason otherwise; `GET /metrics` serves the Prometheus text,
 * only to `Authorization: Bearer <METRICS_TOKEN>` when a token is set. Nothing else is served.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logging/logger.js';

export type Health = { ok: true } | { ok: false; reason: string };

export interface HttpServerOptions {
  port: number;
  host: string;
  health(): Promise<Health>;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** When set, /metrics answers 401 unless the request carries `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  logger: Logger;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether the request carries the bearer token. Both sides are hashed first, so the comparison takes the same
 * time whatever the length or the first differing byte of what was sent.
 */
export function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const sent = /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token)) && sent.length > 0;
}

export interface OpsHttpServer {
  /** `http://host:port` as bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<OpsHttpServer> {
  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') {
      options.health().then(
        (h) => send(res, h.ok ? 200 : 503, 'application/json', JSON.stringify(h)),
        (err: unknown) =>
          send(
            res,
            503,
            'application/json',
            JSON.stringify({ ok: false, reason: `health check failed: ${String(err)}` }),
          ),
      );
      return;
    }
    if (path === '/metrics') {
      if (options.metricsToken && !hasBearer(req, options.metricsToken)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        return send(res, 401, 'text/plain', 'unauthorized\n');
      }
      options.metrics().then(
        (m) => send(res, 200, m.contentType, m.body),
        (err: unknown) => {
          options.logger.error({ err }, 'metrics scrape failed');
          send(res, 500, 'text/plain', 'metrics unavailable\n');
        },
      );
      return;
    }
    send(res, 404, 'text/plain', 'not found\n');
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  options.logger.info(
    { url, paths: ['/healthz', '/metrics'], metricsAuth: options.metricsToken ? 'bearer' : 'none' },
    'health and metrics server listening',
  );
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
