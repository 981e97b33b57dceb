import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartDay,
  renderUsageChart,
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
