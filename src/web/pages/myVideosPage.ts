/**
 * The My videos page: filters, one card per task (state, prompt, model and parameters, where, cost, video, a link to
 * delete its card), paging; and the confirmation page of Delete.
 */
import type { Locale } from '../../i18n/index.js';
import { wt } from '../../i18n/web/index.js';
import { costMicros, formatMoney, type PriceTable } from '../../services/usage/prices.js';
import type { TaskRecord, TaskState } from '../../services/tasks/taskRecord.js';
import { html, type SafeHtml } from '../escapeHtml.js';
import { MODEL_IDS } from '../../catalog/models.js';
import {
  DM_FILTER,
  type DeleteOutcome,
  mayDeleteCard,
  STATE_CHOICES,
  type VideoFilter,
  type VideoPage,
  videoLinkOf,
} from '../myVideos.js';
import { layout, type PageFrame } from './layout.js';

export interface MyVideosView {
  page: VideoPage;
  filter: VideoFilter;
  /** Server names from the member's OAuth guild list (a server not in it is shown as "another server"). */
  guildNames: ReadonlyMap<string, string>;
  prices?: PriceTable;
  now: number;
  /** Discord attachment URLs signed anew for this page (see myVideos.videoLinkOf). */
  resigned: ReadonlyMap<string, string>;
  /** Cards can be deleted from here (the bot gave the page a way to). */
  canDelete: boolean;
  /** What the last Delete did (after its redirect). */
  notice?: DeleteOutcome;
}

const cardUrl = (t: TaskRecord) =>
  t.messageId ? `https://discord.com/channels/${t.guildId ?? '@me'}/${t.channelId}/${t.messageId}` : undefined;

function guildName(locale: Locale, view: MyVideosView, guild: string): string {
  if (guild === DM_FILTER) return wt(locale, 'video.dm');
  return view.guildNames.get(guild) ?? wt(locale, 'video.unknownServer');
}

function parameters(t: TaskRecord): string {
  const r = t.request;
  return [`${r.duration} s`, r.resolution, r.ratio, r.orientation].filter(Boolean).join(' · ');
}

function cost(locale: Locale, t: TaskRecord, prices: PriceTable | undefined): string {
  const units =
    t.cost.billing === 'per_second'
      ? wt(locale, 'cost.seconds', { units: t.cost.units })
      : wt(locale, 'cost.tasks', { units: t.cost.units });
  const micros = costMicros(prices, t.model, t.cost);
  return micros !== undefined && prices ? `${units} · ${formatMoney(micros, prices.currency, locale)}` : units;
}

function videoCard(locale: Locale, view: MyVideosView, t: TaskRecord): SafeHtml {
  const link = videoLinkOf(t, view.now, view.resigned);
  const card = cardUrl(t);
  const media =
    link.kind === 'play'
      ? html`<video controls preload="metadata" src="${link.url}"></video>`
      : link.kind === 'expired'
        ? html`<p class="muted">${wt(locale, 'video.expired')}</p>`
        : html`<p class="muted">${wt(locale, 'video.notReady')}</p>`;
  return html`<li class="video" data-task="${t.id}">
<span class="state state-${t.state}">${wt(locale, `state.${t.state}` as const)}</span>
${media}
<p class="prompt">${t.request.prompt}</p>
<dl>
<dt>${wt(locale, 'filter.model')}</dt><dd>${t.model}</dd>
<dt>${wt(locale, 'video.parameters')}</dt><dd>${parameters(t)}</dd>
<dt>${wt(locale, 'filter.server')}</dt><dd>${guildName(locale, view, t.guildId ?? DM_FILTER)}</dd>
<dt>${wt(locale, 'video.channel')}</dt><dd>${t.channelId}</dd>
<dt>${wt(locale, 'video.cost')}</dt><dd>${cost(locale, t, view.prices)}</dd>
<dt>${wt(locale, 'video.created')}</dt><dd><time datetime="${new Date(t.createdAt).toISOString()}">${new Date(t.createdAt).toLocaleString(locale, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC</time></dd>
</dl>
${card ? html`<a href="${card}" rel="noopener noreferrer" target="_blank">${wt(locale, 'video.openCard')}</a>` : ''}
${view.canDelete && mayDeleteCard(t) ? html`<a class="delete" href="/videos/${t.id}/delete">${wt(locale, 'videos.delete')}</a>` : ''}
</li>`;
}

