/** `npm run bench`: every benchmark, one JSON line per figure ({name, value, unit, target}). */
import { benchAckLatency } from './ackLatency.js';
import { benchGuildMemory } from './guildMemory.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  ack: () => benchAckLatency(),
  guilds: () => benchGuildMemory(),
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
