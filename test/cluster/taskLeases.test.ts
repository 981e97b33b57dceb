import { afterEach, describe, expect, it, vi } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { createProcessRegistry, SETTLE_MS } from '../../src/services/cluster/processRegistry.js';
import { shardOf } from '../../src/services/cluster/shards.js';
import { createTaskLeases, type OpenEntry } from '../../src/services/cluster/taskLeases.js';
import { openTempStore, quietLogger, type TempStore } from '../support/tempStore.js';
import { storeKinds } from '../support/tempStore.js';

const HAS_POSTGRES = (await storeKinds()).includes('postgres');
let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

// Two guild ids whose shards (of 2) differ.
const GUILD_A = '100000000000000000';
const GUILD_B = [...Array(64).keys()]
  .map((i) => String(100000000000000000n + (BigInt(i) << 22n)))
  .find((g) => shardOf(g, 2) !== shardOf(GUILD_A, 2))!;

async function open(ids: string[], guildId: string, entry: Partial<OpenEntry> = {}) {
  await temp!.store.transact(ids.map(keys.open), (tx) => {
    for (const id of ids) tx.set(keys.open(id), { createdAt: 0, guildId, ...entry });
  });
}

describe('shards', () => {
  it("a guild's shard is (id >> 22) % count; DMs are shard 0", () => {
    expect(shardOf('81384788765712384', 2)).toBe(Number((81384788765712384n >> 22n) % 2n));
    expect(shardOf(null, 4)).toBe(0);
    expect(shardOf(GUILD_A, 1)).toBe(0);
  });
});

describe("with SQLite, every open task is this process's", () => {
  it('claims all of them, whoever held them before, and never lets them run out', async () => {
    temp = await openTempStore('leases');
    await open(['a', 'b'], GUILD_A, { owner: 'an-old-run', leaseUntil: Date.now() + 60_000 });
    const leases = createTaskLeases(temp.store, { leaseMs: 1000, shards: { count: 1, ids: [0] } });
    expect((await leases.claim(await leases.findClaimable())).sort()).toEqual(['a', 'b']);
    expect(await leases.renew()).toEqual([]);
  });

  it('a task this process already holds (created before the poller started) is found again at start', async () => {
    temp = await openTempStore('leases');
    await open(['mine'], GUILD_A);
    const leases = createTaskLeases(temp.store, { leaseMs: 1000, shards: { count: 1, ids: [0] } });
    expect(await leases.claim(['mine'])).toEqual(['mine']);
    expect(await leases.findClaimable()).toEqual([]);
    expect(await leases.findClaimable({ includeHeld: true })).toEqual(['mine']);
  });

  it('claiming writes nothing: there is no other process to hand a task to', async () => {
    temp = await openTempStore('leases');
    await open(['a'], GUILD_A, { owner: 'an-old-run', leaseUntil: Number.MAX_SAFE_INTEGER });
    const leases = createTaskLeases(temp.store, { leaseMs: 1000, shards: { count: 1, ids: [0] } });
    expect(await leases.claim(['a'])).toEqual(['a']);
    expect(leases.holds('a')).toBe(true);
    expect(await temp.store.get<OpenEntry>(keys.open('a'))).toMatchObject({ owner: 'an-old-run' });
  });
});

