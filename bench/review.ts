/**
 * The media review of Manxue uploads under load: `count` /video requests with an image on sd2_mx_720p arrive at
 * `perSecond`; each file stays Processing for `reviewMs` at the fake Seedance. Figures: the card's
 * acknowledgement latency (the review is submitted after the reply), the most upstream status queries (asset
 * status + task status) the fake saw in any rolling second against the budget (counted at the fake server; none
 * counted fails the bench), and how long from the command to the create call (review included).
 */
import { startHarness } from '../test/harness.js';
import { percentile, report } from './report.js';

const STATUS = '/api/open-api/v1/seedance/assets/status';
const QUERY = /^\/api\/open-api\/v1\/videos\/[^/]+$/;

export async function benchReview(count = 200, perSecond = 40, reviewMs = 3000, budget = 20): Promise<void> {
  const h = await startHarness({
    seedance: { defaultScript: { kind: 'stuck' }, assetReviewMs: reviewMs },
    env: {
      POLL_FIRST_DELAY_SEC: '1',
      POLL_MIN_INTERVAL_SEC: '1',
      POLL_MAX_INTERVAL_SEC: '2',
      POLL_QUERIES_PER_SEC: String(budget),
      POLL_CONCURRENCY: '32',
      LOG_LEVEL: 'info',
    },
  });
  try {
    const started = Date.now();
    const acks: Array<Promise<number>> = [];
    const sentAt = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      const due = started + (i * 1000) / perSecond;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const prompt = `review bench ${i}`;
      sentAt.set(prompt, h.clock.now());
      const { id } = h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'images',
        user: { id: `8${String(i).padStart(17, '0')}` },
        options: [
          { name: 'prompt', value: prompt },
          { name: 'model', value: 'sd2_mx_720p' },
        ],
        attachments: [
          {
            optionName: 'image1',
            filename: `img${i}.png`,
            contentType: 'image/png',
            size: 80_000,
            width: 1024,
            height: 1024,
          },
        ],
      });
      acks.push(
        h.discord.waitForCallback(id, 15_000).then(() => {
          const ix = h.discord.interactions.get(id)!;
          return ix.ackedAt! - ix.createdAt;
        }),
      );
    }
    const ackMs = await Promise.all(acks);
    const creates = () => h.seedance.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/seedance/videos'));
    const deadline = Date.now() + 120_000;
    while (creates().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const toCreate = creates().map((r) => r.at - (sentAt.get((r.body as { prompt: string }).prompt) ?? r.at));
    // The most status queries (media review and task) in any rolling second, counted where they arrive: at the
    // fake server, whatever transport the client uses (node:http since it left fetch).
    const times = h.seedance.requests
      .filter((r) => r.path === STATUS || (r.method === 'GET' && QUERY.test(r.path)))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      most = Math.max(most, i - j + 1);
    }
    report(`review_ack_latency_p50_${count}_uploads`, percentile(ackMs, 50), 'ms', 'informational');
    report(`review_ack_latency_p99_${count}_uploads`, percentile(ackMs, 99), 'ms', 'informational (3 s Discord limit)');
    // Nothing counted means the bench measured nothing (the reviews need status queries to pass): a failure.
    const counted = times.length > 0;
    report(
      'review_status_queries_max_started_in_1s',
      most,
      'queries',
      counted ? `<= POLL_QUERIES_PER_SEC (${budget})` : 'FAILING: no status query was counted',
    );
    report('review_status_queries_total', times.length, 'queries', counted ? '> 0' : 'FAILING: must be > 0');
    report('review_audits_per_task', h.seedance.auditCount() / count, 'submissions', '1 (never twice)');
    report(`review_command_to_create_p50_${reviewMs}ms_review`, percentile(toCreate, 50), 'ms', 'informational');
    report(`review_command_to_create_p99_${reviewMs}ms_review`, percentile(toCreate, 99), 'ms', 'informational');
    report('review_created_of', creates().length, 'tasks', String(count));
    if (!counted)
      throw new Error('review bench: the fake Seedance saw no status query, so the figures measure nothing');
  } finally {
    await h.close();
  }
}
