import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { type Locale, t } from '../../src/i18n/index.js';
import { familyRules } from '../../src/services/help/familyRules.js';
import { chartFontOptions } from '../../src/services/usage/chartFonts.js';
import { measureTextWidths } from '../../src/services/usage/textWidths.js';
import {
  type Box,
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartDay,
  chartFontFamily,
  renderUsageChart,
  usageChartLayout,
  usageChartSvg,
} from '../../src/services/usage/usageChart.js';

const days: ChartDay[] = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 9, 26 + i)).toISOString().slice(0, 10),
  byFamily: i % 3 ? { 'mini-sp': i, std: 1 } : ({} as Record<string, number>),
}));
const labels = {
  title: 'Videos <per> day',
  perDay: 'videos per day',
  monthSoFar: 'month so far',
  cap: 'monthly cap: 300',
};

describe('the usage chart', () => {
  it('stacks each day by family, dates every fifth day in the member language, labels escaped', () => {
    const svg = usageChartSvg({ days, month: '2026-11', monthlyCap: null, locale: 'en-US', labels });
    expect(svg).toContain('Videos &lt;per&gt; day');
    expect(svg).not.toContain('<per>');
    expect(svg).toContain('>Oct 26<');
    expect(svg).toContain('>Nov 24<');
    // 20 days with two families: 40 bars, and one legend swatch per family.
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#/g)).toHaveLength(42);
    expect(svg).not.toContain('stroke-dasharray="8 5"');
    expect(usageChartSvg({ days, month: '2026-11', monthlyCap: null, locale: 'zh-CN', labels })).toContain(
      '>11月24日<',
    );
  });
  it('draws the monthly cap as a dashed line, with the month so far (this month’s days only) against it', () => {
    const svg = usageChartSvg({ days, month: '2026-11', monthlyCap: 300, locale: 'en-US', labels });
    expect(svg).toContain('stroke-dasharray="8 5"');
    const line = /<polyline[^>]*points="([^"]+)"/.exec(svg)![1]!.split(' ');
    expect(line).toHaveLength(24); // 1 to 24 November
    expect(svg).toContain('monthly cap: 300');
  });
  it('renders a PNG of the announced size', () => {
    const png = renderUsageChart({ days, month: '2026-11', monthlyCap: 300, locale: 'en-US', labels });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});

/** Every catalog family on every day, and one the catalog no longer has. */
const FAMILY_IDS = [...new Set(MODELS.map((m) => m.family)), 'retired-family'];
const busyDays: ChartDay[] = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 9, 26 + i)).toISOString().slice(0, 10),
  byFamily: Object.fromEntries(FAMILY_IDS.map((f, j) => [f, (i + j) % 3])),
}));
const labelsIn = (locale: Locale, cap: number) => ({
  title: t(locale, 'usage.chart.title'),
  perDay: t(locale, 'usage.chart.perDay'),
  monthSoFar: t(locale, 'usage.chart.monthSoFar'),
  cap: t(locale, 'usage.chart.cap', { limit: cap }),
});
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The chart's pixels (RGBA, CHART_WIDTH wide), drawn as renderUsageChart draws it. */
const pixelsOf = (svg: string) =>
  new Resvg(svg, { font: chartFontOptions(), fitTo: { mode: 'original' } }).render().pixels;

