import { describe, expect, it } from 'vitest';
import { changeBlocklist } from '../../src/services/guildConfig/settingsChanges.js';
import { findBlockedTerm, MAX_BLOCKED_TERMS } from '../../src/services/moderation/blocklist.js';

describe('a prompt matches a blocked term', () => {
  it.each([
    ['some nsfw scene', ['nsfw'], 'nsfw'],
    ['some ＮＳＦＷ scene', ['nsfw'], 'nsfw'],
    ['some NSFW scene', ['Nsfw'], 'Nsfw'],
    ['a café at night', ['cafe'], 'cafe'],
    ['a cafe at night', ['café'], 'café'],
    ['gore!', ['gore'], 'gore'],
    ['(gore)', ['gore'], 'gore'],
    ['a blood-red sky', ['blood'], 'blood'],
    ['a red car crash', ['car crash'], 'car crash'],
    ['一只血腥的狗', ['血腥'], '血腥'],
    ['c++ code', ['c++'], 'c++'],
    ['what (a|b) means', ['(a|b)'], '(a|b)'],
    ['price: $5.00 only', ['$5.00'], '$5.00'],
    ['ＧＯＲＥ，then more', ['gore'], 'gore'],
    ['"gore"', ['GORE'], 'GORE'],
    ['a CAFÉ', ['Cafe'], 'Cafe'],
    ['ｃａｆé time', ['cafe'], 'cafe'],
    ['a car\n  crash', ['car crash'], 'car crash'],
    ['ns\u200bfw art', ['nsfw'], 'nsfw'],
    ['die STRASSE', ['straße'], 'straße'],
    ['这是血腥场面', ['血腥'], '血腥'],
    ['ｴﾛ動画', ['エロ'], 'エロ'],
    ['ばかみたい', ['ばか'], 'ばか'],
    ['폭력적인 장면', ['폭력'], '폭력'],
    ['foo AV女優 bar', ['av女優'], 'av女優'],
    ['first gore then nsfw', ['nsfw', 'gore'], 'nsfw'],
  ])('%j with %j → %j', (prompt, terms, expected) => {
    expect(findBlockedTerm(prompt, terms)).toBe(expected);
  });

  it.each([
    ['a classic car', ['ass']],
    ['gorgeous', ['gore']],
    ['bloody', ['blood']],
    ['a red car', ['car crash']],
    ['a normal prompt', []],
    ['cxx code', ['c++']],
    ['a|b', ['(a|b)']],
    ['x5y00', ['5.00']],
    ['nsfwart', ['nsfw']],
    ['ｇｏｒｅｄ', ['gore']],
    // A kana's voicing mark is spelling, not an accent: はか (grave) is not ばか.
    ['はかない', ['ばか']],
    ['ハンバーグ', ['パン']],
    ['', ['gore']],
  ])('%j does not match %j', (prompt, terms) => {
    expect(findBlockedTerm(prompt, terms)).toBeUndefined();
  });
});

describe('changing the blocklist', () => {
  it('adds a term once (the same term in another case or width is already there)', () => {
    const add = changeBlocklist('add', '  NSFW ', []);
    expect(add.ok).toBe(true);
    if (!add.ok) return;
    const once = add.apply({});
    expect(once.blocklist).toEqual(['NSFW']);
    const again = changeBlocklist('add', 'ｎｓｆｗ', once.blocklist!);
    if (!again.ok) throw new Error('refused');
    expect(again.apply(once).blocklist).toEqual(['NSFW']);
  });

  it(`holds at most ${MAX_BLOCKED_TERMS} terms; empty and over-long terms are refused`, () => {
    const full = Array.from({ length: MAX_BLOCKED_TERMS }, (_, i) => `t${i}`);
    expect(changeBlocklist('add', 'one more', full)).toMatchObject({ ok: false, key: 'admin.blocklistFull' });
    expect(changeBlocklist('add', 't1', full).ok).toBe(true); // already there: nothing grows
    expect(changeBlocklist('add', '   ', [])).toMatchObject({ ok: false, key: 'admin.badTerm' });
    expect(changeBlocklist('add', 'x'.repeat(101), [])).toMatchObject({ ok: false, key: 'admin.badTerm' });
    expect(changeBlocklist('add', ` ${'x'.repeat(100)}  `, []).ok).toBe(true);
    // Invisible characters only would match every prompt.
    expect(changeBlocklist('add', '\u200b\u200d', [])).toMatchObject({ ok: false, key: 'admin.badTerm' });
  });

  it('says the list is full when another admin filled it between the read and the write', () => {
    const full = Array.from({ length: MAX_BLOCKED_TERMS }, (_, i) => `t${i}`);
    const add = changeBlocklist('add', 'late', full.slice(1));
    if (!add.ok) throw new Error('refused');
    const after = add.apply({ blocklist: full });
    expect(after.blocklist).toHaveLength(MAX_BLOCKED_TERMS);
    expect(add.refusedAfter?.(after)).toMatchObject({ ok: false, key: 'admin.blocklistFull' });
    expect(add.refusedAfter?.(add.apply({ blocklist: full.slice(1) }))).toBeUndefined();
  });

  it('removes a term by its normalized form; an unknown one is said so', () => {
    const removed = changeBlocklist('remove', 'Ｇｏｒｅ', ['gore', 'nsfw']);
    if (!removed.ok) throw new Error('refused');
    expect(removed.apply({ blocklist: ['gore', 'nsfw'] }).blocklist).toEqual(['nsfw']);
    expect(changeBlocklist('remove', 'blood', ['gore'])).toMatchObject({ ok: false, key: 'admin.termUnknown' });
  });
});
