/**
 * The operator console page: servers' usage and estimated spend this month (paged), the queue's depth, the API
 * keys by fingerprint, recent failures by reason, the processes with their shards and leases. Numbers and ids only.
 */
import type { Locale } from '../../i18n/index.js';
import { wt } from '../../i18n/web/index.js';
import type { KeyState } from '../../services/seedance/keyPool.js';
import { formatMoney, type PriceTable } from '../../services/usage/prices.js';
import { html, type SafeHtml } from '../escapeHtml.js';
import type { ProcessRow, QueueDepth, RecentFailures, ServerUsage } from '../operatorConsole.js';
import { layout, type PageFrame } from './layout.js';

/** Servers per page. */
export const SERVERS_PER_PAGE = 50;

export interface OperatorView {
  servers: ServerUsage;
  /** 1-based, clamped to the pages there are. */
  page: number;
  queue: QueueDepth;
  keys: KeyState[];
  failures: RecentFailures;
  processes: ProcessRow[];
  prices?: PriceTable;
  /** Server names from the operator's own guild list (others show their id only). */
  guildNames: ReadonlyMap<string, string>;
  now: number;
}

export const pageCount = (servers: ServerUsage) => Math.max(1, Math.ceil(servers.rows.length / SERVERS_PER_PAGE));

const num = (locale: Locale, n: number) => new Intl.NumberFormat(locale).format(n);
const time = (locale: Locale, at: number) =>
  `${new Date(at).toLocaleString(locale, { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'medium' })} UTC`;