describe('the chart’s legend', () => {
  it.each([['en-US'], ['zh-CN']] as Array<[Locale]>)(
    'names the families as /help does, never by their ids (%s)',
    (locale) => {
      const svg = usageChartSvg({
        days: busyDays,
        month: '2026-11',
        monthlyCap: 300,
        locale,
        labels: labelsIn(locale, 300),
      });
      for (const rules of familyRules()) {
        const name = t(locale, `usage.chart.family.${rules.family}`);
        expect(name).toBe(locale === 'zh-CN' ? rules.label.zh : rules.label.en);
        expect(svg).toContain(`>${name}<`);
        expect(svg).not.toContain(`>${rules.family}<`);
      }
      expect(svg).toContain(`>${t(locale, 'usage.chart.family.other')}<`);
      expect(svg).not.toContain('retired-family');
    },
  );
  it('shows Manxue video reference fast, SP official and MD in English and Chinese', () => {
    const few = [{ day: '2026-11-02', byFamily: { 'manxue-video-fast': 2, 'sp-official': 1, md: 4 } }];
    const en = usageChartLayout({ days: few, month: '2026-11', monthlyCap: null, locale: 'en-US', labels });
    expect(en.legend.map((e) => e.label)).toEqual(['Manxue video reference fast', 'SP official', 'MD']);
    const zh = usageChartLayout({ days: few, month: '2026-11', monthlyCap: null, locale: 'zh-CN', labels });
    expect(zh.legend.map((e) => e.label)).toEqual(['满血视频参考快速版', 'SP 官方版', 'MD']);
  });

  it.each([['en-US'], ['zh-CN'], ['ru'], ['ko']] as Array<[Locale]>)(
    'entries do not overlap, stay inside the image, and their text ends inside its box (%s)',
    (locale) => {
      const input = { days: busyDays, month: '2026-11', monthlyCap: 12_000, locale, labels: labelsIn(locale, 12_000) };
      const layout = usageChartLayout(input);
      expect(layout.legend).toHaveLength(FAMILY_IDS.length + 2); // every family, "other models", the two lines
      const boxes = layout.legend.map((e) => e.box);
      for (const [i, a] of boxes.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(CHART_WIDTH);
        expect(a.y + a.height).toBeLessThan(layout.plot.y);
        for (const b of boxes.slice(i + 1))
          expect(overlap(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(false);
      }
      // In the drawn image, nothing is inked in the gap after each entry's box: the text ends where measured.
      const px = pixelsOf(usageChartSvg(input));
      for (const { x, y, width, height } of boxes)
        for (let row = Math.floor(y); row < y + height; row++)
          for (let col = Math.ceil(x + width) + 2; col < Math.min(CHART_WIDTH, x + width + 18); col++) {
            const at = (row * CHART_WIDTH + col) * 4;
            expect(px[at]! + px[at + 1]! + px[at + 2]!, `ink at ${col},${row}`).toBeGreaterThan(3 * 240);
          }
    },
  );
});

describe('the monthly cap on its own axis', () => {
  it.each([
    [300, days],
    [40, days],
    [25, busyDays],
    [600, busyDays],
    [1_000, busyDays],
    [12, [{ day: '2026-11-01', byFamily: { std: 12 } }]],
  ] as Array<[number, ChartDay[]]>)('cap %i is never drawn on a daily gridline', (cap, d) => {
    const layout = usageChartLayout({ days: d, month: '2026-11', monthlyCap: cap, locale: 'en-US', labels });
    for (const g of layout.gridlines) expect(Math.abs(layout.right!.capY - g.y)).toBeGreaterThanOrEqual(10);
    // …and it still sits at its value on the right axis.
    const [t0, t1] = layout.right!.ticks;
    expect(layout.right!.capY).toBeCloseTo(t0!.y + ((t1!.y - t0!.y) * cap) / t1!.value, 5);
  });
  it.each([['en-US'], ['zh-CN']] as Array<[Locale]>)(
    'the right axis has a title, and the cap line its label (%s)',
    (locale) => {
      const svg = usageChartSvg({ days, month: '2026-11', monthlyCap: 300, locale, labels: labelsIn(locale, 300) });
      const title = t(locale, 'usage.chart.monthAxis');
      expect(svg).toMatch(new RegExp(`rotate\\(-90\\)[^>]*>${title}</text>`));
      // The cap's label twice: in the legend and on the line itself.
      expect(svg.split(`>${t(locale, 'usage.chart.cap', { limit: 300 })}<`)).toHaveLength(3);
      // The cap line spans the current month only (from 1 November), where the month-so-far line is.
      const layout = usageChartLayout({
        days,
        month: '2026-11',
        monthlyCap: 300,
        locale,
        labels: labelsIn(locale, 300),
      });
      expect(layout.right!.capFromX).toBeCloseTo(layout.days[6]!.x, 5);
      expect(layout.days[6]!.day).toBe('2026-11-01');
    },
  );
});

describe('text widths as drawn', () => {
  const family = chartFontFamily('en-US');
  it('measures wide letters wider than narrow ones, and CJK at about one em each', () => {
    const [narrow, wide, cjk, empty] = measureTextWidths(
      [
        { text: 'iiiiiiii', size: 13 },
        { text: 'WWWWWWWW', size: 13 },
        { text: '满血视频参考快速版', size: 20 },
        { text: '', size: 13 },
      ],
      family,
      chartFontOptions(),
    );
    expect(wide!).toBeGreaterThan(narrow! * 3);
    expect(cjk!).toBeGreaterThan(9 * 20 * 0.9);
    expect(cjk!).toBeLessThanOrEqual(9 * 20);
    expect(empty).toBe(0);
  });
});
