import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createJobDirs,
  currentOwner,
  type DirFacts,
  isLeftover,
  type Judge,
  type Owner,
} from '../../src/services/media/jobDirs.js';

const MIN = 60_000;
const me: Owner = { host: 'box', pidNs: 'pid:[100]', pid: 1, nonce: 'me' };
const judge = (over: Partial<Judge> = {}): Judge => ({
  me,
  now: 1_000 * MIN,
  staleAfterMs: 6 * MIN,
  mine: () => false,
  isAlive: () => true,
  ...over,
});
const fresh = (owner?: Owner): DirFacts => ({ owner, lockMtimeMs: 999 * MIN, dirMtimeMs: 990 * MIN });
const stale = (owner?: Owner): DirFacts => ({ owner, lockMtimeMs: 993 * MIN, dirMtimeMs: 990 * MIN });

describe('which job directories are leftovers (issue 20, defect 5): by lock and age, never by PID alone', () => {
  it('a predecessor with the same PID in the same namespace (Docker: PID 1 again) is gone at once', () => {
    expect(isLeftover('job-a', fresh({ ...me, nonce: 'previous' }), judge())).toBe(true);
  });

  it('another PID of the same namespace: gone when it no longer runs; when it runs (or was reused), by age', () => {
    const other = { ...me, pid: 42, nonce: 'x' };
    expect(isLeftover('job-a', fresh(other), judge({ isAlive: () => false }))).toBe(true);
    expect(isLeftover('job-a', fresh(other), judge())).toBe(false);
    expect(isLeftover('job-a', stale(other), judge())).toBe(true);
  });

  it('another namespace (another container on the volume, also PID 1): only an untouched lock is stale', () => {
    const container = { ...me, pidNs: 'pid:[200]', nonce: 'y' };
    expect(isLeftover('job-a', fresh(container), judge({ isAlive: () => false }))).toBe(false);
    expect(isLeftover('job-a', stale(container), judge())).toBe(true);
    const otherHost = { ...me, host: 'other', nonce: 'z' };
    expect(isLeftover('job-a', fresh(otherHost), judge())).toBe(false);
    // Without a known namespace nothing is concluded from PIDs.
    const unknownNs = { ...me, pidNs: undefined };
    expect(isLeftover('job-a', fresh({ ...unknownNs, nonce: 'w' }), judge({ me: unknownNs }))).toBe(false);
  });

  it("this process's own directories: kept while their job runs", () => {
    expect(isLeftover('job-a', stale(me), judge({ mine: (n) => n === 'job-a' }))).toBe(false);
    expect(isLeftover('job-b', fresh(me), judge({ mine: (n) => n === 'job-a' }))).toBe(true);
  });

  it('no readable lock (an older version, or a lock not yet written): by the directory age', () => {
    expect(isLeftover('job-1-x', { dirMtimeMs: 999 * MIN }, judge())).toBe(false);
    expect(isLeftover('job-1-x', { dirMtimeMs: 993 * MIN }, judge())).toBe(true);
  });
});

/** Starts a job that never ends (its process is "killed" mid-job); resolves once its directory and lock exist. */
const leaveBehind = (dirs: ReturnType<typeof createJobDirs>) =>
  new Promise<void>((started) => {
    void dirs.withJobDir(() => {
      started();
      return new Promise(() => {});
    });
  });

describe('job directories shared by two processes on one volume', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("neither deletes the other's running job; a dead owner's directory goes once its heartbeat is stale", async () => {
    root = mkdtempSync(join(tmpdir(), 'jobdirs-'));
    let clock = Date.now();
    const now = () => clock;
    const staleAfterMs = 6 * MIN;
    // Two containers: both PID 1, each in its own PID namespace.
    const a = createJobDirs({ root, staleAfterMs, now, owner: { host: 'h', pidNs: 'pid:[1]', pid: 1, nonce: 'a' } });
    const b = createJobDirs({ root, staleAfterMs, now, owner: { host: 'h', pidNs: 'pid:[2]', pid: 1, nonce: 'b' } });
    let finish!: () => void;
    let seen = '';
    let job!: Promise<void>;
    await new Promise<void>((started) => {
      job = a.withJobDir(async (dir) => {
        seen = dir;
        started();
        await new Promise<void>((r) => {
          finish = r;
        });
      });
    });
    for (let i = 0; i < 4; i += 1) {
      clock += 5 * MIN; // 20 minutes in all: far past the job time limit, but A's job still beats
      await a.heartbeat();
      expect(await b.sweep()).toBe(0);
    }
    expect(existsSync(seen)).toBe(true);
    finish();
    await job;
    expect(existsSync(seen)).toBe(false);

    // A is killed mid-job: its directory stays, untouched from now on.
    const killed = createJobDirs({
      root,
      staleAfterMs,
      now,
      owner: { host: 'h', pidNs: 'pid:[1]', pid: 1, nonce: 'a2' },
    });
    await leaveBehind(killed);
    killed.stop();
    expect(readdirSync(root)).toHaveLength(1);
    clock += 5 * MIN;
    expect(await b.sweep()).toBe(0);
    clock += 2 * MIN;
    expect(await b.sweep()).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it('a restarted process in the same PID namespace removes its predecessor’s directory at once', async () => {
    root = mkdtempSync(join(tmpdir(), 'jobdirs-'));
    const previous = createJobDirs({ root, staleAfterMs: 6 * MIN, owner: { ...currentOwner(), nonce: 'previous' } });
    await leaveBehind(previous);
    previous.stop();
    expect(readdirSync(root)).toHaveLength(1);
    expect(await createJobDirs({ root, staleAfterMs: 6 * MIN }).sweep()).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });
});