function select(
  name: string,
  label: string,
  any: string,
  current: string | undefined,
  options: Array<[string, string]>,
) {
  return html`<label>${label}<select name="${name}"><option value="">${any}</option>${options.map(
    ([value, text]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${text}</option>`,
  )}</select></label>`;
}

/** The page link with the same filters and another page number. */
function pageHref(filter: VideoFilter, page: number): string {
  const q = new URLSearchParams();
  for (const k of ['guild', 'state', 'model', 'q'] as const) if (filter[k]) q.set(k, filter[k]!);
  q.set('page', String(page));
  return `/videos?${q}`;
}

export function myVideosPage(frame: Omit<PageFrame, 'title'>, view: MyVideosView): string {
  const { locale } = frame;
  const { page, filter } = view;
  const any = wt(locale, 'filter.any');
  const states = STATE_CHOICES.map((s: TaskState): [string, string] => [s, wt(locale, `state.${s}` as const)]);
  // The servers of the member's sign-in (with direct messages), and one a filter names that is not among them.
  const guilds = [...new Set([...view.guildNames.keys(), DM_FILTER, ...(filter.guild ? [filter.guild] : [])])];
  const notice = view.notice
    ? html`<p class="notice" role="status">${wt(locale, `videos.delete.${view.notice}` as const)}</p>`
    : '';
  const body = html`<h1>${wt(locale, 'videos.title')}</h1>
<form class="filters" method="get" action="/videos">
${select(
  'guild',
  wt(locale, 'filter.server'),
  any,
  filter.guild,
  guilds.map((g) => [g, guildName(locale, view, g)]),
)}
${select('state', wt(locale, 'filter.state'), any, filter.state, states)}
${select(
  'model',
  wt(locale, 'filter.model'),
  any,
  filter.model,
  MODEL_IDS.map((m) => [m, m]),
)}
<label>${wt(locale, 'filter.search')}<input type="search" name="q" maxlength="200" value="${filter.q ?? ''}"></label>
<button type="submit">${wt(locale, 'filter.apply')}</button>
</form>
${notice}
${page.searched ? html`<p class="muted">${wt(locale, 'videos.searched', { count: page.searched })}</p>` : ''}
${page.items.length ? html`<ul class="videos">${page.items.map((t) => videoCard(locale, view, t))}</ul>` : html`<p>${wt(locale, 'videos.none')}</p>`}
${
  page.page > 1 || page.hasNext
    ? html`<nav class="pager">
${page.page > 1 ? html`<a rel="prev" href="${pageHref(filter, page.page - 1)}">${wt(locale, 'page.previous')}</a>` : ''}
<span>${wt(locale, 'videos.page', { page: page.page })}</span>
${page.hasNext ? html`<a rel="next" href="${pageHref(filter, page.page + 1)}">${wt(locale, 'page.next')}</a>` : ''}
</nav>`
    : ''
}`;
  return layout({ ...frame, title: wt(locale, 'videos.title') }, body);
}

/** Delete's confirmation: what is deleted, and a CSRF-protected form that does it (or a way back). */
export function deleteCardPage(frame: Omit<PageFrame, 'title'>, task: TaskRecord): string {
  const { locale } = frame;
  return layout(
    { ...frame, title: wt(locale, 'videos.deleteTitle') },
    html`<section class="notice">
<h1>${wt(locale, 'videos.deleteTitle')}</h1>
<p class="prompt">${task.request.prompt}</p>
<p>${wt(locale, 'videos.deleteConfirm')}</p>
<form method="post" action="/videos/${task.id}/delete"><input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}"><button type="submit" class="danger">${wt(locale, 'videos.delete')}</button> <a href="/videos">${wt(locale, 'videos.deleteCancel')}</a></form>
</section>`,
  );
}
