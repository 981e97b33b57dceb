/**
 * The server console's pages: the list of servers the member manages, and one server's console (usage chart with
 * its view switch, the members' month with its CSV, the live queue, the settings and a form for each of them).
 */
import { MODEL_IDS } from '../../catalog/models.js';
import { RATIO_CHOICES, RESOLUTION_CHOICES } from '../../catalog/types.js';
import { formatMonth } from '../../i18n/dates.js';
import { type Locale, t } from '../../i18n/index.js';
import { wt } from '../../i18n/web/index.js';
import { activeGallery } from '../../services/gallery/gallerySettings.js';
import { formatMoney, type PriceTable } from '../../services/usage/prices.js';
import { LIMIT_NAMES, MEMBER_LIMIT_NAMES } from '../../services/usage/limits.js';
import type { MemberGuild } from '../discordOAuth.js';
import { html, type SafeHtml } from '../escapeHtml.js';
import { type ChartView, type ConsoleData, type ConsoleForm, MEMBERS_PER_PAGE, TOP_MEMBERS } from '../serverConsole.js';
import { layout, type PageFrame } from './layout.js';
import { familyChart, memberChart } from './usageSvg.js';

type Frame = Omit<PageFrame, 'title'>;

export function serverListPage(frame: Frame, guilds: MemberGuild[]): string {
  const { locale } = frame;
  return layout(
    { ...frame, title: wt(locale, 'console.servers') },
    html`<h1>${wt(locale, 'console.servers')}</h1>
${
  guilds.length
    ? html`<ul class="servers">${guilds.map((g) => html`<li><a href="/servers/${g.id}">${g.name}</a></li>`)}</ul>`
    : html`<p class="muted">${wt(locale, 'console.noServers')}</p>`
}`,
  );
}

export interface ConsolePageInput {
  guild: MemberGuild;
  data: ConsoleData;
  view: ChartView;
  page: number;
  prices?: PriceTable;
  now: number;
  /** After a saved change (the redirect's `saved`), or a refusal of the form just sent. */
  notice?: { kind: 'saved' | 'refused'; text: string; form?: ConsoleForm };
}

const limitLabel = (locale: Locale, name: (typeof LIMIT_NAMES)[number]) => t(locale, `limit.label.${name}`);

export function serverConsolePage(frame: Frame & { csrfToken: string }, input: ConsolePageInput): string {
  const { locale } = frame;
  const { guild, data } = input;
  const base = `/servers/${guild.id}`;
  return layout(
    { ...frame, title: guild.name },
    html`<p><a href="/servers">${wt(locale, 'console.servers')}</a></p>
<h1>${guild.name}</h1>
${
  input.notice
    ? html`<p class="${input.notice.kind === 'saved' ? 'saved' : 'refusal'}" role="${input.notice.kind === 'saved' ? 'status' : 'alert'}">${input.notice.text}</p>`
    : ''
}
${chartSection(locale, base, input)}
${membersSection(locale, base, input)}
${queueSection(locale, data, input.now)}
${settingsSection(locale, data)}
${formsSection(locale, base, frame.csrfToken, data)}`,
  );
}

function chartSection(locale: Locale, base: string, input: ConsolePageInput): SafeHtml {
  const { history, rows } = input.data;
  const total = history.days.reduce((a, d) => a + Object.values(d.byFamily).reduce((x, y) => x + y, 0), 0);
  const link = (view: ChartView, key: 'console.chart.byFamily' | 'console.chart.byMember') =>
    html`<a href="${base}?view=${view}"${input.view === view ? html` aria-current="true" class="current"` : ''}>${wt(locale, key)}</a>`;
  const chart =
    input.view === 'members'
      ? memberChart({
          members: rows
            .slice(0, TOP_MEMBERS)
            .map((r) => ({ userId: r.userId, tasks: r.counter.tasks, seconds: r.counter.seconds })),
          title: (user, tasks, seconds) => wt(locale, 'console.chart.memberValue', { user, tasks, seconds }),
          label: wt(locale, 'console.chart.byMember'),
        })
      : familyChart({
          days: history.days,
          dayTitle: (day, count) => wt(locale, 'console.chart.dayValue', { day, count }),
          partTitle: (family, count) => wt(locale, 'console.chart.familyValue', { family, count }),
          label: wt(locale, 'console.chart.title'),
        });
  return html`<section class="panel">
<h2>${wt(locale, 'console.chart.title')}</h2>
<nav class="switch">${link('family', 'console.chart.byFamily')}${link('members', 'console.chart.byMember')}</nav>
${chart}
<p class="muted">${wt(locale, 'console.chart.summary', { total, zone: history.timeZone })}</p>
</section>`;
}

