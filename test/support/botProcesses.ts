/** Real bot processes (test/support/botProcess.ts) against a harness's fakes and store, for multi-process tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Harness } from '../harness.js';

const BOT = fileURLToPath(new URL('./botProcess.ts', import.meta.url));

export interface BotProcess {
  proc: ChildProcess;
  /** Resolves with the signal that ended it. */
  exited: Promise<string | null>;
}

/** Starts a bot process with the harness's environment (plus `env`); resolves once it is ready. */
export async function startBotProcess(harness: Harness, env: Record<string, string> = {}): Promise<BotProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', BOT], {
    env: { ...process.env, ...harness.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<string | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('ready')) resolve();
    });
    void exited.then((signal) => reject(new Error(`bot process exited early (${signal})`)));
  });
  return { proc, exited };
}

/** Starts a bot process that kills itself (SIGKILL) at the checkpoint `crashAt`; resolves once it is ready. */
export async function startCrashingBot(harness: Harness, crashAt: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', BOT], {
    env: { ...process.env, ...harness.env, CRASH_AT: crashAt },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('ready')) resolve();
    });
    proc.once('exit', (code, signal) => reject(new Error(`bot process exited early (${code ?? signal})`)));
  });
  return proc;
}

/** The signal that ended `proc` (null for a normal exit), once it has ended. */
export const killed = (proc: ChildProcess) =>
  new Promise<string | null>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.signalCode);
    else proc.once('exit', (_code, signal) => resolve(signal));
  });
