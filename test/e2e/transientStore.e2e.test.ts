/** A database hiccup while a task is being sent: no restart, the task is still followed, and created once. */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { RecordStore, Tx } from '../../src/db/recordStore.js';
import type { TaskRecord, TaskState } from '../../src/services/tasks/taskRecord.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { storeKinds } from '../support/tempStore.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const member = (i: number) => ({ id: String(300000000000000000n + BigInt(i)), username: `m${i}` });

/**
 * Makes the next `times` transactions that move a task into `state` fail as a database hiccup would (the
 * transaction rejects, nothing of it is written; or, `committed`, it is written but the caller hears an
 * error, as when a connection drops during COMMIT); every other transaction goes through.
 */
function failSaving(store: RecordStore, state: TaskState, times: number, committed = false): { left(): number } {
  const real = store.transact.bind(store);
  let left = times;
  store.transact = async (declared, fn) => {
    let lost = false;
    const out = await real(declared, (tx) => {
      let hit = false;
      const spy: Tx = {
        get: (k) => tx.get(k),
        delete: (k) => tx.delete(k),
        set: (k, v) => {
          const before = k.startsWith('tasks:') ? tx.get<TaskRecord>(k) : undefined;
          if (left > 0 && before && before.state !== state && (v as TaskRecord).state === state) hit = true;
          tx.set(k, v);
        },
      };
      const value = fn(spy);
      if (hit) {
        left -= 1;
        if (!committed) throw new Error('Connection terminated unexpectedly (injected)');
        lost = true;
      }
      return value;
    });
    if (lost) throw new Error('Connection terminated unexpectedly (injected, after COMMIT)');
    return out;
  };
  return { left: () => left };
}

function ask(i: number) {
  return h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: member(i),
    options: [{ name: 'prompt', value: `p${i}` }],
  });
}

async function delivered(i: number): Promise<TaskRecord> {
  return eventually(
    async () => {
      const [t] = await h!.app.tasks.listRecentByUser(member(i).id);
      return t?.state === 'done' ? t : undefined;
    },
    10_000,
    `p${i} delivered`,
  );
}

describe.each(await storeKinds())('on %s', (store) => {
  it("the create call's answer fails to save once: saved on the next try, followed and delivered", async () => {
    h = await startHarness({ store, saveRetryMs: [20, 20, 20] });
    const failing = failSaving(h.app.store, 'running', 1);
    ask(0);
    const done = await delivered(0);
    expect(failing.left()).toBe(0);
    expect(done).toMatchObject({ usage: 'committed' });
    expect(h.seedance.createCount()).toBe(1);
  });

  it('saving `submitting` fails: nothing was sent; the poller sends it, once, and it is delivered', async () => {
    h = await startHarness({ store, saveRetryMs: [20, 20, 20] });
    const failing = failSaving(h.app.store, 'submitting', 1);
    ask(0);
    const done = await delivered(0);
    expect(failing.left()).toBe(0);
    expect(done).toMatchObject({ usage: 'committed' });
    expect(h.seedance.createCount()).toBe(1);
  });

  it('`submitting` saved but its answer lost: nothing was sent, so it ends uncertain, refunded, the member told', async () => {
    h = await startHarness({ store, saveRetryMs: [20, 20, 20] });
    failSaving(h.app.store, 'submitting', 1, true);
    ask(0);
    const told = await eventually(
      async () => {
        const [t] = await h!.app.tasks.listRecentByUser(member(0).id);
        return t?.toldAt ? t : undefined;
      },
      10_000,
      'the member told',
    );
    expect(told).toMatchObject({ state: 'uncertain', usage: 'refunded' });
    expect(h.seedance.createCount()).toBe(0);
    const guild = await h.app.store.get<UsageDoc>(keys.usage(`g${told.guildId}`));
    expect(guild).toMatchObject({ running: 0, day: { counter: { tasks: 0 } } });
  });

  it('a task that left the queue: its answer fails to save on every try; the poller saves it, no restart', async () => {
    h = await startHarness({ store, saveRetryMs: [20, 20, 20], env: { LIMIT_GUILD_RUNNING: '1' } });
    ask(0);
    await eventually(() => h!.seedance.createCount() === 1, 5000, 'p0 created');
    await eventually(async () => (await h!.app.tasks.listRecentByUser(member(0).id))[0]?.state === 'running');
    // The first try and the three retries of p1's `running` all fail; p0 then finishes and frees the slot.
    const failing = failSaving(h.app.store, 'running', 4);
    ask(1);
    await delivered(0);
    const done = await delivered(1);
    expect(failing.left()).toBe(0);
    expect(done).toMatchObject({ usage: 'committed' });
    expect(h.seedance.createCount()).toBe(2);
    const guild = await h.app.store.get<UsageDoc>(keys.usage(`g${done.guildId}`));
    expect(guild).toMatchObject({ running: 0, day: { counter: { tasks: 2 } } });
  });
});