function membersSection(locale: Locale, base: string, input: ConsolePageInput): SafeHtml {
  const { rows, month } = input.data;
  const pages = Math.max(1, Math.ceil(rows.length / MEMBERS_PER_PAGE));
  const page = Math.min(input.page, pages);
  const shown = rows.slice((page - 1) * MEMBERS_PER_PAGE, page * MEMBERS_PER_PAGE);
  const currency = input.prices?.currency;
  const href = (p: number) => `${base}?view=${input.view}&page=${p}`;
  return html`<section class="panel">
<h2>${wt(locale, 'console.members.title', { month: formatMonth(locale, month) })}</h2>
<p><a class="button" href="${base}/usage.csv" download>${wt(locale, 'console.members.csv')}</a></p>
${
  rows.length
    ? html`<table class="members">
<thead><tr><th>${wt(locale, 'console.members.member')}</th><th>${wt(locale, 'console.members.videos')}</th><th>${wt(locale, 'console.members.seconds')}</th><th>${wt(locale, 'console.members.refusals')}</th>${currency ? html`<th>${wt(locale, 'console.members.cost')}</th>` : ''}</tr></thead>
<tbody>${shown.map(
        (r) =>
          html`<tr><td>${r.userId}</td><td>${r.counter.tasks}</td><td>${r.counter.seconds}</td><td>${r.moderated}</td>${currency ? html`<td>${formatMoney(r.counter.spend ?? 0, currency, locale)}</td>` : ''}</tr>`,
      )}</tbody>
</table>
${
  pages > 1
    ? html`<nav class="pager">${page > 1 ? html`<a href="${href(page - 1)}">${wt(locale, 'page.previous')}</a>` : ''}<span>${wt(locale, 'page.position', { page, pages })}</span>${page < pages ? html`<a href="${href(page + 1)}">${wt(locale, 'page.next')}</a>` : ''}</nav>`
    : ''
}`
    : html`<p class="muted">${wt(locale, 'console.members.none')}</p>`
}
</section>`;
}

function queueSection(locale: Locale, data: ConsoleData, now: number): SafeHtml {
  const { queue } = data;
  const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
  return html`<section class="panel">
<h2>${wt(locale, 'console.queue.title')}</h2>
<p>${wt(locale, 'console.queue.counts', { running: queue.runningCount, waiting: queue.waitingCount })}</p>
${
  queue.running.length
    ? html`<h3>${wt(locale, 'console.queue.running')}</h3><ul class="queue">${queue.running.map(
        (r) =>
          html`<li><code>${r.task.id}</code> · ${r.task.userId} · ${r.task.model} · ${wt(locale, 'console.queue.since', { minutes: minutes(now - r.since) })}</li>`,
      )}</ul>`
    : ''
}
${
  queue.waiting.length
    ? html`<h3>${wt(locale, 'console.queue.waiting')}</h3><ol class="queue">${queue.waiting.map(
        (w) =>
          html`<li value="${w.place.position}"><code>${w.task.id}</code> · ${w.task.userId} · ${w.task.model} · ${wt(locale, 'console.queue.position', { position: w.place.position })}${w.place.startsAt !== undefined ? html` · ${wt(locale, 'console.queue.startsIn', { minutes: minutes(w.place.startsAt - now) })}` : ''}</li>`,
      )}</ol>`
    : ''
}
${queue.runningCount + queue.waitingCount === 0 ? html`<p class="muted">${wt(locale, 'console.queue.empty')}</p>` : ''}
</section>`;
}

