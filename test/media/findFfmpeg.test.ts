/**
 * Which ffmpeg the bot runs (issue 25 §6): FFMPEG_PATH, else the system's when it is 5.0 or newer, else the bundled
 * one, else an older system one; each only if it works. System binaries are fakes here: shell scripts in a temp
 * folder that print a version, found through the PATH the test gives.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { chooseFfmpeg, ffmpegCandidates, findOnPath, parseFfmpegVersion } from '../../src/services/media/findFfmpeg.js';
import { createMediaService } from '../../src/services/media/mediaService.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'find-ffmpeg-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fake `ffmpeg` in `folder` (under the temp dir) printing `output` for -version and exiting with `code`. */
function fakeFfmpeg(folder: string, output: string, options: { code?: number; executable?: boolean } = {}): string {
  const where = join(dir, folder);
  mkdirSync(where, { recursive: true });
  const file = join(where, 'ffmpeg');
  writeFileSync(file, `#!/bin/sh\ncat <<'EOF'\n${output}\nEOF\nexit ${options.code ?? 0}\n`);
  chmodSync(file, options.executable === false ? 0o644 : 0o755);
  return file;
}

const DEBIAN_12 = [
  'ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers',
  'built with gcc 12 (Debian 12.2.0-14)',
  'libavcodec     59. 37.100 / 59. 37.100',
].join('\n');
const UBUNTU_22 = 'ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2000-2021 the FFmpeg developers';
const BUNDLED = '/opt/bundled/ffmpeg';
const bundled = () => BUNDLED;

describe('reading the release from ffmpeg -version', () => {
  it.each([
    ['Debian 12', DEBIAN_12, { major: 5, minor: 1 }],
    ['Ubuntu 22.04', UBUNTU_22, { major: 4, minor: 4 }],
    ['a tagged build (n7.1)', 'ffmpeg version n7.1 Copyright (c) 2000-2024', { major: 7, minor: 1 }],
    ['Debian 13', 'ffmpeg version 7.1.1-1+b1 Copyright (c) 2000-2025', { major: 7, minor: 1 }],
    [
      'a git build, by its libavcodec (61 → 7.x)',
      'ffmpeg version N-113000-g1234abcd Copyright (c) 2000-2024\nlibavutil      59.  8.100\nlibavcodec     61.  3.100',
      { major: 7, minor: 0 },
    ],
    [
      'the 2018 static build the npm package bundles (libavcodec 58 → 4.x)',
      'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/\nlibavcodec     58. 35.100',
      { major: 4, minor: 0 },
    ],
    ['something else', 'this is not ffmpeg', undefined],
    ['a dated git build without library lines', 'ffmpeg version 2023-01-30-git-2d202985b7-full_build', undefined],
  ])('%s', (_name, output, release) => {
    expect(parseFfmpegVersion(output)).toEqual(release);
  });
});

