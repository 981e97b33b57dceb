/**
 * The console's usage chart as inline SVG, interactive without script: every bar (and every family's part of a
 * day's bar) carries a <title>, which browsers show on hover and screen readers read. Two views: the last 30 days
 * stacked by model family, or the month's top members. Colours come from the stylesheet (classes), not attributes.
 */
import { html, type SafeHtml } from '../escapeHtml.js';

const W = 760;
const H = 260;
const PAD = { left: 40, right: 10, top: 14, bottom: 40 };
const PALETTE = 8;

/** A round step for the value axis (1, 2 or 5 times a power of ten). */
function niceMax(max: number): number {
  if (max <= 5) return 5;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * pow >= max) return m * pow;
  return 10 * pow;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface FamilyChartInput {
  days: Array<{ day: string; byFamily: Record<string, number> }>;
  /** `{day} · {total}` for a day's bar, `{family}: {count}` for its parts. */
  dayTitle: (day: string, total: number) => string;
  partTitle: (family: string, count: number) => string;
  label: string;
}

/** The last days, one stacked bar a day by model family, with a legend. */
export function familyChart(input: FamilyChartInput): SafeHtml {
  const families = [...new Set(input.days.flatMap((d) => Object.keys(d.byFamily)))].sort();
  const totals = input.days.map((d) => Object.values(d.byFamily).reduce((a, b) => a + b, 0));
  const top = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, input.days.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const bars = input.days.map((d, i) => {
    const x = r1(PAD.left + i * slot + (slot - barW) / 2);
    let base = 0;
    const parts = families
      .filter((f) => (d.byFamily[f] ?? 0) > 0)
      .map((f) => {
        const v = d.byFamily[f]!;
        const rect = html`<rect class="c${families.indexOf(f) % PALETTE}" x="${x}" y="${r1(y(base + v))}" width="${r1(barW)}" height="${r1((v / top) * plotH)}"><title>${input.partTitle(f, v)}</title></rect>`;
        base += v;
        return rect;
      });
    // The whole day's column (also where a day without videos can be hovered).
    const hit = html`<rect class="hit" x="${r1(PAD.left + i * slot)}" y="${PAD.top}" width="${r1(slot)}" height="${plotH}"><title>${input.dayTitle(d.day, totals[i]!)}</title></rect>`;
    const label =
      i % 5 === 0 || i === input.days.length - 1
        ? html`<text class="axis" x="${r1(x + barW / 2)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${d.day.slice(5)}</text>`
        : '';
    return html`<g class="bar">${hit}${parts}${label}</g>`;
  });
  return html`<figure class="chart">
<svg role="img" aria-label="${input.label}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet">
${axis(top, y)}
${bars}
</svg>
<figcaption class="legend">${families.map((f, i) => html`<span><i class="swatch c${i % PALETTE}"></i>${f}</span>`)}</figcaption>
</figure>`;
}

export interface MemberChartInput {
  members: Array<{ userId: string; tasks: number; seconds: number }>;
  title: (userId: string, tasks: number, seconds: number) => string;
  label: string;
}

/** The month's top members, one bar each (videos), labelled by member id. */
export function memberChart(input: MemberChartInput): SafeHtml {
  const top = niceMax(Math.max(0, ...input.members.map((m) => m.tasks)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, input.members.length);
  const barW = Math.min(60, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const bars = input.members.map((m, i) => {
    const x = r1(PAD.left + i * slot + (slot - barW) / 2);
    return html`<g class="bar"><rect class="c${i % PALETTE}" x="${x}" y="${r1(y(m.tasks))}" width="${r1(barW)}" height="${r1((m.tasks / top) * plotH)}"><title>${input.title(m.userId, m.tasks, m.seconds)}</title></rect><text class="axis" x="${r1(x + barW / 2)}" y="${H - PAD.bottom + 16}" text-anchor="middle">…${m.userId.slice(-5)}</text></g>`;
  });
  return html`<figure class="chart">
<svg role="img" aria-label="${input.label}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet">
${axis(top, y)}
${bars}
</svg>
</figure>`;
}

function axis(top: number, y: (v: number) => number): SafeHtml {
  const ticks = [0, top / 2, top];
  return html`${ticks.map(
    (v) =>
      html`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${r1(y(v))}" y2="${r1(y(v))}"></line><text class="axis" x="${PAD.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${v}</text>`,
  )}`;
}
