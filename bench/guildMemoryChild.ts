/** Child process of the guild-memory benchmark: the bot's Discord client alone, logging into the fake. */
import { createDiscordClient } from '../src/discord/createDiscordClient.js';

const [restUrl, token] = process.argv.slice(2);
globalThis.gc?.();
const before = process.memoryUsage().rss;
const client = createDiscordClient({ restUrl });
const ready = new Promise<void>((r) => client.once('clientReady', () => r()));
await client.login(token);
await ready;
globalThis.gc?.();
await new Promise((r) => setTimeout(r, 200));
globalThis.gc?.();
const after = process.memoryUsage().rss;
process.stdout.write(
  `${JSON.stringify({ before, after, guilds: client.guilds.cache.size, channels: client.channels.cache.size })}\n`,
);
await client.destroy();
// A large last line on a pipe may still be in flight: exit once stdout has taken all of it.
process.stdout.write('', () => process.exit(0));
