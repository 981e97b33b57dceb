import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { currentOwner, LOCK_FILE } from '../../src/services/media/jobDirs.js';
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
  it('at start removes what no live job owns, judged by lock and age, never by PID alone (issue 20, defect 5)', async () => {
    root = mkdtempSync(join(tmpdir(), 'media-root-'));
    const me = currentOwner();
    const hourAgo = new Date(Date.now() - 3_600_000);
    const leave = (name: string, owner?: object, at?: Date) => {
      mkdirSync(join(root, name, 'nested'), { recursive: true });
      if (owner) writeFileSync(join(root, name, LOCK_FILE), JSON.stringify(owner));
      if (at) {
        if (owner) utimesSync(join(root, name, LOCK_FILE), at, at);
        utimesSync(join(root, name), at, at);
      }
    };
    // The previous bot in this container: the same PID (Docker: PID 1), killed mid-encode a moment ago.
    leave(`job-${process.pid}-prev`, { ...me, nonce: 'previous-process' });
    // A live job of another container sharing the volume: its own PID namespace (also PID 1), lock fresh.
    leave('job-other', { ...me, pidNs: 'pid:[4026999999]', pid: process.pid, nonce: 'other-container' });
    // Another container's job whose heartbeat stopped an hour ago (past ENCODE_TIMEOUT_SEC plus the margin).
    leave('job-gone', { ...me, pidNs: 'pid:[4026999999]', pid: 1, nonce: 'gone-container' }, hourAgo);
    // An older version's directories (no lock): by age.
    leave(`job-${process.pid}-old`, undefined, hourAgo);
    leave('job-1-new');
    const media = createMediaService(
      { concurrency: 1, timeoutMs: 10_000, maxSourceBytes: 1e6, tempRoot: root },
      logger,
    );
    await media.start();
    media.stop();
    expect(readdirSync(root).sort()).toEqual(['job-1-new', 'job-other']);
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