function serversSection(locale: Locale, view: OperatorView): SafeHtml {
  const { servers, prices } = view;
  const pages = pageCount(servers);
  const rows = servers.rows.slice((view.page - 1) * SERVERS_PER_PAGE, view.page * SERVERS_PER_PAGE);
  const spend = (micros: number | undefined) => (prices ? formatMoney(micros ?? 0, prices.currency, locale) : '—');
  return html`<section class="operator-section" id="servers">
<h2>${wt(locale, 'operator.servers')}</h2>
<p class="muted">${prices ? wt(locale, 'operator.serversNote', { currency: prices.currency }) : wt(locale, 'operator.noPrices')}</p>
${servers.capped ? html`<p class="muted">${wt(locale, 'operator.serversCapped', { count: servers.rows.length })}</p>` : ''}
${
  rows.length
    ? html`<table class="figures">
<thead><tr><th>${wt(locale, 'operator.server')}</th><th>${wt(locale, 'operator.month')}</th><th>${wt(locale, 'operator.videos')}</th><th>${wt(locale, 'operator.seconds')}</th><th>${wt(locale, 'operator.spend')}</th><th>${wt(locale, 'operator.running')}</th><th>${wt(locale, 'operator.waiting')}</th></tr></thead>
<tbody>${rows.map(
        (r) =>
          html`<tr data-guild="${r.guildId}"><td>${
            view.guildNames.has(r.guildId)
              ? html`${view.guildNames.get(r.guildId)} <span class="muted">${r.guildId}</span>`
              : r.guildId
          }</td><td>${r.month}</td><td class="n">${num(locale, r.counter.tasks)}</td><td class="n">${num(locale, r.counter.seconds)}</td><td class="n spend">${spend(r.counter.spend)}</td><td class="n">${num(locale, r.running)}</td><td class="n">${num(locale, r.queued)}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>${wt(locale, 'operator.noServers')}</p>`
}
<p><a href="/operator/servers.csv" download>${wt(locale, 'operator.csv')}</a></p>
${
  pages > 1
    ? html`<nav class="pager">
${view.page > 1 ? html`<a rel="prev" href="/operator?page=${view.page - 1}#servers">${wt(locale, 'page.previous')}</a>` : ''}
<span>${wt(locale, 'page.position', { page: view.page, pages })}</span>
${view.page < pages ? html`<a rel="next" href="/operator?page=${view.page + 1}#servers">${wt(locale, 'page.next')}</a>` : ''}
</nav>`
    : ''
}
</section>`;
}

function queueSection(locale: Locale, q: QueueDepth): SafeHtml {
  const count = (n: number) => (q.capped ? wt(locale, 'operator.atLeast', { count: num(locale, n) }) : num(locale, n));
  return html`<section class="operator-section" id="queue">
<h2>${wt(locale, 'operator.queue')}</h2>
<p class="muted">${wt(locale, 'operator.queueNote')}</p>
<dl class="totals"><dt>${wt(locale, 'operator.waiting')}</dt><dd data-figure="waiting">${count(q.waiting)}</dd><dt>${wt(locale, 'operator.running')}</dt><dd data-figure="running">${count(q.running)}</dd></dl>
</section>`;
}

function keyState(locale: Locale, k: KeyState): string {
  if (k.available) return wt(locale, 'operator.keyAvailable');
  const until = k.asideUntil ? time(locale, k.asideUntil) : '—';
  return k.asideFor === 'auth' ? wt(locale, 'operator.keyAuth', { until }) : wt(locale, 'operator.keyQuota', { until });
}

function keysSection(locale: Locale, keys: KeyState[]): SafeHtml {
  return html`<section class="operator-section" id="keys">
<h2>${wt(locale, 'operator.keys')}</h2>
<p class="muted">${wt(locale, 'operator.keysNote')}</p>
<table class="figures">
<thead><tr><th>${wt(locale, 'operator.fingerprint')}</th><th>${wt(locale, 'operator.keyState')}</th><th>${wt(locale, 'operator.inFlight')}</th></tr></thead>
<tbody>${keys.map(
    (k) =>
      html`<tr data-key="${k.fingerprint}"><td><code>${k.fingerprint}</code></td><td class="${k.available ? 'ok' : 'bad'}">${keyState(locale, k)}</td><td class="n">${num(locale, k.inFlight)}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function failuresSection(locale: Locale, f: RecentFailures): SafeHtml {
  return html`<section class="operator-section" id="failures">
<h2>${wt(locale, 'operator.failures')}</h2>
<p class="muted">${wt(locale, 'operator.failuresNote', { hours: Math.round(f.windowMs / 3_600_000), finished: f.finished, failed: f.failed })}</p>
${f.truncated ? html`<p class="muted">${wt(locale, 'operator.failuresTruncated', { count: f.finished })}</p>` : ''}
${
  f.byReason.length
    ? html`<table class="figures">
<thead><tr><th>${wt(locale, 'operator.reason')}</th><th>${wt(locale, 'operator.count')}</th></tr></thead>
<tbody>${f.byReason.map((r) => html`<tr data-reason="${r.reason}"><td><code>${r.reason}</code></td><td class="n">${num(locale, r.count)}</td></tr>`)}</tbody>
</table>`
    : html`<p>${wt(locale, 'operator.noFailures')}</p>`
}
</section>`;
}

function processesSection(locale: Locale, rows: ProcessRow[], now: number): SafeHtml {
  const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));
  return html`<section class="operator-section" id="processes">
<h2>${wt(locale, 'operator.processes')}</h2>
<p class="muted">${wt(locale, 'operator.processesNote')}</p>
<table class="figures">
<thead><tr><th>${wt(locale, 'operator.process')}</th><th>${wt(locale, 'operator.shards')}</th><th>${wt(locale, 'operator.heartbeat')}</th><th>${wt(locale, 'operator.lease')}</th></tr></thead>
<tbody>${rows.map(
    (p) =>
      html`<tr data-process="${p.processId}"><td><code>${p.processId}</code>${p.self ? html` <span class="muted">(${wt(locale, 'operator.thisProcess')})</span>` : ''}</td><td>${
        p.shards ? wt(locale, 'operator.shardsOf', { ids: p.shards.ids.join(', '), count: p.shards.count }) : '—'
      }</td><td>${p.heartbeatAt !== undefined ? wt(locale, 'operator.secondsAgo', { seconds: seconds(now - p.heartbeatAt) }) : '—'}</td><td>${
        p.leaseUntil === undefined
          ? '—'
          : p.leaseUntil > now
            ? wt(locale, 'operator.leaseLive', { seconds: seconds(p.leaseUntil - now) })
            : wt(locale, 'operator.leaseEnded')
      }</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

export function operatorPage(frame: Omit<PageFrame, 'title'>, view: OperatorView): string {
  const { locale } = frame;
  const body = html`<h1>${wt(locale, 'operator.title')}</h1>
${serversSection(locale, view)}
${queueSection(locale, view.queue)}
${keysSection(locale, view.keys)}
${failuresSection(locale, view.failures)}
${processesSection(locale, view.processes, view.now)}`;
  return layout({ ...frame, title: wt(locale, 'operator.title') }, body);
}