function settingsSection(locale: Locale, data: ConsoleData): SafeHtml {
  const { effective: cfg, own } = data;
  const shownLimit = (v: number | null) => (v === null ? wt(locale, 'console.none') : String(v));
  const list = (items: string[]) => (items.length ? items.join(', ') : wt(locale, 'console.everywhere'));
  const gallery = activeGallery(own.gallery);
  return html`<section class="panel" id="settings">
<h2>${wt(locale, 'console.settings.title')}</h2>
<dl class="settings">
${LIMIT_NAMES.map(
  (name) =>
    html`<dt>${limitLabel(locale, name)}</dt><dd data-limit="${name}">${shownLimit(cfg.limits[name])}${own.limits && name in own.limits ? '' : html` <span class="muted">(${wt(locale, 'console.default')})</span>`}</dd>`,
)}
<dt>${wt(locale, 'console.settings.channels')}</dt><dd>${list(cfg.channels.map((c) => `#${c}`))}</dd>
<dt>${wt(locale, 'console.settings.role')}</dt><dd>${cfg.roleId ? `@${cfg.roleId}` : wt(locale, 'console.everyone')}</dd>
<dt>${wt(locale, 'console.settings.roleLimits')}</dt><dd>${
    Object.entries(own.roleLimits ?? {})
      .map(
        ([role, set]) =>
          `@${role}: ${Object.entries(set)
            .map(([n, v]) => `${n} = ${shownLimit(v ?? null)}`)
            .join(', ')}`,
      )
      .join('; ') || wt(locale, 'console.none')
  }</dd>
<dt>${wt(locale, 'console.settings.models')}</dt><dd>${cfg.enabledModels.join(', ')}</dd>
<dt>${wt(locale, 'console.settings.defaults')}</dt><dd>${
    Object.entries(cfg.defaults)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ') || wt(locale, 'console.none')
  }</dd>
<dt>${wt(locale, 'console.settings.timeZone')}</dt><dd>${cfg.timeZone}</dd>
<dt>${wt(locale, 'console.settings.blocklist')}</dt><dd>${cfg.blocklist.join(', ') || wt(locale, 'console.none')}</dd>
<dt>${wt(locale, 'console.settings.gallery')}</dt><dd>${
    gallery
      ? `#${gallery.channelId} (${gallery.kind}) · auto ${gallery.auto ? 'on' : 'off'} · digest ${gallery.digest ? 'on' : 'off'}`
      : wt(locale, 'console.none')
  }</dd>
</dl>
</section>`;
}

function formsSection(locale: Locale, base: string, csrf: string, data: ConsoleData): SafeHtml {
  const form = (name: ConsoleForm, title: string, fields: SafeHtml) =>
    html`<form class="setting" method="post" action="${base}/settings/${name}" id="form-${name}">
<h3>${title}</h3>
<input type="hidden" name="_csrf" value="${csrf}">
${fields}
<button type="submit">${wt(locale, 'console.save')}</button>
</form>`;
  const options = (values: readonly string[], label: (v: string) => string = (v) => v, empty?: string) =>
    html`${empty !== undefined ? html`<option value="">${empty}</option>` : ''}${values.map((v) => html`<option value="${v}">${label(v)}</option>`)}`;
  const text = (name: string, label: string, extra: SafeHtml = html``) =>
    html`<label>${label}<input name="${name}" maxlength="100" ${extra}></label>`;
  const select = (name: string, label: string, opts: SafeHtml) =>
    html`<label>${label}<select name="${name}">${opts}</select></label>`;
  const actionWords = {
    add: wt(locale, 'console.action.add'),
    remove: wt(locale, 'console.action.remove'),
    clear: wt(locale, 'console.action.clear'),
    enable: wt(locale, 'console.action.enable'),
    disable: wt(locale, 'console.action.disable'),
  } as Record<string, string>;
  const word = (v: string) => actionWords[v] ?? v;
  const onOff = (name: string, label: string) =>
    select(
      name,
      label,
      options(
        ['on', 'off'],
        (v) => wt(locale, v === 'on' ? 'console.on' : 'console.off'),
        wt(locale, 'console.unchanged'),
      ),
    );
  const limitHint = wt(locale, 'console.limitHint');
  return html`<section class="panel forms">
<h2>${wt(locale, 'console.forms.title')}</h2>
${form(
  'limit',
  wt(locale, 'console.forms.limit'),
  html`${select(
    'name',
    wt(locale, 'console.field.limit'),
    options(LIMIT_NAMES, (n) => limitLabel(locale, n as (typeof LIMIT_NAMES)[number])),
  )}
${text('value', wt(locale, 'console.field.value'), html`required placeholder="${limitHint}"`)}`,
)}
${form(
  'channel',
  wt(locale, 'console.forms.channel'),
  html`${select('action', wt(locale, 'console.field.action'), options(['add', 'remove', 'clear'], word))}
${text('channel', wt(locale, 'console.field.channelId'), html`inputmode="numeric"`)}`,
)}
${form('role', wt(locale, 'console.forms.role'), text('role', wt(locale, 'console.field.roleIdOrEmpty'), html`inputmode="numeric"`))}
${form(
  'role-limit',
  wt(locale, 'console.forms.roleLimit'),
  html`${text('role', wt(locale, 'console.field.roleId'), html`required inputmode="numeric"`)}
${select(
  'name',
  wt(locale, 'console.field.limit'),
  options(MEMBER_LIMIT_NAMES, (n) => limitLabel(locale, n as (typeof LIMIT_NAMES)[number])),
)}
${text('value', wt(locale, 'console.field.value'), html`required placeholder="${limitHint}"`)}`,
)}
${form(
  'model',
  wt(locale, 'console.forms.model'),
  html`${select('action', wt(locale, 'console.field.action'), options(['enable', 'disable'], word))}
${select('model', wt(locale, 'console.field.model'), options(MODEL_IDS))}`,
)}
${form(
  'defaults',
  wt(locale, 'console.forms.defaults'),
  html`${select('model', wt(locale, 'console.field.model'), options(MODEL_IDS, undefined, wt(locale, 'console.unchanged')))}
${select('ratio', wt(locale, 'console.field.ratio'), options(RATIO_CHOICES, undefined, wt(locale, 'console.unchanged')))}
${select('resolution', wt(locale, 'console.field.resolution'), options(RESOLUTION_CHOICES, undefined, wt(locale, 'console.unchanged')))}
<label>${wt(locale, 'console.field.duration')}<input name="duration" type="number" min="1" max="15"></label>
<label class="check"><input type="checkbox" name="reset">${wt(locale, 'console.field.reset')}</label>`,
)}
${form('timezone', wt(locale, 'console.forms.timeZone'), text('zone', wt(locale, 'console.field.zone'), html`required value="${data.effective.timeZone}"`))}
${form(
  'blocklist',
  wt(locale, 'console.forms.blocklist'),
  html`${select('action', wt(locale, 'console.field.action'), options(['add', 'remove'], word))}
${text('term', wt(locale, 'console.field.term'), html`required`)}`,
)}
${form(
  'gallery',
  wt(locale, 'console.forms.gallery'),
  html`${text('channel', wt(locale, 'console.field.galleryChannel'), html`inputmode="numeric"`)}
${onOff('auto', wt(locale, 'console.field.auto'))}
${onOff('digest', wt(locale, 'console.field.digest'))}
<label class="check"><input type="checkbox" name="off">${wt(locale, 'console.field.galleryOff')}</label>`,
)}
</section>`;
}
