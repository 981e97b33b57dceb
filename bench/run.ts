/**
 * `npm run bench`: every benchmark, one JSON line per figure ({name, value, unit, target}). It runs as compiled
 * JavaScript from dist-bench/ (built by the same command), as `npm start` runs the bot.
 */
import { benchAckLatency } from './ackLatency.js';
import { benchCluster } from './cluster.js';
import { benchEncode } from './encode.js';
import { benchGallery } from './gallery.js';
import { benchGuildMemory } from './guildMemory.js';
import { benchMetrics } from './metrics.js';
import { benchCompletionToEdit, benchPoller, benchPollerLearned } from './poller.js';
import { benchQueue } from './queue.js';
import { benchReservations } from './reservations.js';
import { benchReview } from './review.js';
import { benchScale100k } from './scale100k.js';
import { benchStartup } from './startup.js';
import { benchStorage } from './storage.js';
import { benchWeb } from './web.js';
import { benchWebConsole } from './webConsole.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  ack: () => benchAckLatency(),
  guilds: () => benchGuildMemory(),
  poller100: () => benchPoller(100, 20, 20_000),
  // Fixed curve vs learned schedule, render times from a stated spread (see benchPollerLearned).
  poller10k: () => benchPollerLearned(10_000, 500),
  edits: () => benchCompletionToEdit(),
  reservations: () => benchReservations(),
  storage: () => benchStorage(),
  startup: () => benchStartup(),
  startup100k: () => benchStartup(100_000),
  queue: () => benchQueue(),
  cluster: () => benchCluster(),
  encode: () => benchEncode(),
  metrics: () => benchMetrics(),
  review: () => benchReview(),
  gallery: () => benchGallery(),
  // The web dashboard's pages: My videos with 10,000 tasks of one member and the operator console with 1,000
  // servers (bench/web.ts), the server console with 10,000 members (bench/webConsole.ts).
  web: async () => {
    await benchWeb();
    await benchWebConsole();
  },
  // 100,000 open tasks over four processes on PostgreSQL (about 10 minutes).
  scale100k: () => benchScale100k(),
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
