import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSeedance, type FakeSeedance, type FakeSeedanceOptions } from '../../src/dev/fake-seedance/index.js';
import {
  AssetReviewClient,
  assetState,
  auditBody,
  parseAuditAnswer,
  parseStatusAnswer,
  type AssetContract,
} from '../../src/services/seedance/assets.js';
import { SeedanceClient } from '../../src/services/seedance/client.js';
import { isSeedanceError } from '../../src/services/seedance/errors.js';

// The media review's assumed contract, spoken over real HTTP to the fake Seedance through the real client.
let fake: FakeSeedance | undefined;
let clock = 1_800_000_000_000;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeSeedanceOptions = {}, contract?: Partial<AssetContract>) {
  clock = 1_800_000_000_000;
  fake = await startFakeSeedance({ apiKey: 'k', now: () => clock, assetReviewMs: 1000, ...options });
  const client = new SeedanceClient({ baseUrl: fake.url, apiKey: 'k', timeoutMs: 2000 });
  return new AssetReviewClient(client, {
    auditPath: '/api/open-api/v1/seedance/assets/audit',
    statusPath: '/api/open-api/v1/seedance/assets/status',
    statusMethod: 'GET',
    statusParam: 'assetIds',
    ...contract,
  });
}

const IMG = 'https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1&is=2&hm=3';
const VID = 'https://cdn.discordapp.com/attachments/1/3/clip.mp4?ex=1';

describe('the media review against the fake (assumed contract)', () => {
  it('submits imageUrls/videoUrls, then reports Processing until the review passes, then Active', async () => {
    const review = await start();
    const result = await review.submit([
      { url: IMG, kind: 'image' },
      { url: VID, kind: 'video' },
    ]);
    expect(fake!.audits()).toEqual([{ imageUrls: [IMG], videoUrls: [VID] }]);
    expect(result.refused).toEqual([]);
    expect(result.assets.map((a) => a.url)).toEqual([IMG, VID]);
    const ids = result.assets.map((a) => a.assetId);
    expect((await review.status(ids)).map((s) => s.state)).toEqual(['processing', 'processing']);
    clock += 1000;
    expect((await review.status(ids)).map((s) => [s.assetId, s.state])).toEqual(ids.map((id) => [id, 'active']));
    // GET with the ids in the configured query parameter (ASSUMED: comma-separated).
    const last = fake!.requests.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', query: `assetIds=${ids.join(',')}` });
  });

  it('a refused file comes back in failedItems with its reason; a failing one turns Failed with a reason', async () => {
    const review = await start();
    const refused = 'https://cdn.discordapp.com/attachments/1/4/review-refuse.png';
    const failing = 'https://cdn.discordapp.com/attachments/1/5/review-fail.png';
    const result = await review.submit([
      { url: refused, kind: 'image' },
      { url: failing, kind: 'image' },
    ]);
    expect(result.refused).toEqual([{ url: refused, reason: expect.stringContaining('unsupported') }]);
    expect(result.assets).toHaveLength(1);
    clock += 1000;
    const [st] = await review.status([result.assets[0]!.assetId]);
    expect(st).toMatchObject({ state: 'failed', rawStatus: 'Failed', reason: expect.stringContaining('real person') });
  });

  it('reads snake_case answers with the vendor code 20000, and POSTs the status when configured', async () => {
    const review = await start({ assetCase: 'snake', assetCode: '20000' }, { statusMethod: 'POST' });
    const result = await review.submit([{ url: IMG, kind: 'image' }]);
    clock += 1000;
    const [st] = await review.status([result.assets[0]!.assetId]);
    expect(st?.state).toBe('active');
    const last = fake!.requests.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', body: { assetIds: [result.assets[0]!.assetId] } });
  });

  it('a malformed answer is an error that may have reached the server (never resubmitted blindly)', async () => {
    const review = await start();
    fake!.injectFault('audit', { kind: 'malformed' });
    const err = await review.submit([{ url: IMG, kind: 'image' }]).catch((e: unknown) => e);
    expect(isSeedanceError(err) && err.kind).toBe('malformed');
    expect(isSeedanceError(err) && err.mayHaveReachedServer).toBe(true);
    fake!.injectFault('assetStatus', { kind: 'malformed' });
    const st = await review.status(['x']).catch((e: unknown) => e);
    expect(isSeedanceError(st) && st.kind).toBe('malformed');
    // An error code is the vendor's refusal, with its text kept.
    fake!.injectFault('audit', { kind: 'code', code: '20002', msg: 'imageUrls invalid' });
    const refused = await review.submit([{ url: IMG, kind: 'image' }]).catch((e: unknown) => e);
    expect(isSeedanceError(refused) && [refused.kind, refused.upstreamMsg]).toEqual([
      'invalid_request',
      'imageUrls invalid',
    ]);
  });

  it('the fake refuses https media on a Manxue create, as the vendor does', async () => {
    await start();
    const res = await fetch(`${fake!.url}/api/open-api/v1/seedance/videos`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sd2_mx_720p', prompt: 'p', duration: 5, images: [IMG] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { msg: string }).msg).toContain('asset://');
  });
});

describe('tolerant parsing', () => {
  const submitted = [
    { url: 'https://a/1.png', kind: 'image' as const },
    { url: 'https://a/2.mp4', kind: 'video' as const },
  ];

  it('builds the assumed body, leaving empty lists out', () => {
    expect(auditBody(submitted)).toEqual({ imageUrls: ['https://a/1.png'], videoUrls: ['https://a/2.mp4'] });
  });

  it('matches items without echoed URLs by kind and order; `list` and number codes are fine', () => {
    const parsed = parseAuditAnswer(
      {
        code: 0,
        data: {
          list: [
            { asset_type: 'video', asset_id: 'v1', status: 'submitted' },
            { asset_type: 'image', asset_id: 'i1', status: 'Processing' },
          ],
        },
      },
      submitted,
    );
    expect(parsed?.assets.map((a) => [a.url, a.assetId])).toEqual([
      ['https://a/2.mp4', 'v1'],
      ['https://a/1.png', 'i1'],
    ]);
  });

  it('is undefined when a submitted file has neither an asset id nor a refusal, or the code is an error', () => {
    expect(
      parseAuditAnswer({ code: '0', data: { items: [{ assetId: 'x', originalUrl: 'https://a/1.png' }] } }, submitted),
    ).toBe(undefined);
    expect(parseAuditAnswer({ code: '500', msg: 'no' }, submitted)).toBe(undefined);
    expect(parseAuditAnswer('garbage', submitted)).toBe(undefined);
  });

  it('status answers: items, a bare array, one object; unknown words are still processing', () => {
    expect(parseStatusAnswer({ code: '0', data: { items: [{ assetId: 'a', status: 'Active' }] } })).toEqual([
      { assetId: 'a', state: 'active', rawStatus: 'Active' },
    ]);
    expect(parseStatusAnswer({ code: 20000, data: [{ asset_id: 'b', status: 'Failed', reason: 'nope' }] })).toEqual([
      { assetId: 'b', state: 'failed', rawStatus: 'Failed', reason: 'nope' },
    ]);
    expect(parseStatusAnswer({ data: { asset_id: 'c', status: 'Queued' } })?.[0]?.state).toBe('processing');
    expect(parseStatusAnswer({ code: '0', data: { items: [] } })).toBe(undefined);
    expect(assetState(' ACTIVE ')).toBe('active');
  });
});
