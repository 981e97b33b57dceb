import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run cli -- validate` as an operator runs it: a real process (validation needs no key and no network).
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

function cli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const manxue = (images: string[]) =>
  JSON.stringify({ model: 'sd2_mx_720p', prompt: 'a fox in snow', duration: 5, images });

describe('npm run cli -- validate on the Manxue models', () => {
  it('https media: not printed as a valid body; says the media review comes first (the bot does it), exit 1', async () => {
    const run = await cli(['validate', manxue(['https://example.com/a.png'])]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(''); // no body on stdout, where a valid one goes
    expect(run.stderr).toContain('media review');
    expect(run.stderr).toContain('The bot sends such files to the media review itself');
    expect(run.stderr).toContain('npm run cli -- audit https://example.com/a.png');
  }, 20_000);

  it('--json: valid false, the files that need the review, no body', async () => {
    const run = await cli(['validate', manxue(['https://example.com/a.png']), '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      valid: false,
      mediaReview: [{ field: 'images', index: 0, url: 'https://example.com/a.png' }],
    });
    expect(out.body).toBeUndefined();
  }, 20_000);

  it('asset:// ids are the body the vendor takes: printed, exit 0 (as submit would send it)', async () => {
    const run = await cli(['validate', manxue(['asset://ast_0123456789ab']), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, body: { images: ['asset://ast_0123456789ab'] } });
  }, 20_000);

  it('other models take https media: the body is printed, exit 0', async () => {
    const run = await cli([
      'validate',
      JSON.stringify({
        model: 'seedance2.0-mini-sp',
        prompt: 'a fox',
        duration: 5,
        images: ['https://example.com/a.png'],
      }),
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ images: ['https://example.com/a.png'] });
  }, 20_000);
});