describe.skipIf(!HAS_POSTGRES)('with PostgreSQL, leases decide which process works on a task', () => {
  it('a live lease is left alone; an expired one is taken, by one process only', async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const one = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 1, ids: [0] }, processId: 'one' },
      clock,
    );
    const two = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 1, ids: [0] }, processId: 'two' },
      clock,
    );
    await open(['t1', 't2'], GUILD_A);
    expect(await one.claim(['t1', 't2'])).toEqual(['t1', 't2']);
    expect(await two.findClaimable()).toEqual([]);
    now += 500;
    expect(await one.renew()).toEqual([]);
    now += 900; // renewed at +500 for 1000 ms: still held
    expect(await two.findClaimable()).toEqual([]);
    now += 200; // one is gone (no renewal): both expired
    const [a, b] = await Promise.all([two.claim(['t1', 't2']), one.claim(['t1', 't2'])]);
    expect([...a, ...b].sort()).toEqual(['t1', 't2']);
    expect(a.length === 2 || b.length === 2).toBe(true);
  });

  it("the soonest end of another process's live lease, as the last look for orphans saw it", async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const settings = { leaseMs: 1000, shards: { count: 1, ids: [0] } };
    const one = createTaskLeases(temp.store, { ...settings, processId: 'one' }, clock);
    const two = createTaskLeases(temp.store, { ...settings, processId: 'two' }, clock);
    const three = createTaskLeases(temp.store, { ...settings, processId: 'three' }, clock);
    await open(['t1'], GUILD_A);
    await one.claim(['t1']);
    now += 300;
    await two.renew();
    await three.findClaimable();
    expect(three.nextExpiry()).toBe(1_001_000); // one's, before two's at 1,001,300
    now += 800; // one's ran out: only two's is live
    await three.findClaimable();
    expect(three.nextExpiry()).toBe(1_001_300);
    await two.release();
    await three.findClaimable();
    expect(three.nextExpiry()).toBeUndefined();
  });

  it('a scan for orphans is worth it only when a lease ran out since the last one began (or a minute passed)', async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const settings = { leaseMs: 1000, shards: { count: 1, ids: [0] } };
    const one = createTaskLeases(temp.store, { ...settings, processId: 'one' }, clock);
    const two = createTaskLeases(temp.store, { ...settings, processId: 'two' }, clock);
    await open(['t1'], GUILD_A);
    await one.claim(['t1']);
    expect(await two.mayHaveOrphans()).toBe(true); // never scanned
    expect(await two.findClaimable()).toEqual([]);
    now += 500;
    await one.renew();
    expect(await two.mayHaveOrphans()).toBe(false); // one renews: nothing to find
    now += 1200; // one stopped renewing: its lease ran out after the scan
    expect(await two.mayHaveOrphans()).toBe(true);
    expect(await two.findClaimable()).toEqual(['t1']);
    expect(await two.mayHaveOrphans()).toBe(false); // seen expired by that scan
    now += 60_000;
    expect(await two.mayHaveOrphans()).toBe(true); // a minute without a scan
  });

  it("at start only its own shards' tasks: processes starting together do not know each other yet", async () => {
    temp = await openTempStore('leases', 'postgres');
    await open(['a'], GUILD_A);
    await open(['b'], GUILD_B);
    const leases = createTaskLeases(temp.store, { leaseMs: 1000, shards: { count: 2, ids: [shardOf(GUILD_A, 2)] } });
    expect(await leases.findClaimable({ includeHeld: true })).toEqual(['a']);
    // A later round takes the other shard's task when no live process runs that shard.
    expect((await leases.findClaimable()).sort()).toEqual(['a', 'b']);
  });

  it("a lease given back leaves another shard's tasks to that shard's process for two leases", async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const shardB = { count: 2, ids: [shardOf(GUILD_B, 2)] };
    const one = createTaskLeases(temp.store, { leaseMs: 1000, shards: shardB, processId: 'one' }, clock);
    const two = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 2, ids: [shardOf(GUILD_A, 2)] }, processId: 'two', runElsewhere: () => true },
      clock,
    );
    await open(['b'], GUILD_B);
    await one.claim(['b']);
    await one.release(); // a restart: shard B's next process comes back within seconds
    expect(await two.findClaimable()).toEqual([]);
    now += 2000;
    expect(await two.findClaimable()).toEqual(['b']);
  });

  it("the orphans of a shard no live process runs are split between the live ones for a lease, then anyone's", async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const shardA = { count: 2, ids: [shardOf(GUILD_A, 2)] };
    const dead = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 2, ids: [shardOf(GUILD_B, 2)] }, processId: 'dead' },
      clock,
    );
    const store = temp.store;
    const live = (index: number) =>
      createTaskLeases(
        store,
        { leaseMs: 1000, shards: shardA, processId: `live${index}`, rank: () => ({ index, of: 2 }) },
        clock,
      );
    const [two, three] = [live(0), live(1)];
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    await open(ids, GUILD_B);
    await dead.claim(ids);
    now += 1000; // dead's lease ran out
    const [a, b] = [await two.findClaimable(), await three.findClaimable()];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    now += 1000; // one more lease: whoever looks takes the rest
    expect((await two.findClaimable()).sort()).toEqual([...ids].sort());
  });

  it('a process that lost a task notices at renewal; release hands everything over at once', async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const one = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 1, ids: [0] }, processId: 'one' },
      clock,
    );
    const two = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 1, ids: [0] }, processId: 'two' },
      clock,
    );
    await open(['t1'], GUILD_A);
    await one.claim(['t1']);
    now += 2000;
    expect(await two.claim(['t1'])).toEqual(['t1']);
    expect(await one.renew()).toEqual(['t1']);
    await two.release();
    expect(await one.findClaimable()).toEqual(['t1']);
  });

  it('a stalled process that renews before the takeover transaction keeps its tasks', async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const settings = { leaseMs: 1000, shards: { count: 1, ids: [0] } };
    const one = createTaskLeases(temp.store, { ...settings, processId: 'one' }, clock);
    const two = createTaskLeases(temp.store, { ...settings, processId: 'two' }, clock);
    await open(['t1', 't2'], GUILD_A);
    await one.claim(['t1', 't2']);
    now += 1500; // one's lease ran out: two sees the tasks as orphaned ...
    const orphaned = await two.findClaimable();
    expect(orphaned.sort()).toEqual(['t1', 't2']);
    expect(await one.renew()).toEqual([]); // ... but one comes back first (and finds it lost nothing)
    expect(await two.claim(orphaned)).toEqual([]); // the claim reads one's lease inside its transaction
    expect(one.holds('t1') && one.holds('t2')).toBe(true);
  });

  it('an entry of the previous version (lease per entry, no lease record) runs out at its own time', async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const me = createTaskLeases(temp.store, { leaseMs: 1000, shards: { count: 1, ids: [0] }, processId: 'me' }, clock);
    await open(['old'], GUILD_A, { owner: 'old-version', leaseUntil: now + 500 });
    expect(await me.findClaimable()).toEqual([]); // still renewed by a process of the previous version
    now += 500;
    expect(await me.claim(await me.findClaimable())).toEqual(['old']);
    // What this version writes looks held for ever to the previous version, which never takes it.
    const entry = await temp.store.get<OpenEntry>(keys.open('old'));
    expect(entry).toMatchObject({ owner: 'me', leaseUntil: Number.MAX_SAFE_INTEGER });
  });

  it("another shard's orphaned task is left to the live process that runs that shard", async () => {
    temp = await openTempStore('leases', 'postgres');
    let now = 1_000_000;
    const clock = () => now;
    const mine = shardOf(GUILD_A, 2);
    let otherAlive = true;
    const me = createTaskLeases(
      temp.store,
      { leaseMs: 1000, shards: { count: 2, ids: [mine] }, processId: 'me', runElsewhere: () => otherAlive },
      clock,
    );
    await open(['own'], GUILD_A, { owner: 'dead', leaseUntil: now - 1 });
    await open(['theirs'], GUILD_B, { owner: 'dead', leaseUntil: now - 1 });
    expect(await me.findClaimable()).toEqual(['own']);
    now += 2500; // out for more than two leases: the other shard's process is not taking it
    expect((await me.findClaimable()).sort()).toEqual(['own', 'theirs']);
    now -= 2500;
    otherAlive = false; // nobody runs that shard: take it at once
    expect((await me.findClaimable()).sort()).toEqual(['own', 'theirs']);
  });
});

