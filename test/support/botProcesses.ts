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
