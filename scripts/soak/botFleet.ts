/**
 * The soak's bot processes: real bots (test/support/botProcess.ts) in slots, each with its own log file and
 * metrics port; started, killed (SIGKILL or SIGTERM) and restarted on command, with every unexpected exit and
 * every process's peak memory recorded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BOT = fileURLToPath(new URL('../../test/support/botProcess.ts', import.meta.url));

export interface BotRun {
  slot: number;
  pid: number;
  startedAt: number;
  /** When it was ready (the gateway READY), if it got there. */
  readyAt?: number;
  endedAt?: number;
  /** What ended it: our signal, or an exit of its own (a crash, unless it was asked to stop). */
  endedBy?: 'SIGKILL' | 'SIGTERM' | 'exit';
  exitCode?: number | null;
  exitSignal?: string | null;
  peakRssMb: number;
  logFile: string;
  port: number;
}

export interface FleetOptions {
  dir: string;
  env: Record<string, string>;
  basePort: number;
  logLevel: string;
}

export function createFleet(options: FleetOptions) {
  const runs: BotRun[] = [];
  const live = new Map<number, { run: BotRun; proc: ChildProcess; log: WriteStream; exited: Promise<void> }>();
  let generation = 0;

  function start(slot: number): Promise<BotRun> {
    generation += 1;
    const logFile = join(options.dir, `bot-${slot}-${generation}.log`);
    const log = createWriteStream(logFile);
    const port = options.basePort + slot;
    const proc = spawn(process.execPath, ['--import', 'tsx', BOT], {
      env: { ...process.env, ...options.env, HTTP_PORT: String(port), CHILD_LOG_LEVEL: options.logLevel },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: BotRun = { slot, pid: proc.pid ?? -1, startedAt: Date.now(), peakRssMb: 0, logFile, port };
    runs.push(run);
    let resolveReady!: (r: BotRun) => void;
    const ready = new Promise<BotRun>((r) => {
      resolveReady = r;
    });
    let tail = '';
    proc.stdout!.on('data', (d: Buffer) => {
      log.write(d);
      if (run.readyAt) return;
      const seen = tail + d.toString('utf8');
      tail = seen.slice(-8);
      if (/(^|\n)ready\n/.test(seen)) {
        run.readyAt = Date.now();
        resolveReady(run);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => log.write(d));
    const exited = new Promise<void>((resolve) =>
      proc.once('exit', (code, signal) => {
        run.endedAt = Date.now();
        run.endedBy ??= 'exit';
        run.exitCode = code;
        run.exitSignal = signal;
        live.delete(slot);
        log.end();
        resolveReady(run);
        resolve();
      }),
    );
    live.set(slot, { run, proc, log, exited });
    return ready;
  }

  async function stop(slot: number, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const p = live.get(slot);
    if (!p) return;
    p.run.endedBy = signal;
    p.proc.kill(signal);
    // A graceful stop is bounded: past 30 s it is killed (and recorded as such).
    const timer =
      signal === 'SIGTERM'
        ? setTimeout(() => {
            p.run.endedBy = 'SIGKILL';
            p.proc.kill('SIGKILL');
          }, 30_000)
        : undefined;
    await p.exited;
    clearTimeout(timer);
  }

  /** Reads VmRSS of every live process and keeps each run's peak. */
  function sampleMemory(): void {
    for (const { run } of live.values()) {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${run.pid}/status`, 'utf8'));
        if (m) run.peakRssMb = Math.max(run.peakRssMb, Number(m[1]) / 1024);
      } catch {
        // gone between the listing and the read
      }
    }
  }

  return {
    runs,
    start,
    stop,
    sampleMemory,
    isLive: (slot: number) => live.has(slot),
    liveRuns: () => [...live.values()].map((p) => p.run),
    async stopAll(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
      await Promise.all([...live.keys()].map((slot) => stop(slot, signal)));
    },
  };
}

export type Fleet = ReturnType<typeof createFleet>;
