/**
 * A server's prompt blocklist: terms matched case-insensitively, across full-width and half-width forms and
 * with accents stripped; whole words for scripts that separate words, substrings for CJK terms (Chinese,
 * Japanese and Korean text has no spaces to mark a word).
 */

/** Terms one server may block. */
export const MAX_BLOCKED_TERMS = 500;
export const MAX_TERM_LENGTH = 100;

/**
 * Letters whose combining marks are accents (é, ñ, ü, й): dropped. Elsewhere a mark is part of the spelling
 * (Japanese ば is not は, Hindi vowel signs), so it stays.
 */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
/** Invisible characters (zero-width space and joiners, soft hyphen, direction marks) that would split a word. */
const INVISIBLE = /\p{Cf}+/gu;

/** NFKC (full-width → half-width, compatibility forms), accents and invisible characters dropped, lower case. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(ACCENTED, '$1')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .normalize('NFC');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Neither side of a whole word may touch a letter, digit or mark of the same word. */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}\\p{M}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}\\p{M}])';

/** One term as a pattern over normalized text; any run of spaces in it matches any run of white space. */
function pattern(term: string): RegExp {
  const t = normalize(term).trim();
  const body = t.split(/\s+/).map(escapeRegex).join('\\s+');
  return new RegExp(CJK.test(t) ? body : `${NOT_AFTER_WORD}${body}${NOT_BEFORE_WORD}`, 'u');
}

/** Compiled patterns per list: a server's list is read once per cache period and checked on every request. */
const compiled = new WeakMap<readonly string[], RegExp[]>();

/**
 * The first term of `terms` found in `prompt`, as the admin wrote it; undefined when none is. `terms` is
 * treated as immutable (its patterns are kept for as long as the list itself).
 */
export function findBlockedTerm(prompt: string, terms: readonly string[]): string | undefined {
  if (!terms.length) return undefined;
  let patterns = compiled.get(terms);
  if (!patterns) {
    patterns = terms.map(pattern);
    compiled.set(terms, patterns);
  }
  const p = normalize(prompt);
  const i = patterns.findIndex((re) => re.test(p));
  return i < 0 ? undefined : terms[i];
}

/**
 * A term as it will be stored: trimmed, inner white space as one space; undefined when too long or when
 * nothing of it is left to match (empty, or only invisible characters, which would match everywhere).
 */
export function cleanTerm(raw: string): string | undefined {
  const term = raw.trim().replace(/\s+/g, ' ');
  return normalize(term).trim() && [...term].length <= MAX_TERM_LENGTH ? term : undefined;
}

/** Whether two terms are the same once normalized. */
export const sameTerm = (a: string, b: string) => normalize(a) === normalize(b);
