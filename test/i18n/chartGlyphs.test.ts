/**
 * The /usage server chart draws its labels with the fonts the project ships (chartFonts.ts), not with whatever
 * the machine has: every character of every locale's chart texts must come out as a glyph of those fonts, not as
 * the empty box drawn for a character no font has. Each character is rasterized alone with the shipped fonts only
 * (no system fonts, so a machine with CJK fonts installed cannot hide a missing one) and compared with a
 * character no font has (U+F0001, private use): the same pixels mean a missing glyph. These tests fail when the
 * font packages are missing or lose a script the chart needs.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, t } from '../../src/i18n/index.js';
import { chartFontFiles, chartFontOptions } from '../../src/services/usage/chartFonts.js';
import { chartFontFamily, usageChartSvg } from '../../src/services/usage/usageChart.js';

const CELL = 40;
const escapeXml = (c: string) => c.replace(/[<>&]/g, (x) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[x]!);
const SHIPPED_ONLY = { loadSystemFonts: false, fontFiles: chartFontFiles() };

/** Pixels of `chars` drawn at 24 px, one per 40 px cell, with the chart's font list for `locale` and the given fonts. */
function draw(chars: string[], locale: string, font: ResvgRenderOptions) {
  const width = chars.length * CELL;
  const texts = chars
    .map((c, i) => `<text x="${i * CELL + 4}" y="30" font-size="24" fill="#000">${escapeXml(c)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${CELL}" font-family="${chartFontFamily(locale)}"><rect width="${width}" height="${CELL}" fill="#fff"/>${texts}</svg>`;
  return { width, px: new Resvg(svg, font).render().pixels };
}

/**
 * Rasterizes each character in its own 40 px cell of one image (the first cell holds U+F0001, which no font
 * has) with the shipped fonts only; returns each cell's pixels, the missing-glyph cell first.
 */
function cells(chars: string[], locale: string): Buffer[] {
  const all = ['\u{F0001}', ...chars];
  const { width, px } = draw(all, locale, { font: SHIPPED_ONLY });
  return all.map((_, i) =>
    Buffer.concat(
      Array.from({ length: CELL }, (_, row) =>
        px.subarray((row * width + i * CELL) * 4, (row * width + (i + 1) * CELL) * 4),
      ),
    ),
  );
}
/** The characters drawn as the missing-glyph box. */
function missingGlyphs(chars: string[], locale: string): string[] {
  const [none, ...drawn] = cells(chars, locale);
  return chars.filter((_, i) => drawn[i]!.equals(none!));
}
const inked = (px: Buffer) => px.some((v, i) => i % 4 !== 3 && v < 128);

/** Every text the chart draws for a locale: its labels, every family's name, its date and number labels. */
function chartText(locale: Locale): string {
  const labels = {
    title: t(locale, 'usage.chart.title'),
    perDay: t(locale, 'usage.chart.perDay'),
    monthSoFar: t(locale, 'usage.chart.monthSoFar'),
    cap: t(locale, 'usage.chart.cap', { limit: 12_000 }),
  };
  const families = ['manxue', 'manxue-fast', 'manxue-video', 'manxue-video-fast', 'sp-economy', 'sp-official'];
  const more = ['mini', 'mini-sp', 'md', 'fast-i2v', 'std', 'no-longer-in-the-catalog'];
  const days = Array.from({ length: 30 }, (_, i) => ({
    day: new Date(Date.UTC(2026, 9, 26 + i)).toISOString().slice(0, 10),
    byFamily: Object.fromEntries([...families, ...more].map((f, j) => [f, (i + j) % 4])),
  }));
  const svg = usageChartSvg({ days, month: '2026-11', monthlyCap: 12_000, locale, labels });
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

describe('the chart draws every character of its labels in every locale, with the fonts it ships', () => {
  it('tells a missing glyph from a drawn one (the check itself)', () => {
    const [none] = cells([], 'en-US');
    expect(inked(none!)).toBe(true); // the empty box is ink too: comparing with it is what tells them apart
    expect(missingGlyphs(['A', 'Ж', '视', 'か', '한', '\u{F0002}'], 'ru')).toEqual(['\u{F0002}']);
  });

  it.each(LOCALES.map((l) => [l]))('%s', (locale) => {
    const chars = [...new Set(chartText(locale).replace(/\s|&\w+;/g, ''))];
    expect(chars.length).toBeGreaterThan(5);
    expect(missingGlyphs(chars, locale)).toEqual([]);
  });

  it('draws Chinese, Japanese and Korean with the shipped fonts even where the machine has fonts of its own', () => {
    const chars = [...'视频數かな한국'];
    expect(chars.every((c) => CJK.test(c))).toBe(true);
    for (const locale of ['zh-CN', 'ko']) {
      const chart = draw(chars, locale, { font: chartFontOptions() }).px;
      // The same pixels as with the shipped fonts alone, and not the pixels of no font at all.
      expect(chart.equals(draw(chars, locale, { font: SHIPPED_ONLY }).px)).toBe(true);
      const noFonts = draw(chars, locale, { font: { loadSystemFonts: false, fontFiles: [] } }).px;
      expect(chart.equals(noFonts)).toBe(false);
    }
  });
});
