/**
 * The soak's faults, drawn from the seed: what the fake vendor and the fake Discord answer instead of the
 * truth (hooks consulted on every request), and the discrete events in between (DMs closed, cards deleted by a
 * moderator, gateway disconnects, bot processes killed, stopped and restarted, two starting at once).
 */
import type { Fault, FaultRoute, FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import type { FakeDiscord, RestFault } from '../../test/fakes/discord/index.js';
import type { Fleet } from './botFleet.js';
import type { Members } from './members.js';
import type { Rng } from './rng.js';

/** How often (per request) each vendor route gets each fault. */
const VENDOR: Record<FaultRoute, Array<[number, (rng: Rng) => Fault]>> = {
  create: [
    [0.03, (r) => ({ status: 429, retryAfterSec: r.chance(0.1) ? 3600 : r.int(1, 5) })],
    [0.02, (r) => ({ status: r.pick([500, 502, 503] as const) })],
    [0.01, () => ({ kind: 'reset' })],
    [0.03, () => ({ kind: 'resetAfterCreate' })],
    [0.01, () => ({ kind: 'timeout' })],
    [0.01, () => ({ kind: 'truncated' })],
    [0.003, () => ({ kind: 'huge', bytes: 100 * 1024 * 1024 })],
    [0.003, () => ({ kind: 'slow', bytesPerSec: 1 })],
    [0.005, () => ({ kind: 'malformed' })],
  ],
  query: [
    [0.03, (r) => ({ status: 429, retryAfterSec: r.chance(0.07) ? 3600 : r.int(1, 10) })],
    [0.02, (r) => ({ status: r.pick([500, 502, 503] as const) })],
    [0.01, () => ({ kind: 'reset' })],
    [0.01, () => ({ kind: 'timeout' })],
    [0.01, () => ({ kind: 'malformed' })],
    [0.005, () => ({ kind: 'truncated' })],
    [0.003, () => ({ kind: 'huge', bytes: 100 * 1024 * 1024 })],
    [0.003, () => ({ kind: 'slow', bytesPerSec: 1 })],
    [0.03, () => ({ kind: 'backwards' })],
  ],
  audit: [
    [0.02, (r) => ({ status: r.pick([500, 502, 503] as const) })],
    [0.01, (r) => ({ status: 429, retryAfterSec: r.int(1, 5) })],
    [0.01, () => ({ kind: 'reset' })],
    [0.005, () => ({ kind: 'timeout' })],
  ],
  assetStatus: [
    [0.02, (r) => ({ status: r.pick([500, 502, 503] as const) })],
    [0.01, (r) => ({ status: 429, retryAfterSec: r.int(1, 5) })],
    [0.01, () => ({ kind: 'timeout' })],
    [0.005, () => ({ kind: 'malformed' })],
    [0.003, () => ({ kind: 'huge', bytes: 100 * 1024 * 1024 })],
  ],
};

function discordFault(rng: Rng, route: string, hasFiles: boolean): RestFault | undefined {
  if (route.startsWith('GET /gateway')) return undefined;
  const x = rng.next();
  if (hasFiles && x < 0.05) return { status: 413 };
  if (x < 0.065) return { status: 429, retryAfterSec: rng.pick([0.5, 1, 2]) };
  if (x < 0.075) return { status: rng.pick([500, 502, 503] as const) };
  if (route.startsWith('POST /interactions/') && x < 0.085) return { status: 404, code: 10062 };
  // An interaction token that expired: its webhook refuses edits (the bot falls back to the channel).
  if (route.startsWith('PATCH /webhooks/') && x < 0.085) return { status: 401, code: 50027 };
  return undefined;
}

export interface ChaosOptions {
  seedance: FakeSeedance;
  discord: FakeDiscord;
  fleet: Fleet;
  members: Members;
  processes: number;
  rng: Rng;
  /** Log a line of what happened. */
  say(line: string): void;
}

export function createChaos(options: ChaosOptions) {
  const { seedance, discord, fleet, rng } = options;
  const events: Record<string, number> = {};
  const count = (name: string) => {
    events[name] = (events[name] ?? 0) + 1;
  };
  const vendorRng = rng.fork('vendor');
  const discordRng = rng.fork('discord');
  const eventRng = rng.fork('events');
  let timers: NodeJS.Timeout[] = [];
  let running = false;
  const restarts = new Set<Promise<unknown>>();

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers = timers.filter((x) => x !== t);
      if (running) fn();
    }, ms);
    timers.push(t);
  };

  function restart(slot: number, afterMs: number): void {
    const p = new Promise<void>((resolve) =>
      setTimeout(() => {
        if (fleet.isLive(slot)) return resolve();
        void fleet.start(slot).then(() => resolve());
      }, afterMs),
    ).finally(() => restarts.delete(p));
    restarts.add(p);
  }

  /** One bot process event: kill -9, SIGTERM, or (several processes) two killed and started at the same moment. */
  async function processEvent(): Promise<void> {
    const liveSlots = Array.from({ length: options.processes }, (_, i) => i).filter((i) => fleet.isLive(i));
    if (!liveSlots.length) return;
    const what = eventRng.weighted({ kill9: 5, sigterm: 3, twoAtOnce: options.processes > 1 ? 1 : 0 });
    count(what);
    if (what === 'twoAtOnce' && liveSlots.length >= 2) {
      const [a, b] = [liveSlots[0]!, liveSlots[1]!];
      options.say(`chaos: kill -9 of processes ${a} and ${b}, both restarted at once`);
      await Promise.all([fleet.stop(a, 'SIGKILL'), fleet.stop(b, 'SIGKILL')]);
      const delay = eventRng.int(200, 2000);
      restart(a, delay);
      restart(b, delay);
      return;
    }
    const slot = eventRng.pick(liveSlots);
    const signal = what === 'sigterm' ? 'SIGTERM' : 'SIGKILL';
    options.say(`chaos: ${signal} to process ${slot}`);
    await fleet.stop(slot, signal);
    restart(slot, eventRng.int(200, 3000));
  }

  function discordEvent(): void {
    const what = eventRng.weighted({ closeDms: 2, deleteCard: 5, disconnect: 1 });
    count(what);
    if (what === 'closeDms') {
      const g = eventRng.int(0, discord.guildIds.length - 1);
      discord.closeDms(options.members.memberId(g, eventRng.int(0, 3)));
    } else if (what === 'deleteCard') {
      const cards = discord.messages.all().filter((m) => !m.deleted && m.guildId && (m.flags & 64) === 0);
      const card = cards.length ? eventRng.pick(cards) : undefined;
      if (card) discord.deleteMessage(card.channelId, card.id);
    } else {
      options.say('chaos: gateway disconnect');
      discord.disconnectGateway();
    }
  }

  function scheduleProcessEvents(): void {
    later(eventRng.int(8_000, 25_000), () => {
      void processEvent().finally(scheduleProcessEvents);
    });
  }
  function scheduleDiscordEvents(): void {
    later(eventRng.int(1_500, 6_000), () => {
      discordEvent();
      scheduleDiscordEvents();
    });
  }

  return {
    events,
    start(): void {
      running = true;
      seedance.setFaultHook((route) => {
        for (const [p, make] of VENDOR[route]) if (vendorRng.chance(p)) return make(vendorRng);
        return undefined;
      });
      discord.setRestFaultHook((route, hasFiles) => discordFault(discordRng, route, hasFiles));
      scheduleProcessEvents();
      scheduleDiscordEvents();
    },
    /** No more faults; every slot running again. */
    async stop(): Promise<void> {
      running = false;
      for (const t of timers) clearTimeout(t);
      timers = [];
      seedance.setFaultHook(undefined);
      discord.setRestFaultHook(undefined);
      discord.clearRestFaults();
      while (restarts.size) await Promise.allSettled([...restarts]);
      await Promise.all(
        Array.from({ length: options.processes }, (_, i) => i)
          .filter((i) => !fleet.isLive(i))
          .map((i) => fleet.start(i)),
      );
    },
  };
}
