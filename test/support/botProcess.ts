/**
 * The bot as a process of its own, for tests that kill it: configured from the environment like
 * src/main.ts, plus CRASH_AT=<checkpoint>, which kills the process (SIGKILL, nothing flushed or closed)
 * the moment the task lifecycle (or the gallery's posting) reaches that checkpoint. Prints `ready` when the gateway is READY.
 */
import { createApp } from '../../src/app.js';
import { configOrExit } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/logging/logger.js';

const config = configOrExit({ discord: true, seedance: true });
const logger = createLogger({
  level: process.env.CHILD_LOG_LEVEL ?? 'silent',
  secrets: [config.discord.token, config.seedance.apiKey],
});
const crashAt = process.env.CRASH_AT;

const crash = (name: string) => {
  if (name !== crashAt) return;
  process.stdout.write(`crashing at ${name}\n`);
  process.kill(process.pid, 'SIGKILL');
};
const app = await createApp(config, logger, {
  checkpoint: crash,
  // The gallery's own point: after Discord took the post, before it was recorded.
  galleryCheckpoint: crash,
});
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
await app.start();
process.stdout.write('ready\n');
