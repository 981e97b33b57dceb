/**
 * How wide texts come out with the fonts resvg really draws them with: each text is rasterized on its own row of
 * one image and its inked extent read back. Placing chart labels by these widths (not by a per-character guess)
 * keeps them from colliding in every script.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

export interface TextToMeasure {
  text: string;
  /** Font size in pixels. */
  size: number;
}

const escapeXml = (s: string) => s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

/** Canvas width: wider than any chart label can be. */
const CANVAS = 2000;
/** Where each text starts on its row, so a glyph reaching left of its origin is still counted. */
const X0 = 8;

/**
 * The width in pixels of each text as resvg draws it with `fontFamily` and `font` (from its left edge at the
 * text's x to the right edge of its last glyph); 0 for an empty text.
 */
export function measureTextWidths(
  texts: readonly TextToMeasure[],
  fontFamily: string,
  font: ResvgRenderOptions['font'],
): number[] {
  if (!texts.length) return [];
  const rows = texts.map((t) => Math.ceil(t.size * 2));
  const tops = rows.map((_, i) => rows.slice(0, i).reduce((a, b) => a + b, 0));
  const height = tops.at(-1)! + rows.at(-1)!;
  const body = texts
    .map(
      (t, i) =>
        `<text x="${X0}" y="${tops[i]! + Math.ceil(t.size * 1.4)}" font-size="${t.size}">${escapeXml(t.text)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${height}" font-family="${fontFamily.replace(/"/g, "'")}">${body}</svg>`;
  const px = new Resvg(svg, { font, fitTo: { mode: 'original' } }).render().pixels;
  return texts.map((_, i) => {
    let right = -1;
    for (let y = tops[i]!; y < tops[i]! + rows[i]!; y++)
      for (let x = CANVAS - 1; x > right; x--)
        if (px[(y * CANVAS + x) * 4 + 3]! > 0) {
          right = x;
          break;
        }
    return right < 0 ? 0 : right + 1 - X0;
  });
}
