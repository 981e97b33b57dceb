import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { type OpsHttpServer, startHttpServer } from '../../src/services/monitoring/httpServer.js';

const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const TOKEN = 'metrics-token-0123456789abcdef';
let server: OpsHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = (metricsToken?: string) =>
  startHttpServer({
    port: 0,
    host: '127.0.0.1',
    metricsToken,
    logger,
    health: async () => ({ ok: true }),
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'seedance_bot_up 1\n' }),
  });

describe('the operator HTTP server (issue 20, defect 7)', () => {
  it('with METRICS_TOKEN, /metrics answers only the bearer token; /healthz stays open', async () => {
    server = await start(TOKEN);
    const get = (path: string, authorization?: string) =>
      fetch(`${server!.url}${path}`, { headers: authorization ? { authorization } : {} });
    const none = await get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('seedance_bot_up');
    expect((await get('/metrics', `Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await get('/metrics', `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get('/metrics', TOKEN)).status).toBe(401);
    expect((await get('/metrics', 'Bearer ')).status).toBe(401);
    const ok = await get('/metrics', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('seedance_bot_up 1');
    expect((await get('/healthz')).status).toBe(200);
  });

  it('without a token /metrics is served as before', async () => {
    server = await start();
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('seedance_bot_up 1');
  });
});
