/**
 * The fonts the /usage chart is drawn with: shipped with the project (npm packages with OpenType files), so the
 * chart looks the same on every machine and never draws Chinese, Japanese or Korean as empty boxes. Noto Sans
 * S Chinese (@embedpdf/fonts-sc: GB 2312 and more, Traditional Chinese, kana, Latin, Cyrillic) and Noto Sans
 * Korean (@embedpdf/fonts-kr: Hangul) are loaded into resvg explicitly; the machine's fonts only fill in what
 * neither has.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The shipped fonts: the npm package, the file in its `fonts/` folder and the family name inside it. */
const SHIPPED = [
  { pkg: '@embedpdf/fonts-sc', file: 'NotoSansHans-Regular.otf', family: 'Noto Sans S Chinese' },
  { pkg: '@embedpdf/fonts-kr', file: 'NotoSansKR-Regular.otf', family: 'Noto Sans Korean' },
] as const;

const require = createRequire(import.meta.url);
let files: string[] | undefined;

/** The shipped font files' paths; throws, naming the package, when one is not installed. */
export function chartFontFiles(): string[] {
  files ??= SHIPPED.map(({ pkg, file }) => {
    let path: string;
    try {
      // The packages export their entry point only (dist/index.*); the fonts sit beside dist/.
      path = join(dirname(require.resolve(pkg)), '..', 'fonts', file);
    } catch {
      throw new Error(`the chart font package ${pkg} is not installed (npm ci)`);
    }
    if (!existsSync(path)) throw new Error(`the chart font ${file} is missing from ${pkg} (npm ci)`);
    return path;
  });
  return files;
}

/**
 * The SVG font-family list for a locale: the shipped fonts first (Korean first for `ko`, for its Hanja forms),
 * then common system fonts for anything they lack.
 */
export function chartFontFamily(locale: string): string {
  const shipped = SHIPPED.map((s) => s.family);
  if (locale === 'ko') shipped.reverse();
  return (
    [...shipped, 'DejaVu Sans', 'Noto Sans', 'WenQuanYi Micro Hei'].map((f) => `'${f}'`).join(', ') + ', sans-serif'
  );
}

/** resvg's font options: the shipped files, and the machine's fonts as a fallback. */
export function chartFontOptions() {
  return {
    fontFiles: chartFontFiles(),
    loadSystemFonts: true,
    defaultFontFamily: SHIPPED[0].family,
  };
}
