/**
 * The operator's prompt blocklist (BLOCKLIST_FILE): a text file, one term a line, matched with the same rules as a
 * server's blocklist (blocklist.ts) and applied everywhere, servers included. Read at start (an unreadable file
 * stops the start: the operator asked for a list the bot cannot apply), then again when the file changes (its
 * size or time, looked at every `pollMs`, which also sees editors that replace the file and mounted volumes) or on
 * `reload()` (SIGHUP). A later read that fails keeps the list in use and says so in the log.
 */
import { readFileSync, type Stats, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Logger } from '../../logging/logger.js';
import { cleanTerm, sameTerm } from './blocklist.js';

export interface ParsedBlocklist {
  terms: string[];
  /** Lines (1-based) that hold nothing matchable or a term longer than a server's may be. */
  skipped: number[];
}

/** Blank lines and lines starting with `#` are skipped; each term is cleaned as an admin's; repeats kept once. */
export function parseBlocklist(text: string): ParsedBlocklist {
  const terms: string[] = [];
  const skipped: number[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const raw = line.trim();
    if (!raw || raw.startsWith('#')) continue;
    const term = cleanTerm(raw);
    if (term === undefined) skipped.push(i + 1);
    else if (!terms.some((x) => sameTerm(x, term))) terms.push(term);
  }
  return { terms, skipped };
}

export interface OperatorBlocklist {
  /** The terms in use now (a new array after each successful read). */
  terms(): readonly string[];
  /** Reads the file again; false (and the list kept) when it cannot be read. */
  reload(): boolean;
  /** Starts looking for changes of the file. */
  watch(): void;
  stop(): void;
}

export function createOperatorBlocklist(options: { path: string; logger: Logger; pollMs?: number }): OperatorBlocklist {
  const { path, logger } = options;
  /** The size and time of the file as last read: a change of either means read again. */
  let seen = '';
  const signature = (st: Stats) => `${st.size}:${st.mtimeMs}`;
  const read = (): readonly string[] => {
    const before = statSync(path);
    const parsed = parseBlocklist(readFileSync(path, 'utf8'));
    seen = signature(before);
    if (parsed.skipped.length)
      logger.warn(
        { file: path, lines: parsed.skipped.slice(0, 20) },
        'operator blocklist: lines skipped (empty or too long)',
      );
    logger.info({ file: path, terms: parsed.terms.length }, 'operator blocklist loaded');
    return Object.freeze(parsed.terms);
  };
  let current: readonly string[];
  try {
    current = read();
  } catch (err) {
    throw new Error(`BLOCKLIST_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const reload = () => {
    try {
      current = read();
      return true;
    } catch (err) {
      logger.error(
        { file: path, code: (err as NodeJS.ErrnoException).code },
        'operator blocklist could not be read again; the list in use is kept',
      );
      return false;
    }
  };
  // Compared with the file as last read (not with the previous look), so a change made between the read and the
  // first look is seen too. A missing file is left alone until it is back (the list in use stays).
  const look = () =>
    stat(path).then(
      (st) => {
        if (signature(st) !== seen) reload();
      },
      () => undefined,
    );
  let timer: NodeJS.Timeout | undefined;
  return {
    terms: () => current,
    reload,
    watch() {
      if (timer) return;
      timer = setInterval(() => void look(), options.pollMs ?? 2000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
