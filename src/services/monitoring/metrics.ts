/**
 * The bot's Prometheus metrics (prom-client), on a registry of its own: what happens is counted as it
 * happens (upstream exchanges, deliveries, refusals, state changes); what is read at scrape time comes from
 * the store (open tasks by state, the queue) and the key pool (tasks in flight per key fingerprint).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { KeyState } from '../seedance/keyPool.js';
import { TASK_STATES } from '../tasks/stateMachine.js';

export interface MetricsSources {
  /** Open tasks (not yet told) by state, read from the store. */
  openTasksByState(): Promise<Record<string, number>>;
  /** The API keys (by fingerprint) with their tasks in flight. */
  keys(): KeyState[];
}

const PREFIX = 'seedance_bot_';

export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  // Process metrics, among them the event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  // Both gauges below read one scan of the open tasks per scrape.
  let scan: Promise<Record<string, number>> | undefined;
  const readScan = () => {
    scan ??= sources.openTasksByState().finally(() => {
      scan = undefined;
    });
    return scan;
  };
  new Gauge({
    name: `${PREFIX}tasks`,
    help: 'Open tasks (not yet shown to their member) by state, read from the store at scrape time',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await readScan();
      this.reset();
      for (const state of TASK_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: `${PREFIX}queue_length`,
    help: 'Requests waiting in a server queue for a running slot (all servers)',
    registers: [registry],
    async collect() {
      this.set((await readScan()).queued ?? 0);
    },
  });

  const transitions = new Counter({
    name: `${PREFIX}task_transitions_total`,
    help: 'Tasks that reached each state in this process',
    labelNames: ['state'],
    registers: [registry],
  });
  const upstreamRequests = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'HTTP requests to the video service by route (create, query) and outcome (ok or the error kind)',
    labelNames: ['route', 'outcome'],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: `${PREFIX}upstream_errors_total`,
    help: 'Failed requests to the video service by route and error kind',
    labelNames: ['route', 'kind'],
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Time of one HTTP request to the video service, by route',
    labelNames: ['route'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: `${PREFIX}deliveries_total`,
    help: 'Finished videos handed to members, by route (webhook, channel, new_message, dm) and mode (upload, link)',
    labelNames: ['route', 'mode'],
    registers: [registry],
  });
  const refused = new Counter({
    name: `${PREFIX}reservations_refused_total`,
    help: 'Requests refused before anything was reserved, by the limit that refused them',
    labelNames: ['limit'],
    registers: [registry],
  });
  const quotaFailures = new Counter({
    name: `${PREFIX}quota_failures_total`,
    help: 'Tasks failed because the video service account ran out of balance or quota, by key fingerprint (alert on any)',
    labelNames: ['key'],
    registers: [registry],
  });
  new Gauge({
    name: `${PREFIX}key_tasks_in_flight`,
    help: 'Tasks in flight in this process per API key (by key fingerprint, never the key)',
    labelNames: ['key'],
    registers: [registry],
    collect() {
      this.reset();
      for (const k of sources.keys()) this.set({ key: k.fingerprint }, k.inFlight);
    },
  });
  new Gauge({
    name: `${PREFIX}key_available`,
    help: '1 while an API key takes new tasks, 0 while it is set aside (refused or out of balance)',
    labelNames: ['key'],
    registers: [registry],
    collect() {
      this.reset();
      for (const k of sources.keys()) this.set({ key: k.fingerprint }, k.available ? 1 : 0);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    /** The Prometheus text of every metric. */
    scrape: () => registry.metrics(),
    /** One HTTP exchange with the video service (see SeedanceClientOptions.onExchange). */
    observeExchange(e: { route: 'create' | 'query'; ms: number; outcome: string }): void {
      upstreamRequests.inc({ route: e.route, outcome: e.outcome });
      if (e.outcome !== 'ok') upstreamErrors.inc({ route: e.route, kind: e.outcome });
      upstreamSeconds.observe({ route: e.route }, e.ms / 1000);
    },
    taskReached(state: string): void {
      transitions.inc({ state });
    },
    delivered(route: string, mode: string): void {
      deliveries.inc({ route, mode });
    },
    /** A task failed for the account's balance or quota (`key`: the fingerprint of its key, or `unknown`). */
    quotaFailure(key: string): void {
      quotaFailures.inc({ key });
    },
    /** `key`: the refusal's message key, `limit.<name>`. */
    refusedBy(key: string): void {
      refused.inc({ limit: key.startsWith('limit.') ? key.slice('limit.'.length) : key });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
