import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { auditInputOf } from '../../src/cli/audit.js';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';

// `npm run cli -- audit <url>...` as an operator runs it: a real process, the configured key, the fake Seedance.
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
let fake: FakeSeedance | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli -- audit', () => {
  it('submits, polls until Active and prints every raw answer (exit 0)', async () => {
    fake = await startFakeSeedance({ apiKey: 'sk_cli', assetReviewMs: 300 });
    const url = 'https://example.com/cat.png';
    const run = await cli(['audit', url, 'video:https://example.com/clip', '--every', '0.2'], {
      SEEDANCE_API_KEY: 'sk_cli',
      SEEDANCE_BASE_URL: fake.url,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.audits()).toEqual([{ imageUrls: [url], videoUrls: ['https://example.com/clip'] }]);
    expect(run.stdout).toContain('POST /api/open-api/v1/seedance/assets/audit');
    expect(run.stdout).toContain('"originalUrl": "https://example.com/cat.png"'); // the raw answer
    expect(run.stdout).toContain('"status": "Processing"');
    expect(run.stdout.match(/^Active: asset:\/\/ast_/gm)).toHaveLength(2);
    expect(run.stdout).not.toContain('sk_cli');
  });

  it('a refused or failed file exits 1 and says why', async () => {
    fake = await startFakeSeedance({ apiKey: 'sk_cli', assetReviewMs: 100 });
    const run = await cli(
      ['audit', 'https://example.com/review-refuse.png', 'https://example.com/review-fail.png', '--every', '0.2'],
      { SEEDANCE_API_KEY: 'sk_cli', SEEDANCE_BASE_URL: fake.url },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Refused: https:\/\/example\.com\/review-refuse\.png: .*unsupported encoding/);
    expect(run.stdout).toMatch(/Failed: asset:\/\/ast_\w+ \(.*real person\)/);
  });

  it('submit of a Manxue request with https media points to audit and sends nothing', async () => {
    fake = await startFakeSeedance({ apiKey: 'sk_cli' });
    const body = JSON.stringify({
      model: 'sd2_mx_720p',
      prompt: 'p',
      duration: 5,
      images: ['https://example.com/a.png'],
    });
    const run = await cli(['submit', body], { SEEDANCE_API_KEY: 'sk_cli', SEEDANCE_BASE_URL: fake.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run cli -- audit https://example.com/a.png');
    expect(fake.requests).toHaveLength(0);
  });

  it('without a URL: usage, exit 2', async () => {
    const run = await cli(['audit'], { SEEDANCE_API_KEY: 'sk_cli' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('audit needs at least one URL');
  });

  it('the kind comes from a prefix or the extension', () => {
    expect(auditInputOf('https://a/b.MP4?x=1')).toEqual({ url: 'https://a/b.MP4?x=1', kind: 'video' });
    expect(auditInputOf('https://a/b.m4a')).toMatchObject({ kind: 'audio' });
    expect(auditInputOf('audio:https://a/b')).toEqual({ url: 'https://a/b', kind: 'audio' });
    expect(auditInputOf('https://a/b.webp')).toMatchObject({ kind: 'image' });
  });
});
