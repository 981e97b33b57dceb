import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadVideo } from '../../src/services/download/downloadVideo.js';

let server: Server;
let port: number;
let hits: string[];
beforeEach(async () => {
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect-private') {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/video.mp4` });
      return res.end();
    }
    const body = Buffer.alloc(req.url === '/big.mp4' ? 5000 : 1000, 7);
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('downloads reach only the public internet', () => {
  it('with private hosts allowed (local testing) the video is fetched, within the cap', async () => {
    const ok = await downloadVideo(`http://127.0.0.1:${port}/video.mp4`, {
      maxBytes: 2000,
      allowHttp: true,
      allowPrivateHosts: true,
    });
    expect(ok).toMatchObject({ kind: 'file', contentType: 'video/mp4' });
    expect(ok.kind === 'file' && ok.data.length).toBe(1000);
    expect(
      await downloadVideo(`http://127.0.0.1:${port}/big.mp4`, {
        maxBytes: 2000,
        allowHttp: true,
        allowPrivateHosts: true,
      }),
    ).toMatchObject({
      kind: 'too_large',
    });
  });

  it.each([
    (p: number) => `http://127.0.0.1:${p}/video.mp4`,
    (p: number) => `http://localhost:${p}/video.mp4`,
    (p: number) => `http://[::1]:${p}/video.mp4`,
    (p: number) => `http://2130706433:${p}/video.mp4`,
    (p: number) => `http://0x7f.1:${p}/video.mp4`,
  ])('refuses a loopback URL without sending any request (%#)', async (url) => {
    const r = await downloadVideo(url(port), { maxBytes: 2000, allowHttp: true });
    expect(r.kind).toBe('refused');
    expect(hits).toEqual([]);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const r = await downloadVideo(`http://video.example:${port}/video.mp4`, {
      maxBytes: 2000,
      allowHttp: true,
      resolve: async () => [{ address: '10.0.0.5', family: 4 }],
    });
    expect(r).toMatchObject({ kind: 'refused' });
    expect(r.kind === 'refused' && r.message).toContain('10.0.0.5');
  });

  it('connects to the address it checked, and checks every redirect again', async () => {
    // video.example is "public" (the test resolver says 198.51.100.7 is allowed) but actually reaches this
    // loopback server; its redirect to 127.0.0.1 is then refused before any request is sent there.
    const r = await downloadVideo(`http://video.example:${port}/redirect-private`, {
      maxBytes: 2000,
      allowHttp: true,
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      isAllowedAddress: (ip) => ip === '127.0.0.1' && hits.length === 0,
    });
    expect(r.kind).toBe('refused');
    expect(hits).toEqual(['/redirect-private']);
  });

  it('refuses plain http unless allowed', async () => {
    expect(
      await downloadVideo(`http://127.0.0.1:${port}/video.mp4`, { maxBytes: 2000, allowPrivateHosts: true }),
    ).toMatchObject({ kind: 'refused' });
  });
});
