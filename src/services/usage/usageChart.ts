/**
 * The chart of `/video-admin usage chart`: videos per day over the last 30 days, stacked by model family (named as
 * admins know them, in their language), and with a monthly cap the month so far against it on a right-hand axis of
 * its own.
 * Laid out by the widths resvg really draws the labels with (`textWidths.ts`), with the fonts the project ships
 * (`chartFonts.ts`); drawn as an SVG string and rendered to PNG by resvg (@resvg/resvg-js: prebuilt binaries
 * from npm, no download at install time, no system libraries).
 */
import { Resvg } from '@resvg/resvg-js';
import { MODELS } from '../../catalog/models.js';
import type { Family } from '../../catalog/types.js';
import { resolveLocale, t } from '../../i18n/index.js';
import { chartFontFamily, chartFontOptions } from './chartFonts.js';
import { measureTextWidths } from './textWidths.js';

export { chartFontFamily } from './chartFonts.js';

export interface ChartDay {
  /** `2026-11-24`, in the guild's time zone. */
  day: string;
  /** Videos per model family (catalog family ids; anything else counts as "other models"). */
  byFamily: Record<string, number>;
}

export interface UsageChartInput {
  days: ChartDay[];
  /** The current month (`2026-11`): its days are summed for the month-so-far line. */
  month: string;
  monthlyCap: number | null;
  /** BCP 47 locale for dates, numbers, family names and the right axis' title (`en-US`, `ja`, `ru`). */
  locale: string;
  labels: { title: string; perDay: string; monthSoFar: string; cap: string };
}

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 520;

/** The families' colours (no red: red is the cap's); "other models" is always grey. */
const PALETTE = [
  '#5865F2',
  '#57A773',
  '#F0A202',
  '#E4572E',
  '#17BEBB',
  '#B370B0',
  '#8C6D46',
  '#76B041',
  '#2E86AB',
  '#4F6D7A',
  '#F49FBC',
];
const OTHER = '#A0A0A0';
const INK = '#23272A';
const MUTED = '#4F5660';
const CAP = '#B3261E';
const SIZE = { title: 22, legend: 13, tick: 12, axis: 13 } as const;
/** Legend: swatch width, gap to its text, gap between entries, row height. */
const LEGEND = { swatch: 14, gap: 6, space: 22, row: 22 } as const;
/** The cap line keeps at least this far (px) from every daily gridline, so it is never read as one. */
const CAP_CLEARANCE = 10;

/** The catalog's families in catalog order, then "other" for ids the catalog no longer has. */
const FAMILIES: Array<Family | 'other'> = [...new Set(MODELS.map((m) => m.family)), 'other'];
const chartFamilyOf = (id: string): Family | 'other' =>
  FAMILIES.includes(id as Family) ? (id as Family | 'other') : 'other';

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A round step for about `ticks` gridlines up to `max`. */
function niceStep(max: number, ticks = 5): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return Math.max(1, step);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LegendEntry {
  kind: 'family' | 'monthSoFar' | 'cap';
  label: string;
  color: string;
  /** Swatch and text together. */
  box: Box;
}
export interface Tick {
  value: number;
  y: number;
  label: string;
  width: number;
}

/** Where every part of the chart goes (exported for tests: boxes, gridlines, the cap's line). */
export interface UsageChartLayout {
  fontFamily: string;
  plot: Box;
  families: Array<{ id: Family | 'other'; name: string; color: string }>;
  /** Each day's videos per shown family, and in all. */
  days: Array<{ day: string; x: number; counts: Map<Family | 'other', number>; total: number }>;
  band: number;
  y: (v: number) => number;
  /** The left axis: videos per day, one gridline per tick. */
  gridlines: Tick[];
  legend: LegendEntry[];
  dateLabels: Array<{ x: number; label: string }>;
  /** The right axis, when there is a monthly cap: the month so far and the cap, with its own title. */
  right: null | {
    title: string;
    ticks: Tick[];
    capY: number;
    capFromX: number;
    capLabel: { text: string; width: number };
    monthLine: Array<{ x: number; y: number }>;
  };
}

