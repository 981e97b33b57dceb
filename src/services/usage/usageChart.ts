/**
 * The `/usage server` chart: videos per day over the last 30 days, stacked by model family, and with a
 * monthly cap the month so far against it on a right-hand axis. Drawn as an SVG string and rendered to PNG
 * by resvg (@resvg/resvg-js: prebuilt binaries from npm, no download at install time, no system libraries).
 */
import { Resvg } from '@resvg/resvg-js';

export interface ChartDay {
  /** `2026-11-24`, in the guild's time zone. */
  day: string;
  byFamily: Record<string, number>;
}

export interface UsageChartInput {
  days: ChartDay[];
  /** The current month (`2026-11`): its days are summed for the month-so-far line. */
  month: string;
  monthlyCap: number | null;
  /** BCP 47 locale for dates, numbers and the fonts asked for first (`en-US`, `ja`, `ru`). */
  locale: string;
  labels: { title: string; perDay: string; monthSoFar: string; cap: string };
}

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 520;

/**
 * Fonts in order of preference: DejaVu Sans draws Latin and Cyrillic; the CJK fonts draw Chinese, Japanese kana
 * and Korean Hangul (the Docker image carries WenQuanYi Micro Hei, which covers all three), each locale first
 * asking for the Noto CJK variant with its own glyph forms when the machine has it.
 */
const CJK_FIRST: Record<string, string> = { ja: 'JP', ko: 'KR', 'zh-TW': 'TC' };
export function chartFontFamily(locale: string): string {
  const variants = [...new Set([CJK_FIRST[locale], 'SC', 'JP', 'KR', 'TC'].filter(Boolean))];
  return [
    "'DejaVu Sans'",
    ...variants.map((v) => `'Noto Sans CJK ${v}'`),
    "'WenQuanYi Micro Hei'",
    "'Noto Sans'",
    'sans-serif',
  ].join(', ');
}
const PALETTE = [
  '#5865F2',
  '#57A773',
  '#F0A202',
  '#E4572E',
  '#17BEBB',
  '#B370B0',
  '#8C6D46',
  '#76B041',
  '#D7263D',
  '#4F6D7A',
  '#F49FBC',
  '#A0A0A0',
];

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

/** The chart as SVG text (exported for tests and for looking at it). */
export function usageChartSvg(input: UsageChartInput): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const withCap = input.monthlyCap !== null;
  const m = { left: 64, right: withCap ? 84 : 44, top: 92, bottom: 56 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const families = [...new Set(input.days.flatMap((d) => Object.keys(d.byFamily)))].sort();
  const color = (f: string) => PALETTE[families.indexOf(f) % PALETTE.length]!;
  const totals = input.days.map((d) => Object.values(d.byFamily).reduce((a, b) => a + b, 0));
  const step = niceStep(Math.max(1, ...totals));
  const yMax = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const y = (v: number) => m.top + plotH - (v / yMax) * plotH;
  const band = plotW / Math.max(1, input.days.length);
  const barW = Math.max(2, band * 0.7);
  const nf = new Intl.NumberFormat(input.locale);
  const df = new Intl.DateTimeFormat(input.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateOf = (day: string) => {
    const [yy, mm, dd] = day.split('-').map(Number);
    return df.format(new Date(Date.UTC(yy!, mm! - 1, dd!)));
  };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${chartFontFamily(input.locale)}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${m.left}" y="34" font-size="22" font-weight="bold" fill="#23272A">${escapeXml(input.labels.title)}</text>`,
  );
  // Left axis: videos per day, with gridlines.
  for (let v = 0; v <= yMax; v += step) {
    out.push(
      `<line x1="${m.left}" x2="${m.left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#E3E5E8" stroke-width="1"/>`,
      `<text x="${m.left - 8}" y="${(y(v) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#4F5660">${nf.format(v)}</text>`,
    );
  }
  out.push(
    `<text transform="translate(18 ${m.top + plotH / 2}) rotate(-90)" font-size="13" text-anchor="middle" fill="#4F5660">${escapeXml(input.labels.perDay)}</text>`,
  );
  // Stacked bars, one family above the other in a fixed order.
  input.days.forEach((d, i) => {
    let base = 0;
    const x = m.left + i * band + (band - barW) / 2;
    for (const f of families) {
      const v = d.byFamily[f] ?? 0;
      if (!v) continue;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${color(f)}"/>`,
      );
      base += v;
    }
    if (i % 5 === 0 || i === input.days.length - 1)
      out.push(
        `<text x="${(m.left + i * band + band / 2).toFixed(1)}" y="${m.top + plotH + 20}" font-size="12" text-anchor="middle" fill="#4F5660">${escapeXml(dateOf(d.day))}</text>`,
      );
  });
  out.push(
    `<line x1="${m.left}" x2="${m.left + plotW}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#99AAB5" stroke-width="1"/>`,
  );
  // Right axis: the month so far against the monthly cap.
  if (withCap) {
    const cap = input.monthlyCap!;
    let sum = 0;
    const points: string[] = [];
    input.days.forEach((d, i) => {
      if (!d.day.startsWith(`${input.month}-`)) return;
      sum += totals[i]!;
      points.push(`${(m.left + i * band + band / 2).toFixed(1)},${sum}`);
    });
    const rStep = niceStep(Math.max(cap, sum) * 1.1);
    const rMax = Math.max(rStep, Math.ceil((Math.max(cap, sum) * 1.1) / rStep) * rStep);
    const ry = (v: number) => m.top + plotH - (v / rMax) * plotH;
    for (let v = 0; v <= rMax; v += rStep)
      out.push(
        `<text x="${m.left + plotW + 8}" y="${(ry(v) + 4).toFixed(1)}" font-size="12" fill="#B3261E">${nf.format(v)}</text>`,
      );
    out.push(
      `<line x1="${m.left}" x2="${m.left + plotW}" y1="${ry(cap).toFixed(1)}" y2="${ry(cap).toFixed(1)}" stroke="#B3261E" stroke-width="2" stroke-dasharray="8 5"/>`,
    );
    if (points.length)
      out.push(
        `<polyline fill="none" stroke="#23272A" stroke-width="2.5" points="${points
          .map((p) => {
            const [px, v] = p.split(',');
            return `${px},${ry(Number(v)).toFixed(1)}`;
          })
          .join(' ')}"/>`,
      );
  }
  // Legend: the families, then the lines.
  let lx = m.left;
  const ly = 62;
  const legend = (swatch: string, label: string) => {
    out.push(swatch.replace(/\{x\}/g, String(lx)));
    out.push(`<text x="${lx + 20}" y="${ly + 5}" font-size="13" fill="#23272A">${escapeXml(label)}</text>`);
    // About 7.5 px per Latin character and 13 px per wide (CJK) one at 13 px.
    lx += 30 + [...label].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 13 : 7.5), 0);
  };
  for (const f of families) legend(`<rect x="{x}" y="${ly - 6}" width="14" height="12" fill="${color(f)}"/>`, f);
  if (withCap) {
    legend(
      `<line x1="{x}" x2="${lx + 14}" y1="${ly}" y2="${ly}" stroke="#23272A" stroke-width="2.5"/>`,
      input.labels.monthSoFar,
    );
    legend(
      `<line x1="{x}" x2="${lx + 14}" y1="${ly}" y2="${ly}" stroke="#B3261E" stroke-width="2" stroke-dasharray="4 3"/>`,
      input.labels.cap,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The chart as a PNG of CHART_WIDTH × CHART_HEIGHT pixels. */
export function renderUsageChart(input: UsageChartInput): Buffer {
  const svg = usageChartSvg(input);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
