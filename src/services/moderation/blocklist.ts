/**
 * A server's prompt blocklist: terms matched case-insensitively, across full-width and half-width forms and
 * with accents stripped; whole words for scripts that separate words, substrings for CJK terms (Chinese,
 * Japanese and Korean text has no spaces to mark a word).
 */

/** Terms one server may block. */
export const MAX_BLOCKED_TERMS = 500;
export const MAX_TERM_LENGTH = 100;

/** NFKC (full-width → half-width, compatibility forms), accents dropped, lower case. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(term: string): (prompt: string) => boolean {
  const t = normalize(term);
  if (CJK.test(t)) return (p) => p.includes(t);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(t)}(?![\\p{L}\\p{N}])`, 'u');
  return (p) => re.test(p);
}

/** The first term of `terms` found in `prompt`, as the admin wrote it; undefined when none is. */
export function findBlockedTerm(prompt: string, terms: readonly string[]): string | undefined {
  if (!terms.length) return undefined;
  const p = normalize(prompt);
  return terms.find((term) => matcher(term)(p));
}

/** A term as it will be stored: trimmed; undefined when empty or too long. */
export function cleanTerm(raw: string): string | undefined {
  const term = raw.trim().replace(/\s+/g, ' ');
  return term && [...term].length <= MAX_TERM_LENGTH ? term : undefined;
}

/** Whether two terms are the same once normalized. */
export const sameTerm = (a: string, b: string) => normalize(a) === normalize(b);
