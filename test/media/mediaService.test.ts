import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { createMediaService } from '../../src/services/media/mediaService.js';

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
let root: string;
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  lines.length = 0;
});

describe('the media service', () => {
  it('at start removes the job directories of processes that no longer run, and keeps live ones', async () => {
    root = mkdtempSync(join(tmpdir(), 'media-root-'));
    // A pid that existed and has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    mkdirSync(join(root, `job-${dead}-abc`, 'nested'), { recursive: true });
    mkdirSync(join(root, `job-${process.pid}-def`));
    const media = createMediaService(
      { concurrency: 1, timeoutMs: 10_000, maxSourceBytes: 1e6, tempRoot: root },
      logger,
    );
    await media.start();
    expect(readdirSync(root)).toEqual([`job-${process.pid}-def`]);
    expect(lines.some((l) => l.includes('removed temporary media files left by a stopped process'))).toBe(true);
    expect(media.canEncode).toBe(true);
  });

  it('FFMPEG_PATH=none turns encoding off, saying so once, and a link is prepared for an over-limit video', async () => {
    root = mkdtempSync(join(tmpdir(), 'media-root-'));
    const media = createMediaService(
      { ffmpegPath: 'none', concurrency: 1, timeoutMs: 10_000, maxSourceBytes: 1e6, tempRoot: root },
      logger,
    );
    await media.start();
    await media.start();
    expect(media.canEncode).toBe(false);
    expect(lines.filter((l) => l.includes('video encoding is off')).length).toBe(1);
    expect(await media.lastFrame('https://example.com/v.mp4')).toEqual({ kind: 'unavailable', why: 'no_encoder' });
    expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
  });
});
