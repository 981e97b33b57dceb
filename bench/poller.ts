/**
 * The poller against the fake Seedance with many pending tasks finishing at random times, under a query
 * budget. Prints the highest query rate in any 1 s window, detection delay (upstream finished → poller
 * saw it) against the bound max(min_interval / 2, pending / (2 × budget)), CPU and peak RSS of the bot side
 * (a child process, apart from the fake server), and, through the fake Discord, completion-to-edit.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeSeedance } from '../src/dev/fake-seedance/index.js';
import { eventually, startHarness } from '../test/harness.js';
import { percentile, report } from './report.js';

export async function benchPoller(
  pending: number,
  budget: number,
  finishWithinMs: number,
  minIntervalMs = 2000,
): Promise<void> {
  const fake = await startFakeSeedance();
  try {
    for (let i = 0; i < pending; i += 1)
      fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: Math.floor(Math.random() * finishWithinMs) });
    // The bot side runs as compiled JavaScript (as `npm start` does): `npm run bench` runs from dist-bench/.
    const child = fileURLToPath(new URL('./pollerChild.js', import.meta.url));
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the bot side (see the closing notes).
          ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
          child,
          fake.url,
          fake.apiKey,
          String(pending),
          String(budget),
          String(minIntervalMs),
        ],
        { timeout: finishWithinMs + 300_000, maxBuffer: 256 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as {
      seenAt: Record<string, number>;
      queryStarts: number[];
      cpuSec: number;
      cpuUserSec: number;
      cpuSystemSec: number;
      elapsedMs: number;
      peakRss: number;
      peakHeap: number;
      rssBaseline: number;
    };
    const times = r.queryStarts.sort((a, b) => a - b);
    let maxWindow = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      maxWindow = Math.max(maxWindow, i - j + 1);
    }
    const delays = Object.entries(r.seenAt).map(([id, at]) => {
      const t = fake.tasks.get(id)!;
      return at - (t.createdAt + (t.script.kind === 'succeed' ? t.script.runMs : 0));
    });
    const bound = Math.max(minIntervalMs / 2, (pending / (2 * budget)) * 1000);
    const tag = `${pending}_tasks`;
    report(`poller_${tag}_max_queries_started_in_1s`, maxWindow, 'queries', `<= budget ${budget}/s`);
    report(`poller_${tag}_detection_delay_p50`, percentile(delays, 50), 'ms', 'informational');
    report(`poller_${tag}_detection_delay_p99`, percentile(delays, 99), 'ms', 'informational');
    report(
      `poller_${tag}_detection_p50_to_bound`,
      percentile(delays, 50) / bound,
      'ratio',
      `<= 1.2 (bound ${Math.round(bound)} ms)`,
    );
    report(`poller_${tag}_cpu_per_minute`, r.cpuSec / (r.elapsedMs / 60_000), 's/min', '< 12 s/min (20% of one core)');
    report(`poller_${tag}_peak_rss`, r.peakRss / 1024 / 1024, 'MB', '< 250 MB at 10,000 tasks');
    report(`poller_${tag}_peak_heap_used`, r.peakHeap / 1024 / 1024, 'MB', 'informational');
    report(
      `poller_${tag}_rss_before_tasks`,
      r.rssBaseline / 1024 / 1024,
      'MB',
      'informational (process, SQLite, libraries)',
    );
    report(
      `poller_${tag}_cpu_ms_per_query`,
      (r.cpuSec * 1000) / Math.max(1, r.queryStarts.length),
      'ms',
      'informational (CPU scales with the query budget)',
    );
    report(
      `poller_${tag}_cpu_system_share`,
      r.cpuSystemSec / Math.max(1e-9, r.cpuSec),
      'ratio',
      'informational (kernel: sockets, SQLite file I/O)',
    );
    report(`poller_${tag}_queries_per_task`, r.queryStarts.length / pending, 'queries', 'informational');
  } finally {
    await fake.close();
  }
}

/** Upstream completion → the video edited into the member's message, through the real bot and fake Discord. */
export async function benchCompletionToEdit(count = 100, finishWithinMs = 20_000): Promise<void> {
  const h = await startHarness({
    env: {
      POLL_FIRST_DELAY_SEC: '1',
      POLL_MIN_INTERVAL_SEC: '1',
      POLL_MAX_INTERVAL_SEC: '1',
      POLL_QUERIES_PER_SEC: '100',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    for (let i = 0; i < count; i += 1) {
      h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: Math.floor(Math.random() * finishWithinMs) });
      const ix = h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: { id: `8${String(i).padStart(17, '0')}` },
        options: [{ name: 'prompt', value: `edit ${i}` }],
      });
      await h.discord.waitForCallback(ix.id);
    }
    await eventually(async () => (await h.app.tasks.listOpen()).length === 0, finishWithinMs + 60_000, 'all delivered');
    const latencies: number[] = [];
    for (const t of h.seedance.tasks.values()) {
      if (t.script.kind !== 'succeed') continue;
      const done = t.createdAt + t.script.runMs;
      const upload = h.discord.requests.find(
        (r) => r.files.some((f) => f.name.endsWith('.mp4')) && JSON.stringify(r.body).includes(t.prompt),
      );
      if (upload) latencies.push(upload.at - done);
    }
    report('completion_to_edit_p50', percentile(latencies, 50), 'ms', 'informational (poll interval 1 s)');
    report('completion_to_edit_p99', percentile(latencies, 99), 'ms', 'informational (poll interval 1 s)');
  } finally {
    await h.close();
  }
}
