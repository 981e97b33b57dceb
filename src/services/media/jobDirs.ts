/**
 * Per-job temporary directories that any process sharing the root can judge: each holds a lock file naming
 * its owner (host, PID namespace, PID and a nonce drawn at process start) whose mtime the owner touches while
 * the job runs. A directory is a leftover when no live job owns it: its owner is provably gone (same host and
 * PID namespace, and the PID is this very process with another nonce, or no longer runs), or its lock has not
 * been touched for longer than the job time limit plus a margin. Never judged by the PID alone: in Docker every
 * bot is PID 1, and two containers sharing one volume each have their own PID 1.
 */
import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const JOB_PREFIX = 'job-';
/** The lock file inside each job directory (ffmpeg's files never start with a dot). */
export const LOCK_FILE = '.owner.json';

export interface Owner {
  host: string;
  /** The PID namespace (`pid:[inode]` on Linux), or undefined when it cannot be known. */
  pidNs?: string;
  pid: number;
  /** Drawn once per process: a later process with the same PID has another one. */
  nonce: string;
}

/** What a sweep knows of one directory. */
export interface DirFacts {
  /** The lock's owner, when the lock file could be read. */
  owner?: Owner;
  /** The lock's mtime (the last heartbeat), when it exists. */
  lockMtimeMs?: number;
  dirMtimeMs: number;
}

export interface Judge {
  me: Owner;
  now: number;
  staleAfterMs: number;
  /** This process's jobs still running (by directory name). */
  mine: (name: string) => boolean;
  isAlive: (pid: number) => boolean;
}

/** Whether a job directory may be removed: pure, so every case is testable with a fake clock. */
export function isLeftover(name: string, facts: DirFacts, j: Judge): boolean {
  const { owner } = facts;
  if (owner?.nonce === j.me.nonce) return !j.mine(name);
  if (owner && owner.host === j.me.host && owner.pidNs !== undefined && owner.pidNs === j.me.pidNs) {
    // The same PID namespace: one PID is one process at a time, so this PID with another nonce is a
    // predecessor (Docker restarts: PID 1 again), and a PID that no longer runs is gone.
    if (owner.pid === j.me.pid || !j.isAlive(owner.pid)) return true;
  }
  // Another namespace (another container, another machine on a shared volume), a reused PID, or no readable
  // lock (a directory made before its lock was written, or by an older version): by the last heartbeat.
  const touched = Math.max(facts.lockMtimeMs ?? 0, facts.dirMtimeMs);
  return j.now - touched > j.staleAfterMs;
}

export function currentOwner(): Omit<Owner, 'nonce'> {
  let pidNs: string | undefined;
  try {
    pidNs = readlinkSync('/proc/self/ns/pid');
  } catch {
    // No /proc: outside Linux there are no PID namespaces, so the host is the namespace.
    pidNs = process.platform === 'linux' ? undefined : 'host';
  }
  return { host: hostname(), pidNs, pid: process.pid };
}

export interface JobDirsOptions {
  root: string;
  /** How long an untouched lock is trusted: the job time limit plus a margin. */
  staleAfterMs: number;
  /** How often running jobs touch their locks (default: a quarter of staleAfterMs, at most 30 s). */
  heartbeatMs?: number;
  now?: () => number;
  /** Tests only: pose as another process. */
  owner?: Owner;
}

export function createJobDirs(options: JobDirsOptions) {
  const { root, staleAfterMs } = options;
  const now = options.now ?? Date.now;
  const me: Owner = options.owner ?? { ...currentOwner(), nonce: randomUUID() };
  const heartbeatMs = options.heartbeatMs ?? Math.min(30_000, Math.max(1000, staleAfterMs / 4));
  const running = new Set<string>();
  let beat: NodeJS.Timeout | undefined;

  const touch = (name: string) => {
    const at = now() / 1000;
    return utimes(join(root, name, LOCK_FILE), at, at).catch(() => {});
  };

  async function read(name: string): Promise<DirFacts | undefined> {
    const dir = await stat(join(root, name)).catch(() => undefined);
    if (!dir?.isDirectory()) return undefined;
    const lock = await stat(join(root, name, LOCK_FILE)).catch(() => undefined);
    let owner: Owner | undefined;
    try {
      const o = JSON.parse(await readFile(join(root, name, LOCK_FILE), 'utf8')) as Partial<Owner>;
      if (typeof o.host === 'string' && typeof o.pid === 'number' && typeof o.nonce === 'string')
        owner = { host: o.host, pidNs: typeof o.pidNs === 'string' ? o.pidNs : undefined, pid: o.pid, nonce: o.nonce };
    } catch {
      owner = undefined;
    }
    return { owner, lockMtimeMs: lock?.mtimeMs, dirMtimeMs: dir.mtimeMs };
  }

  const heartbeat = async (): Promise<void> => {
    await Promise.all([...running].map(touch));
  };

  return {
    me,
    /** Touches the lock of every running job (the timer does this; tests call it with a fake clock). */
    heartbeat,

    /** Runs `work` in a fresh directory owned by this process, removed when it ends. */
    async withJobDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
      await mkdir(root, { recursive: true });
      const dir = await mkdtemp(join(root, JOB_PREFIX));
      const name = dir.slice(root.length + 1);
      running.add(name);
      if (!beat) {
        beat = setInterval(() => void heartbeat(), heartbeatMs);
        beat.unref();
      }
      try {
        await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...me, startedAt: new Date(now()).toISOString() }));
        await touch(name);
        return await work(dir);
      } finally {
        running.delete(name);
        if (!running.size && beat) {
          clearInterval(beat);
          beat = undefined;
        }
        await rm(dir, { recursive: true, force: true });
      }
    },

    /** Removes every job directory no live job owns; resolves with how many. */
    async sweep(): Promise<number> {
      const names = await readdir(root).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        if (!name.startsWith(JOB_PREFIX)) continue;
        const facts = await read(name);
        if (!facts) continue;
        const judge: Judge = { me, now: now(), staleAfterMs, mine: (n) => running.has(n), isAlive };
        if (!isLeftover(name, facts, judge)) continue;
        await rm(join(root, name), { recursive: true, force: true });
        removed += 1;
      }
      return removed;
    },

    stop(): void {
      if (beat) clearInterval(beat);
      beat = undefined;
    },
  };
}

export type JobDirs = ReturnType<typeof createJobDirs>;

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
