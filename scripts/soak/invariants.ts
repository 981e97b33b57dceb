/**
 * What must hold after a soak, checked against the bot's own store, the fakes' ledgers, the processes, the
 * temp folders and the logs. Each check returns one line; any violation fails the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idOf, prefixes } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { isFinal, type TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { composeTask } from '../../src/services/tasks/taskStorage.js';
import { addCounter, type Counter, EMPTY_COUNTER } from '../../src/services/usage/counter.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import type { BotRun } from './botFleet.js';
import type { LimitChange, SentInteraction } from './members.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface UpstreamCreate {
  taskId: string;
  prompt: string;
  answered: boolean;
}

export interface InvariantInputs {
  store: RecordStore;
  creates: UpstreamCreate[];
  /** Successful .mp4 uploads per Discord message. */
  uploadsByMessage: Map<string, number>;
  sent: SentInteraction[];
  limitChanges: LimitChange[];
  /** The limits every server starts with (env). */
  initialLimits: Record<string, number | null>;
  runs: BotRun[];
  peakRssLimitMb: number;
  /** Folders that must be empty of the bots' files at the end. */
  tempDirs: string[];
  /** Strings no log line may contain. */
  secrets: string[];
  /** Violations seen while the soak ran (lease samples). */
  duringRun: string[];
}

const MAX_LOG_LINE = 16 * 1024;
/** What file data in a log would look like: an MP4 box header, a data URL, or a long base64 run. */
const FILE_DATA = /ftypisom|ftypmp42|data:[a-z]+\/[a-z0-9.+-]+;base64|[A-Za-z0-9+/]{400,}/;

const fail = (name: string, problems: string[], okDetail: string): Check =>
  problems.length
    ? { name, ok: false, detail: `${problems.length} violation(s): ${problems.slice(0, 8).join('; ')}` }
    : { name, ok: true, detail: okDetail };

/** The most generous value of a limit in force for a server at `at` (any value set before then counts). */
function capAt(input: InvariantInputs, guildId: string, name: string, at: number): number | null {
  let cap = input.initialLimits[name] ?? null;
  for (const c of input.limitChanges) {
    if (c.guildId !== guildId || c.name !== name || c.at > at) continue;
    if (c.value === null || cap === null) cap = null;
    else cap = Math.max(cap, c.value);
  }
  return cap;
}

/** Sweeps +1/−1 events in time order; returns the moments a group's count went over its cap. */
function overCap(
  intervals: Array<{ group: string; guildId: string; from: number; to: number; weight: number }>,
  cap: (guildId: string, at: number) => number | null,
): string[] {
  const events: Array<{ at: number; group: string; guildId: string; delta: number }> = [];
  for (const i of intervals) {
    events.push({ at: i.from, group: i.group, guildId: i.guildId, delta: i.weight });
    if (Number.isFinite(i.to)) events.push({ at: i.to, group: i.group, guildId: i.guildId, delta: -i.weight });
  }
  // Releases before takes at the same millisecond.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const level = new Map<string, number>();
  const out: string[] = [];
  for (const e of events) {
    const now = (level.get(e.group) ?? 0) + e.delta;
    level.set(e.group, now);
    const c = e.delta > 0 ? cap(e.guildId, e.at) : null;
    if (c !== null && now > c + 1e-9) out.push(`${e.group} at ${new Date(e.at).toISOString()}: ${now} > ${c}`);
  }
  return out;
}