/** Lays the chart out, measuring its labels with the fonts it is drawn with. */
export function usageChartLayout(input: UsageChartInput): UsageChartLayout {
  const locale = resolveLocale(input.locale);
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const fontFamily = chartFontFamily(input.locale);
  const nf = new Intl.NumberFormat(input.locale);
  const df = new Intl.DateTimeFormat(input.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateOf = (day: string) => {
    const [yy, mm, dd] = day.split('-').map(Number);
    return df.format(new Date(Date.UTC(yy!, mm! - 1, dd!)));
  };

  const counted = input.days.map((d) => {
    const counts = new Map<Family | 'other', number>();
    for (const [id, n] of Object.entries(d.byFamily))
      if (n > 0) counts.set(chartFamilyOf(id), (counts.get(chartFamilyOf(id)) ?? 0) + n);
    return { day: d.day, counts, total: [...counts.values()].reduce((a, b) => a + b, 0) };
  });
  const families = FAMILIES.filter((f) => counted.some((d) => d.counts.has(f))).map((id, i) => ({
    id,
    name: t(locale, `usage.chart.family.${id}`),
    color: id === 'other' ? OTHER : PALETTE[i % PALETTE.length]!,
  }));

  // Left scale: videos per day.
  const maxDay = Math.max(1, ...counted.map((d) => d.total));
  const step = niceStep(maxDay);
  const yMax = Math.max(step, Math.ceil(maxDay / step) * step);
  const leftValues = Array.from({ length: yMax / step + 1 }, (_, i) => i * step);

  // Right scale: the month so far against the cap; its top is settled once the plot's height is known.
  const cap = input.monthlyCap;
  const inMonth = counted.map((d) => d.day.startsWith(`${input.month}-`));
  const monthTotal = counted.reduce((a, d, i) => a + (inMonth[i] ? d.total : 0), 0);
  const rTop = Math.max(cap ?? 0, monthTotal, 1) * 1.15;
  const rStep = niceStep(rTop);
  // Candidate ticks: up to the first round top, and as many again for moving the top up (below).
  const rightCandidates =
    cap === null ? [] : Array.from({ length: 2 * Math.ceil(rTop / rStep) + 2 }, (_, i) => i * rStep);

  // Every label whose width placement depends on, measured at once.
  const legendItems: Array<Omit<LegendEntry, 'box'>> = [
    ...families.map((f) => ({ kind: 'family' as const, label: f.name, color: f.color })),
    ...(cap === null
      ? []
      : [
          { kind: 'monthSoFar' as const, label: input.labels.monthSoFar, color: INK },
          { kind: 'cap' as const, label: input.labels.cap, color: CAP },
        ]),
  ];
  const rightTitle = t(locale, 'usage.chart.monthAxis');
  const widths = measureTextWidths(
    [
      ...legendItems.map((l) => ({ text: l.label, size: SIZE.legend })),
      ...leftValues.map((v) => ({ text: nf.format(v), size: SIZE.tick })),
      ...rightCandidates.map((v) => ({ text: nf.format(v), size: SIZE.tick })),
      { text: input.labels.cap, size: SIZE.tick },
    ],
    fontFamily,
    chartFontOptions(),
  );
  const legendW = widths.slice(0, legendItems.length);
  const leftW = widths.slice(legendItems.length, legendItems.length + leftValues.length);
  const candidateW = widths.slice(legendItems.length + leftValues.length, -1);
  const capLabelW = widths.at(-1)!;

  const pad = 20;
  // Legend: entries left to right from the title's left edge, wrapping before the right margin.
  const legend: LegendEntry[] = [];
  let lx = pad;
  let row = 0;
  const legendTop = 50;
  legendItems.forEach((item, i) => {
    const width = LEGEND.swatch + LEGEND.gap + legendW[i]!;
    if (lx > pad && lx + width > W - pad) {
      row++;
      lx = pad;
    }
    legend.push({ ...item, box: { x: lx, y: legendTop + row * LEGEND.row, width, height: 16 } });
    lx += width + LEGEND.space;
  });
  const rows = legendItems.length ? row + 1 : 0;
  const top = legendTop + rows * LEGEND.row + 18;
  const bottom = H - 44;
  const plotH = bottom - top;

  // The cap's height against the daily gridlines': raise the right scale's top by half steps until the cap
  // line is well clear of every gridline (and of the plot's top edge).
  let rMax = Math.ceil(rTop / rStep) * rStep;
  for (let i = 0; cap !== null && i < 2 * Math.ceil(rTop / rStep); i++) {
    const capAt = (cap / rMax) * plotH;
    if ([...leftValues.map((v) => (v / yMax) * plotH)].every((g) => Math.abs(g - capAt) >= CAP_CLEARANCE)) break;
    rMax += rStep / 2;
  }
  const rightValues = rightCandidates.filter((v) => v <= rMax);
  const rightW = candidateW.slice(0, rightValues.length);

  const left = pad + SIZE.axis + 14 + Math.max(...leftW) + 8;
  const right = W - (cap === null ? 28 : 8 + Math.max(...rightW) + 14 + SIZE.axis + pad);
  const plot = { x: left, y: top, width: right - left, height: plotH };
  const y = (v: number) => plot.y + plot.height - (v / yMax) * plot.height;
  const band = plot.width / Math.max(1, counted.length);
  const xOf = (i: number) => plot.x + i * band;

  const gridlines = leftValues.map((v, i) => ({ value: v, y: y(v), label: nf.format(v), width: leftW[i]! }));
  const dateLabels = counted
    .map((d, i) => ({ i, x: xOf(i) + band / 2, label: dateOf(d.day) }))
    // Every fifth day, and the last one when it is not crowding the one before.
    .filter(({ i }) => i % 5 === 0 || (i === counted.length - 1 && i % 5 >= 3))
    .map(({ x, label }) => ({ x, label }));

  let rightAxis: UsageChartLayout['right'] = null;
  if (cap !== null) {
    const ry = (v: number) => plot.y + plot.height - (v / rMax) * plot.height;
    let sum = 0;
    const monthLine: Array<{ x: number; y: number }> = [];
    counted.forEach((d, i) => {
      if (!inMonth[i]) return;
      sum += d.total;
      monthLine.push({ x: xOf(i) + band / 2, y: ry(sum) });
    });
    const firstInMonth = inMonth.indexOf(true);
    rightAxis = {
      title: rightTitle,
      ticks: rightValues.map((v, i) => ({ value: v, y: ry(v), label: nf.format(v), width: rightW[i]! })),
      capY: ry(cap),
      capFromX: firstInMonth < 0 ? plot.x : xOf(firstInMonth),
      capLabel: { text: input.labels.cap, width: capLabelW },
      monthLine,
    };
  }
  return {
    fontFamily,
    plot,
    families,
    days: counted.map((d, i) => ({ ...d, x: xOf(i) })),
    band,
    y,
    gridlines,
    legend,
    dateLabels,
    right: rightAxis,
  };
}

const f1 = (n: number) => n.toFixed(1);

/** The chart as SVG text (exported for tests and for looking at it). */
export function usageChartSvg(input: UsageChartInput): string {
  const L = usageChartLayout(input);
  const { plot } = L;
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const text = (x: number, y: number, size: number, fill: string, s: string, extra = '') =>
    `<text x="${f1(x)}" y="${f1(y)}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(s)}</text>`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${L.fontFamily}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    text(20, 34, SIZE.title, INK, input.labels.title),
  ];
  // The current month's days, shaded: where the right axis' line and cap apply.
  if (L.right && L.right.capFromX > plot.x)
    out.push(
      `<rect fill="#F4F5F7" x="${f1(L.right.capFromX)}" y="${f1(plot.y)}" width="${f1(plot.x + plot.width - L.right.capFromX)}" height="${f1(plot.height)}"/>`,
    );
  // Left axis: videos per day, with gridlines.
  for (const g of L.gridlines)
    out.push(
      `<line x1="${f1(plot.x)}" x2="${f1(plot.x + plot.width)}" y1="${f1(g.y)}" y2="${f1(g.y)}" stroke="#E3E5E8" stroke-width="1"/>`,
      text(plot.x - 8, g.y + 4, SIZE.tick, MUTED, g.label, ' text-anchor="end"'),
    );
  out.push(
    `<text transform="translate(${20 + SIZE.axis / 2 + 4} ${f1(plot.y + plot.height / 2)}) rotate(-90)" font-size="${SIZE.axis}" text-anchor="middle" fill="${MUTED}">${escapeXml(input.labels.perDay)}</text>`,
  );
  // Stacked bars, one family above the other in catalog order.
  const barW = Math.max(2, L.band * 0.7);
  for (const d of L.days) {
    let base = 0;
    for (const f of L.families) {
      const v = d.counts.get(f.id) ?? 0;
      if (!v) continue;
      out.push(
        `<rect x="${f1(d.x + (L.band - barW) / 2)}" y="${f1(L.y(base + v))}" width="${f1(barW)}" height="${f1(L.y(base) - L.y(base + v))}" fill="${f.color}"/>`,
      );
      base += v;
    }
  }
  for (const dl of L.dateLabels)
    out.push(text(dl.x, plot.y + plot.height + 20, SIZE.tick, MUTED, dl.label, ' text-anchor="middle"'));
  out.push(
    `<line x1="${f1(plot.x)}" x2="${f1(plot.x + plot.width)}" y1="${f1(plot.y + plot.height)}" y2="${f1(plot.y + plot.height)}" stroke="#99AAB5" stroke-width="1"/>`,
  );
  // Right axis: the month so far against the monthly cap, with its own ticks and title (no gridlines).
  if (L.right) {
    const r = L.right;
    const ax = plot.x + plot.width;
    out.push(
      `<line x1="${f1(ax)}" x2="${f1(ax)}" y1="${f1(plot.y)}" y2="${f1(plot.y + plot.height)}" stroke="${INK}" stroke-width="1"/>`,
    );
    for (const tk of r.ticks)
      out.push(
        `<line x1="${f1(ax)}" x2="${f1(ax + 5)}" y1="${f1(tk.y)}" y2="${f1(tk.y)}" stroke="${INK}" stroke-width="1"/>`,
        text(ax + 8, tk.y + 4, SIZE.tick, INK, tk.label),
      );
    const titleX = ax + 8 + Math.max(...r.ticks.map((tk) => tk.width)) + 14 + SIZE.axis / 2;
    out.push(
      `<text transform="translate(${f1(titleX)} ${f1(plot.y + plot.height / 2)}) rotate(-90)" font-size="${SIZE.axis}" text-anchor="middle" fill="${INK}">${escapeXml(r.title)}</text>`,
      // A white band under the dashed line keeps it readable across the bars.
      `<line x1="${f1(r.capFromX)}" x2="${f1(ax)}" y1="${f1(r.capY)}" y2="${f1(r.capY)}" stroke="#ffffff" stroke-width="5"/>`,
      `<line x1="${f1(r.capFromX)}" x2="${f1(ax)}" y1="${f1(r.capY)}" y2="${f1(r.capY)}" stroke="${CAP}" stroke-width="2" stroke-dasharray="8 5"/>`,
      text(
        ax - 6,
        r.capY - 6,
        SIZE.tick,
        CAP,
        r.capLabel.text,
        ' text-anchor="end" stroke="#ffffff" stroke-width="3" paint-order="stroke"',
      ),
    );
    if (r.monthLine.length)
      out.push(
        `<polyline fill="none" stroke="${INK}" stroke-width="2.5" points="${r.monthLine.map((p) => `${f1(p.x)},${f1(p.y)}`).join(' ')}"/>`,
      );
  }
  // Legend: the families, then the lines.
  for (const e of L.legend) {
    const mid = e.box.y + e.box.height / 2;
    const sx = e.box.x;
    if (e.kind === 'family')
      out.push(`<rect x="${f1(sx)}" y="${f1(mid - 6)}" width="14" height="12" fill="${e.color}"/>`);
    else
      out.push(
        `<line x1="${f1(sx)}" x2="${f1(sx + LEGEND.swatch)}" y1="${f1(mid)}" y2="${f1(mid)}" stroke="${e.color}" stroke-width="${e.kind === 'cap' ? 2 : 2.5}"${e.kind === 'cap' ? ' stroke-dasharray="4 3"' : ''}/>`,
      );
    out.push(text(sx + LEGEND.swatch + LEGEND.gap, mid + 4.5, SIZE.legend, INK, e.label));
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The chart as a PNG of CHART_WIDTH × CHART_HEIGHT pixels, drawn with the shipped fonts. */
export function renderUsageChart(input: UsageChartInput): Buffer {
  const resvg = new Resvg(usageChartSvg(input), { font: chartFontOptions(), fitTo: { mode: 'original' } });
  return resvg.render().asPng();
}
