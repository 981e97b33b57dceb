import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { findBlockedTerm } from '../../src/services/moderation/blocklist.js';
import {
  createOperatorBlocklist,
  type OperatorBlocklist,
  parseBlocklist,
} from '../../src/services/moderation/operatorBlocklist.js';

let dir: string;
let file: string;
let list: OperatorBlocklist | undefined;
const lines: string[] = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write: (c, _e, done) => {
      lines.push(String(c));
      done();
    },
  }),
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'operator-blocklist-'));
  file = join(dir, 'blocklist.txt');
  lines.length = 0;
});
afterEach(() => {
  list?.stop();
  list = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the file: one term a line', () => {
  it('skips blank lines and comments, cleans each term as an admin term, keeps repeats once', () => {
    const parsed = parseBlocklist(`# comment\n\n  car   crash  \r\nCAR CRASH\n血腥\n${'x'.repeat(101)}\n\u200b\n`);
    expect(parsed).toEqual({ terms: ['car crash', '血腥'], skipped: [6, 7] });
  });

  it('matches with the server rules (width, case, accents, whole words, CJK substrings)', () => {
    const { terms } = parseBlocklist('gore\n血腥\ncafé\n');
    expect(findBlockedTerm('ＧＯＲＥ，then more', terms)).toBe('gore');
    expect(findBlockedTerm('gorefest', terms)).toBeUndefined();
    expect(findBlockedTerm('这是血腥场面', terms)).toBe('血腥');
    expect(findBlockedTerm('a CAFE at night', terms)).toBe('café');
  });
});

describe('reading it', () => {
  it('an unreadable file at start is an error naming BLOCKLIST_FILE', () => {
    expect(() => createOperatorBlocklist({ path: join(dir, 'missing.txt'), logger })).toThrow(
      /BLOCKLIST_FILE: cannot read .*missing\.txt \(ENOENT\)/,
    );
  });

  it('is read again when the file changes, and a failed read keeps the list in use', async () => {
    writeFileSync(file, 'gore\n');
    list = createOperatorBlocklist({ path: file, logger, pollMs: 20 });
    list.watch();
    expect(list.terms()).toEqual(['gore']);
    writeFileSync(file, 'gore\nblood and more\n');
    const deadline = Date.now() + 5000;
    while (list.terms().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(list.terms()).toEqual(['gore', 'blood and more']);

    rmSync(file);
    expect(list.reload()).toBe(false);
    expect(list.terms()).toEqual(['gore', 'blood and more']);
    expect(lines.some((l) => l.includes('the list in use is kept'))).toBe(true);
    // Terms are never written to the log, only how many there are.
    expect(lines.some((l) => l.includes('blood and more'))).toBe(false);
  });
});
