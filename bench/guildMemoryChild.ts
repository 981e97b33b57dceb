/**
 * Child process of the guild-memory benchmark: the bot's Discord client alone, logging into the fake. Prints
 * its memory right after READY and once settled (after V8's memory reducer has given back the pages the
 * GUILD_CREATE burst used: heapTotal stops shrinking, at most 15 s).
 */
import { createDiscordClient } from '../src/discord/createDiscordClient.js';
import { gatewayFacts } from '../src/discord/gatewayFacts.js';

const [restUrl, token] = process.argv.slice(2);
const gc = () => globalThis.gc?.();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const client = createDiscordClient({ restUrl });
const ready = new Promise<void>((r) => client.once('clientReady', () => r()));
await client.login(token);
await ready;
gc();
await sleep(200);
gc();
const atReady = process.memoryUsage();
let settled = process.memoryUsage();
for (let waited = 0; waited < 15_000; waited += 1000) {
  await sleep(1000);
  gc();
  const now = process.memoryUsage();
  const shrinking = now.heapTotal < settled.heapTotal - 256 * 1024;
  settled = now;
  if (!shrinking && waited >= 6000) break;
}
process.stdout.write(
  `${JSON.stringify({
    rssAtReady: atReady.rss,
    rss: settled.rss,
    heapUsed: settled.heapUsed,
    guilds: gatewayFacts(client)!.guildIds.size,
    cachedGuilds: client.guilds.cache.size,
  })}\n`,
);
await client.destroy();
// A large last line on a pipe may still be in flight: exit once stdout has taken all of it.
process.stdout.write('', () => process.exit(0));
