/**
 * The Node flags `npm start` runs the bot with (package.json's start script; the Dockerfile's CMD carries the
 * same, test/docs/nodeFlags.test.ts checks it): every bench child that stands for the bot runs with them, so its
 * CPU and RSS are the bot's as started.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The flags between `node` and `dist/main.js` in `start` of the package.json at `packageJson`. */
export function startFlags(packageJson: string): string[] {
  const start = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/main\.js/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script does not run "node … dist/main.js": ${start}`);
  return flags.split(' ').filter(Boolean);
}

/** `npm run bench` runs from dist-bench/bench/, two levels below the package. */
export const botNodeArgs = (): string[] => startFlags(fileURLToPath(new URL('../../package.json', import.meta.url)));