export async function checkInvariants(input: InvariantInputs): Promise<Check[]> {
  const { store } = input;
  const details = new Map(
    (await store.scan(prefixes.taskDetails)).map(([k, d]) => [idOf(k, prefixes.taskDetails), d] as const),
  );
  const tasks = (await store.scan(prefixes.task)).map(([k, t]) => composeTask(t, details.get(idOf(k, prefixes.task)))!);
  const open = await store.scan('open_tasks:');
  const checks: Check[] = [];

  // 1. Every accepted request ended exactly once, and the member saw how.
  {
    const problems: string[] = [];
    const byInteraction = new Map<string, TaskRecord[]>();
    for (const t of tasks) {
      const id = t.interaction?.id;
      if (id) byInteraction.set(id, [...(byInteraction.get(id) ?? []), t]);
      if (!isFinal(t.state)) problems.push(`task ${t.id} still ${t.state}`);
      else if (!t.toldAt) problems.push(`task ${t.id} ${t.state} but its member was never told`);
      const wanted = t.state === 'done' ? 'committed' : 'refunded';
      if (isFinal(t.state) && t.usage !== wanted) problems.push(`task ${t.id} ${t.state} with usage ${t.usage}`);
      if (t.state === 'done' && !t.delivery) problems.push(`task ${t.id} done without a delivery`);
    }
    for (const [id, list] of byInteraction)
      if (list.length > 1) problems.push(`interaction ${id} made ${list.length} tasks`);
    for (const s of input.sent) {
      const made = byInteraction.get(s.id)?.length ?? 0;
      if (s.mustRefuse && made) problems.push(`refused ${s.kind} interaction ${s.id} made a task`);
      const creating = [
        'text',
        'images',
        'frames',
        'references',
        'manxue',
        'remixform',
        'extendform',
        'reroll',
        'retry',
      ];
      if (s.answer === 'public' && creating.includes(s.kind) && !s.mustRefuse && made !== 1)
        problems.push(`accepted ${s.kind} interaction ${s.id} has ${made} tasks`);
    }
    const twice = [...input.uploadsByMessage].filter(([, n]) => n > 1);
    for (const [m, n] of twice) problems.push(`message ${m} got ${n} video uploads`);
    const uploads = [...input.uploadsByMessage.values()].reduce((s, n) => s + n, 0);
    const delivered = tasks.filter((t) => t.state === 'done');
    if (open.length) problems.push(`${open.length} open-index entries left`);
    const states: Record<string, number> = {};
    for (const t of tasks) states[t.state] = (states[t.state] ?? 0) + 1;
    checks.push(
      fail(
        'every accepted request ended exactly once',
        problems,
        `${tasks.length} tasks (${Object.entries(states)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}), ${delivered.length} delivered, ${uploads} video uploads, none twice, every member told`,
      ),
    );
  }

  // 2. Every create the vendor received belongs to exactly one tracked task.
  {
    const problems: string[] = [];
    const byUpstream = new Map<string, TaskRecord[]>();
    for (const t of tasks)
      if (t.upstreamTaskId) byUpstream.set(t.upstreamTaskId, [...(byUpstream.get(t.upstreamTaskId) ?? []), t]);
    const known = new Set(input.creates.map((c) => c.taskId));
    for (const c of input.creates) {
      const owners = byUpstream.get(c.taskId) ?? [];
      if (c.answered && owners.length !== 1)
        problems.push(`upstream ${c.taskId} (answered) tracked by ${owners.length} tasks`);
    }
    for (const [id] of byUpstream)
      if (!known.has(id)) problems.push(`task claims upstream ${id} the vendor never created`);
    // Creates per prompt: never more than the tasks that could have sent them (a create in doubt is never repeated).
    const createsByPrompt = new Map<string, number>();
    for (const c of input.creates) createsByPrompt.set(c.prompt, (createsByPrompt.get(c.prompt) ?? 0) + 1);
    const sendersByPrompt = new Map<string, number>();
    for (const t of tasks)
      if (t.upstreamTaskId || t.state === 'uncertain')
        sendersByPrompt.set(t.request.prompt ?? '', (sendersByPrompt.get(t.request.prompt ?? '') ?? 0) + 1);
    for (const [p, n] of createsByPrompt) {
      const senders = sendersByPrompt.get(p) ?? 0;
      if (n > senders) problems.push(`${n} creates for "${p.slice(0, 40)}" but ${senders} tasks sent it`);
    }
    const unanswered = input.creates.filter((c) => !c.answered).length;
    checks.push(
      fail(
        'no upstream create the bot does not track',
        problems,
        `${input.creates.length} creates (${unanswered} whose answer was lost: their tasks are uncertain, none resent)`,
      ),
    );
  }

  // 3. Stored usage equals the sum over the tasks; no cap exceeded at any instant.
  {
    const problems: string[] = [];
    const docs = await store.scan<UsageDoc>('usage:');
    /** What each document's day and month must hold: the sum of the reservations not refunded. */
    const expected = new Map<string, { day: Map<string, Counter>; month: Map<string, Counter> }>();
    const plus = (m: Map<string, Counter>, id: string, c: Counter) =>
      m.set(id, addCounter(m.get(id) ?? EMPTY_COUNTER, c, 1));
    for (const t of tasks) {
      const r = t.reservation;
      if (!r || t.usage === 'refunded') continue;
      for (const key of r.docs) {
        const e = expected.get(key) ?? { day: new Map(), month: new Map() };
        plus(e.day, r.day, r.amount);
        plus(e.month, r.month, r.amount);
        expected.set(key, e);
      }
    }
    const same = (a: Counter, b: Counter) =>
      a.tasks === b.tasks && a.seconds === b.seconds && (a.spend ?? 0) === (b.spend ?? 0);
    const show = (c: Counter) => `${c.tasks} videos, ${c.seconds} s, ${(c.spend ?? 0) / 1_000_000} spend`;
    for (const [key, doc] of docs) {
      if (doc.running) problems.push(`${key} still counts ${doc.running} running`);
      if (doc.queued) problems.push(`${key} still counts ${doc.queued} queued`);
      const e = expected.get(key);
      for (const [name, period] of [
        ['day', doc.day],
        ['month', doc.month],
      ] as const) {
        if (!period) continue;
        const want = e?.[name].get(period.id) ?? EMPTY_COUNTER;
        if (!same(period.counter, want))
          problems.push(`${key} ${name} ${period.id}: stored ${show(period.counter)}, tasks say ${show(want)}`);
      }
    }
    for (const [key, e] of expected)
      if (!docs.some(([k]) => k === key) && [...e.day.values()].some((c) => c.tasks > 0))
        problems.push(`${key} missing`);

    // Caps at every instant, from the tasks' own times (slot from start to finish; usage until refunded).
    const guildOf = (t: TaskRecord) => t.guildId ?? `dm${t.userId}`;
    const running = tasks
      .filter((t) => !t.queuedAt || t.startedAt)
      // A slot is dated inside the transaction that takes it (startedAt) and the one that frees it (finishedAt).
      .map((t) => ({ t, from: t.startedAt ?? t.createdAt, to: t.finishedAt ?? Number.POSITIVE_INFINITY }));
    const held = tasks.map((t) => ({
      t,
      from: t.createdAt,
      to: t.usage === 'refunded' ? (t.finishedAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
    }));
    const cap = (name: string) => (g: string, at: number) => capAt(input, g, name, at);
    problems.push(
      ...overCap(
        running.map(({ t, from, to }) => ({
          group: `guild ${guildOf(t)} running`,
          guildId: guildOf(t),
          from,
          to,
          weight: 1,
        })),
        cap('guild_running'),
      ),
      ...overCap(
        running.map(({ t, from, to }) => ({
          group: `member ${t.userId} running`,
          guildId: guildOf(t),
          from,
          to,
          weight: 1,
        })),
        cap('member_running'),
      ),
      ...overCap(
        held.map(({ t, from, to }) => ({
          group: `member ${t.userId} in ${guildOf(t)} today`,
          guildId: guildOf(t),
          from,
          to,
          weight: 1,
        })),
        cap('member_daily_tasks'),
      ),
      ...overCap(
        held.map(({ t, from, to }) => ({
          group: `guild ${guildOf(t)} spend`,
          guildId: guildOf(t),
          from,
          to,
          weight: (t.reservation?.amount.spend ?? 0) / 1_000_000,
        })),
        cap('guild_monthly_spend'),
      ),
    );
    checks.push(
      fail(
        'stored usage equals the tasks, no cap exceeded',
        problems,
        `${docs.length} usage documents match their tasks; running, daily and spend caps held at every instant`,
      ),
    );
  }

  // 4. Queue, slots and leases.
  {
    const problems = [...input.duringRun];
    const queue = await store.scan('queue:');
    const slots = await store.scan('slots:');
    if (queue.length) problems.push(`${queue.length} queue entries left`);
    if (slots.length) problems.push(`${slots.length} running slots left`);
    const queued = tasks.filter((t) => t.queuedAt).length;
    checks.push(
      fail(
        'no stuck queue entry, slot or lease',
        problems,
        `${queued} requests queued, each started or cancelled; no slot or lease left behind`,
      ),
    );
  }

  // 5. Processes, temp files, memory, logs.
  {
    const problems: string[] = [];
    for (const r of input.runs) {
      if (r.endedBy === 'exit' && r.exitCode !== 0)
        problems.push(`process ${r.pid} (slot ${r.slot}) exited by itself: code ${r.exitCode} ${r.exitSignal ?? ''}`);
      if (!r.readyAt && r.endedBy === 'exit') problems.push(`process ${r.pid} never became ready`);
    }
    checks.push(fail('no bot process crashed', problems, `${input.runs.length} process runs, none ended by itself`));
  }
  {
    const left: string[] = [];
    for (const dir of input.tempDirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir, { recursive: true }).map(String);
      } catch {
        continue;
      }
      // The media root itself may stay (empty); tsx keeps its compile cache in the temp folder.
      for (const n of names) if (n !== 'seedance-bot-media' && !n.startsWith('tsx-')) left.push(join(dir, n));
    }
    checks.push(fail('no temp file or directory left', left, `${input.tempDirs.length} temp folders empty`));
  }
  {
    const peaks = input.runs.map((r) => r.peakRssMb);
    const peak = Math.max(0, ...peaks);
    const over = input.runs
      .filter((r) => r.peakRssMb > input.peakRssLimitMb)
      .map((r) => `process ${r.pid}: ${r.peakRssMb.toFixed(0)} MB`);
    checks.push(
      fail('memory stayed bounded', over, `peak RSS ${peak.toFixed(0)} MB (limit ${input.peakRssLimitMb} MB)`),
    );
  }
  {
    const problems: string[] = [];
    let lines = 0;
    for (const r of input.runs) {
      let text = '';
      try {
        text = readFileSync(r.logFile, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        lines += 1;
        if (line.length > MAX_LOG_LINE) problems.push(`${r.logFile}: a line of ${line.length} characters`);
        for (const s of input.secrets)
          if (s && line.includes(s)) problems.push(`${r.logFile}: a secret (${s.slice(0, 3)}…)`);
        if (FILE_DATA.test(line)) problems.push(`${r.logFile}: file data: ${line.slice(0, 120)}`);
      }
    }
    checks.push(
      fail('no log line carries a secret or file data', [...new Set(problems)], `${lines} log lines scanned`),
    );
  }
  return checks;
}
