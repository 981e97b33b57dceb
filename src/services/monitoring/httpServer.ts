/**
 * The operator's HTTP endpoint (HTTP_PORT): `GET /healthz` answers 200 while the bot is healthy and 503 with
 * a JSON reason otherwise; `GET /metrics` serves the Prometheus text. Nothing else is served.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logging/logger.js';

export type Health = { ok: true } | { ok: false; reason: string };

export interface HttpServerOptions {
  port: number;
  host: string;
  health(): Promise<Health>;
  metrics(): Promise<{ contentType: string; body: string }>;
  logger: Logger;
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
  options.logger.info({ url, paths: ['/healthz', '/metrics'] }, 'health and metrics server listening');
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
