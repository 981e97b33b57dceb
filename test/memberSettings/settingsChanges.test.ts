import { describe, expect, it } from 'vitest';
import { setMemberDefaults, setNotifyDm } from '../../src/services/memberSettings/settingsChanges.js';

describe('member defaults are checked against the catalog', () => {
  it('saves values the model takes, keeping the others unless reset', () => {
    const c = setMemberDefaults({ duration: 10 }, false, { defaults: { model: 'seedance2.0-sp', ratio: '16:9' } });
    expect(c.ok && c.apply({ defaults: { model: 'seedance2.0-sp', ratio: '16:9' } })).toEqual({
      defaults: { model: 'seedance2.0-sp', ratio: '16:9', duration: 10 },
    });
  });
  it('refuses an unknown model and values the chosen model does not take, each with its rule', () => {
    const c = setMemberDefaults({ model: 'seedance2.0-md', ratio: '21:9', duration: 16 }, false, {});
    expect(c.ok).toBe(false);
    expect(!c.ok && c.problems.map((p) => p.key)).toEqual(['ratio.notAllowed', 'duration.range']);
    const unknown = setMemberDefaults({ model: 'nope' }, false, {});
    expect(!unknown.ok && unknown.problems[0]!.key).toBe('model.unknown');
  });
  it('checks against the kept default model when none is given', () => {
    const c = setMemberDefaults({ resolution: '1080p' }, false, { defaults: { model: 'seedance2.0-md' } });
    expect(!c.ok && c.problems[0]!.key).toBe('resolution.notAllowed');
  });
  it('reset alone clears every default; notify keeps the defaults', () => {
    const reset = setMemberDefaults({}, true, { defaults: { duration: 5 } });
    expect(reset.ok && reset.apply({ defaults: { duration: 5 }, notifyDm: true })).toEqual({ notifyDm: true });
    const on = setNotifyDm(true);
    expect(on.ok && on.apply({ defaults: { duration: 5 } })).toEqual({ defaults: { duration: 5 }, notifyDm: true });
  });
});