describe('the order: FFMPEG_PATH, a system ffmpeg ≥ 5.0, the bundled one, an older system one', () => {
  it('a recent system ffmpeg comes before the bundled one', async () => {
    const system = fakeFfmpeg('usr-bin', DEBIAN_12);
    const found = await ffmpegCandidates({ pathEnv: join(dir, 'usr-bin'), bundled });
    expect(found.candidates).toEqual([
      { path: system, source: 'system', release: { major: 5, minor: 1 } },
      { path: BUNDLED, source: 'bundled' },
    ]);
    expect(found.systemNote).toBeUndefined();
  });

  it('FFMPEG_PATH wins over everything, and is the only candidate', async () => {
    fakeFfmpeg('usr-bin', DEBIAN_12);
    const found = await ffmpegCandidates({ setting: '/my/ffmpeg', pathEnv: join(dir, 'usr-bin'), bundled });
    expect(found.candidates).toEqual([{ path: '/my/ffmpeg', source: 'setting' }]);
  });

  it('a system ffmpeg older than 5.0 comes after the bundled one, and the log says why', async () => {
    const system = fakeFfmpeg('usr-bin', UBUNTU_22);
    const found = await ffmpegCandidates({ pathEnv: join(dir, 'usr-bin'), bundled });
    expect(found.candidates.map((c) => c.source)).toEqual(['bundled', 'system']);
    expect(found.candidates[1]).toMatchObject({ path: system, release: { major: 4, minor: 4 } });
    expect(found.systemNote).toBe(`${system} is ffmpeg 4.4, older than 5.0`);
  });

  it('a system ffmpeg whose version cannot be read is not preferred; one that fails -version is not used', async () => {
    fakeFfmpeg('odd', 'hello');
    expect((await ffmpegCandidates({ pathEnv: join(dir, 'odd'), bundled })).candidates.map((c) => c.source)).toEqual([
      'bundled',
      'system',
    ]);
    fakeFfmpeg('broken', DEBIAN_12, { code: 1 });
    const broken = await ffmpegCandidates({ pathEnv: join(dir, 'broken'), bundled });
    expect(broken.candidates.map((c) => c.source)).toEqual(['bundled']);
    expect(broken.systemNote).toMatch(/-version did not answer/);
  });

  it('no system ffmpeg: the bundled one; neither: nothing', async () => {
    expect((await ffmpegCandidates({ pathEnv: join(dir, 'empty'), bundled })).candidates).toEqual([
      { path: BUNDLED, source: 'bundled' },
    ]);
    expect((await ffmpegCandidates({ pathEnv: join(dir, 'empty'), bundled: () => undefined })).candidates).toEqual([]);
  });

  it('PATH is searched in order, skipping a file that is not executable', async () => {
    fakeFfmpeg('first', DEBIAN_12, { executable: false });
    const second = fakeFfmpeg('second', DEBIAN_12);
    fakeFfmpeg('third', DEBIAN_12);
    const pathEnv = ['first', 'second', 'third'].map((d) => join(dir, d)).join(delimiter);
    expect(findOnPath('ffmpeg', pathEnv)).toBe(second);
  });
});

describe('each candidate is used only if it works', () => {
  it('a system ffmpeg that fails the test encode (e.g. built without libx264) gives way to the bundled one', async () => {
    const system = fakeFfmpeg('usr-bin', DEBIAN_12);
    const { candidates } = await ffmpegCandidates({ pathEnv: join(dir, 'usr-bin'), bundled });
    const { chosen, refused } = await chooseFfmpeg(candidates, async (path) =>
      path === system ? { ok: false, reason: 'Unknown encoder libx264' } : { ok: true, version: 'ffmpeg version N-1' },
    );
    expect(chosen).toMatchObject({ path: BUNDLED, source: 'bundled', version: 'ffmpeg version N-1' });
    expect(refused).toEqual([
      expect.objectContaining({ path: system, source: 'system', reason: expect.stringMatching(/libx264/) }),
    ]);
  });

  it('the media service logs at start which ffmpeg it uses: path, source and version', async () => {
    const system = fakeFfmpeg('usr-bin', DEBIAN_12);
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const media = createMediaService(
      {
        concurrency: 1,
        timeoutMs: 10_000,
        maxSourceBytes: 1e6,
        tempRoot: join(dir, 'media'),
        pathEnv: join(dir, 'usr-bin'),
        bundledFfmpeg: bundled,
        // The fakes cannot encode: the check reports their version line as the real one would.
        checkFfmpeg: async () => ({ ok: true, version: DEBIAN_12.split('\n')[0]! }),
      },
      logger,
    );
    await media.start();
    media.stop();
    expect(media.ffmpeg).toEqual({
      path: system,
      source: 'system',
      version: expect.stringMatching(/^ffmpeg version 5\.1\.6/),
    });
    const ready = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg?.toString().startsWith('ffmpeg ready'));
    expect(ready).toMatchObject({ ffmpeg: system, source: 'system', version: expect.stringContaining('5.1.6') });
  });
});
