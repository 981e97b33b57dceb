/**
 * The /usage server chart draws its labels with the machine's fonts (resvg): every character of every locale's
 * labels must come out as a glyph, not as the empty box a font without it draws. Each character is rasterized
 * alone with the chart's font list and compared with a character no font has (U+F0001, private use): the same
 * pixels mean a missing glyph. Chinese, Japanese and Korean need a CJK font (the Docker image and CI install
 * fonts-wqy-microhei); without one these locales are skipped with the reason printed, and fail under CI=true.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, t } from '../../src/i18n/index.js';
import { chartFontFamily, usageChartSvg } from '../../src/services/usage/usageChart.js';

const CELL = 40;
const escapeXml = (c: string) => c.replace(/[<>&]/g, (x) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[x]!);

/**
 * Rasterizes each character in its own 40 px cell of one image (the first cell holds U+F0001, which no font
 * has) with the chart's font list for `locale`; returns each cell's pixels, the missing-glyph cell first.
 */
function cells(chars: string[], locale: string): Buffer[] {
  const all = ['\u{F0001}', ...chars];
  const width = all.length * CELL;
  const texts = all
    .map((c, i) => `<text x="${i * CELL + 4}" y="30" font-size="24" fill="#000">${escapeXml(c)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${CELL}" font-family="${chartFontFamily(locale)}"><rect width="${width}" height="${CELL}" fill="#fff"/>${texts}</svg>`;
  const px = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;
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

/** Every text the chart draws for a locale: its four labels and its date and number labels. */
function chartText(locale: Locale): string {
  const labels = {
    title: t(locale, 'usage.chart.title'),
    perDay: t(locale, 'usage.chart.perDay'),
    monthSoFar: t(locale, 'usage.chart.monthSoFar'),
    cap: t(locale, 'usage.chart.cap', { limit: 12_000 }),
  };
  const days = Array.from({ length: 30 }, (_, i) => ({
    day: new Date(Date.UTC(2026, 9, 26 + i)).toISOString().slice(0, 10),
    byFamily: { std: i },
  }));
  const svg = usageChartSvg({ days, month: '2026-11', monthlyCap: 12_000, locale, labels });
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const cjkFont = missingGlyphs(['日', 'か', '한'], 'ja').length === 0;
if (!cjkFont)
  console.warn(
    'chartGlyphs: no CJK font on this machine (install fonts-wqy-microhei); zh-CN, zh-TW, ja and ko are skipped',
  );

describe('the chart draws every character of its labels in every locale', () => {
  it('tells a missing glyph from a drawn one (the check itself)', () => {
    const [none] = cells([], 'en-US');
    expect(inked(none!)).toBe(true); // the empty box is ink too: comparing with it is what tells them apart
    expect(missingGlyphs(['A', 'Ж', '\u{F0002}'], 'ru')).toEqual(['\u{F0002}']);
  });

  it.each(LOCALES.map((l) => [l]))('%s', (locale) => {
    const chars = [...new Set(chartText(locale).replace(/\s|&\w+;/g, ''))];
    const needsCjk = chars.some((c) => CJK.test(c));
    if (needsCjk && !cjkFont) {
      if (process.env.CI === 'true') throw new Error('no CJK font installed (fonts-wqy-microhei)');
      return;
    }
    expect(missingGlyphs(chars, locale)).toEqual([]);
    expect(chars.length).toBeGreaterThan(5);
  });
});