describe.skipIf(!HAS_POSTGRES)('processes share the query budget', () => {
  it('each gets budget / processes; a newcomer waits until the others have lowered theirs', async () => {
    temp = await openTempStore('registry', 'postgres');
    let now = 5_000_000;
    const clock = () => now;
    const shards = { count: 1, ids: [0] };
    const a = createProcessRegistry(
      temp.store,
      { processId: 'a', shards, budget: 30, heartbeatMs: 100_000 },
      quietLogger(),
      clock,
    );
    const b = createProcessRegistry(
      temp.store,
      { processId: 'b', shards, budget: 30, heartbeatMs: 100_000 },
      quietLogger(),
      clock,
    );
    await a.start(); // alone, but it only just arrived: it waits a second in case someone just left
    expect(a.share).toBe(0);
    now += SETTLE_MS;
    await a.heartbeat();
    expect(a.share).toBe(30);
    await b.start(); // b sees a; a has not seen b yet: b may not query at all
    expect(b.share).toBe(0);
    await a.heartbeat(); // a sees two processes: lowers at once
    expect(a.share).toBe(15);
    await b.heartbeat();
    expect(b.share).toBe(0); // a lowered less than SETTLE_MS ago
    now += SETTLE_MS;
    await b.heartbeat();
    expect(b.share).toBe(15);
    // b dies: once its heartbeat is older than the expiry, a has the whole budget again.
    now += 600_000; // past the expiry (five heartbeats): a sees b gone, and raises a second later
    await a.heartbeat();
    expect(a.share).toBe(15);
    now += SETTLE_MS;
    await a.heartbeat();
    expect(a.share).toBe(30);
    await a.stop();
    await b.stop();
  });

  it('a process whose heartbeat was late comes back with no share until the others see it again', async () => {
    temp = await openTempStore('registry-fence', 'postgres');
    let now = 5_000_000;
    const clock = () => now;
    const shards = { count: 1, ids: [0] };
    const make = (processId: string) =>
      createProcessRegistry(temp!.store, { processId, shards, budget: 30, heartbeatMs: 100_000 }, quietLogger(), clock);
    const a = make('a');
    const b = make('b');
    const given: number[] = [];
    a.onShare((s) => given.push(s));
    await a.start();
    await b.start();
    now += SETTLE_MS;
    await a.heartbeat(); // both see two processes now
    await b.heartbeat();
    now += SETTLE_MS;
    await a.heartbeat();
    await b.heartbeat();
    expect([a.share, b.share]).toEqual([15, 15]);
    // a's heartbeats stop landing (a stalled database): past the expiry b counts it gone and takes the whole budget.
    now += 600_000;
    await b.heartbeat();
    now += SETTLE_MS;
    await b.heartbeat();
    expect(b.share).toBe(30);
    // a's fence (checked four times a second) stops its queries.
    await vi.waitFor(() => expect(given.at(-1)).toBe(0));
    // Its heartbeat lands: b still takes the whole budget, so a must not go back to 15.
    await a.heartbeat();
    expect(given.at(-1)).toBe(0);
    await b.heartbeat(); // b sees a again and lowers at once
    expect(b.share).toBe(15);
    await a.heartbeat();
    expect(given.at(-1)).toBe(0); // b lowered less than SETTLE_MS ago
    now += SETTLE_MS;
    await a.heartbeat();
    expect(given.at(-1)).toBe(15);
    await a.stop();
    await b.stop();
  });
});
