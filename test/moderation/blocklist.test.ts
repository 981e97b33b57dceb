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
  });

  it('removes a term by its normalized form; an unknown one is said so', () => {
    const removed = changeBlocklist('remove', 'Ｇｏｒｅ', ['gore', 'nsfw']);
    if (!removed.ok) throw new Error('refused');
    expect(removed.apply({ blocklist: ['gore', 'nsfw'] }).blocklist).toEqual(['nsfw']);
    expect(changeBlocklist('remove', 'blood', ['gore'])).toMatchObject({ ok: false, key: 'admin.termUnknown' });
  });
});
