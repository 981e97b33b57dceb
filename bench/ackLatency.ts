/**
 * Interaction-to-acknowledgement latency of /video through the fake Discord: 1,000 good requests (public
 * reply after validation, usage reservation and the task record) and 1,000 rejected ones (ephemeral list).
 * Open loop: interactions arrive at a steady rate whether or not earlier ones were answered, as members'
 * commands do; the rate is printed with the figures.
 */
import { startHarness, type Harness } from '../test/harness.js';
import { percentile, report } from './report.js';

async function measure(h: Harness, count: number, perSecond: number, dispatch: (i: number) => { id: string }) {
  const pending: Array<Promise<number>> = [];
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const { id } = dispatch(i);
    pending.push(
      h.discord.waitForCallback(id, 15_000).then(() => {
        const ix = h.discord.interactions.get(id)!;
        return ix.ackedAt! - ix.createdAt;
      }),
    );
  }
  return Promise.all(pending);
}

export async function benchAckLatency(count = 1000, perSecond = 50): Promise<void> {
  // Tasks never finish and are first polled after an hour: this measures the command path only.
  const h = await startHarness({
    seedance: { defaultScript: { kind: 'stuck' } },
    env: {
      POLL_FIRST_DELAY_SEC: '3600',
      POLL_MIN_INTERVAL_SEC: '3600',
      POLL_MAX_INTERVAL_SEC: '3600',
      LOG_LEVEL: 'info',
    },
  });
  try {
    const user = (base: number, i: number) => ({ id: `${base}${String(i).padStart(13, '0')}` });
    const good = await measure(h, count, perSecond, (i) =>
      h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: user(6, i),
        options: [{ name: 'prompt', value: `bench ${i}` }],
      }),
    );
    report(`ack_latency_video_p50_at_${perSecond}_per_s`, percentile(good, 50), 'ms', 'informational');
    report(`ack_latency_video_p99_at_${perSecond}_per_s`, percentile(good, 99), 'ms', 'p99 < 50 ms');
    const bad = await measure(h, count, perSecond, (i) =>
      h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: user(7, i),
        options: [
          { name: 'prompt', value: 'x' },
          { name: 'model', value: 'seedance2.0-md' },
          { name: 'ratio', value: '21:9' },
        ],
      }),
    );
    report(`ack_latency_rejected_p50_at_${perSecond}_per_s`, percentile(bad, 50), 'ms', 'informational');
    report(`ack_latency_rejected_p99_at_${perSecond}_per_s`, percentile(bad, 99), 'ms', 'p99 < 50 ms');
  } finally {
    await h.close();
  }
}
