/**
 * Where a member goes back to after signing in: only a path of this site. Absolute URLs, scheme-relative
 * `//host`, backslashes (browsers read `/\host` as `//host`), control characters and anything that does not
 * start with a single `/` fall back to the default page: no open redirect.
 */
export const DEFAULT_PAGE = '/videos';

export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 512) return DEFAULT_PAGE;
  if (!raw.startsWith('/') || raw.startsWith('//')) return DEFAULT_PAGE;
  // Backslashes and control characters (tabs and newlines are dropped by URL parsers, turning `/\t/x` into `//x`).
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_PAGE;
  // Percent-encoded slashes or backslashes right after the first one could be decoded by a proxy into `//host`.
  if (/^\/(%2f|%5c)/i.test(raw)) return DEFAULT_PAGE;
  // Must resolve to our own origin and to the same path.
  const base = 'http://our.invalid';
  try {
    const url = new URL(raw, base);
    if (url.origin !== base) return DEFAULT_PAGE;
    return `${url.pathname}${url.search}`;
  } catch {
    return DEFAULT_PAGE;
  }
}
