/**
 * The changes a member can make to their own settings, as pure functions checked against the model catalog:
 * each refused value is a message (in the validation's own keys, so the member reads the same rule as /video).
 */
import { findModel, MODEL_IDS, MODELS } from '../../catalog/models.js';
import type { ModelSpec, Ratio, Resolution } from '../../catalog/types.js';
import { type Message, message } from '../../i18n/index.js';
import type { MemberDefaults, MemberSettingsRecord } from './memberSettings.js';

export type MemberChange =
  | { ok: true; describe: string; apply: (s: MemberSettingsRecord) => MemberSettingsRecord }
  | { ok: false; problems: Message[] };

const takes = {
  ratio: (m: ModelSpec, v: string) => m.ratios.includes(v as Ratio),
  resolution: (m: ModelSpec, v: string) => m.resolution.allowed.includes(v as Resolution),
  duration: (m: ModelSpec, v: number) => Number.isInteger(v) && v >= m.duration.min && v <= m.duration.max,
};

/** What one value's refusal says on `m` (the model the member's defaults use). */
function refusal(m: ModelSpec, key: 'ratio' | 'resolution' | 'duration', value: string | number): Message {
  if (key === 'duration')
    return message('duration.range', {
      value,
      model: m.id,
      min: m.duration.min,
      max: m.duration.max,
      default: m.duration.default,
    });
  const allowed = (key === 'ratio' ? m.ratios : m.resolution.allowed).join(', ');
  return message(key === 'ratio' ? 'ratio.notAllowed' : 'resolution.notAllowed', { value, model: m.id, allowed });
}

/**
 * Sets the given defaults (after clearing every one when `reset`). Each value is checked against the model
 * the defaults will name (the new one, else the one kept); without a model, against every model of the catalog.
 */
export function setMemberDefaults(
  values: MemberDefaults,
  reset: boolean,
  current: Readonly<MemberSettingsRecord>,
): MemberChange {
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as MemberDefaults;
  const problems: Message[] = [];
  if (given.model !== undefined && !findModel(given.model))
    problems.push(message('model.unknown', { value: given.model, allowed: MODEL_IDS.join(', ') }));
  const modelId = given.model ?? (reset ? undefined : current.defaults?.model);
  const model = modelId ? findModel(modelId) : undefined;
  for (const key of ['ratio', 'resolution', 'duration'] as const) {
    const v = given[key];
    if (v === undefined) continue;
    const check = takes[key] as (m: ModelSpec, v: string | number) => boolean;
    if (model && !check(model, v)) problems.push(refusal(model, key, v));
    else if (!model && !MODELS.some((m) => check(m, v)))
      problems.push(message('field.invalid', { field: key, detail: String(v) }));
  }
  if (problems.length) return { ok: false, problems };
  const describe = `defaults ${reset ? 'reset, then ' : ''}${JSON.stringify(given)}`;
  return {
    ok: true,
    describe,
    apply: (s) => {
      const defaults = { ...(reset ? {} : s.defaults), ...given };
      const { defaults: _old, ...rest } = s;
      return Object.keys(defaults).length ? { ...rest, defaults } : rest;
    },
  };
}

/** Turns the DM notice on or off. */
export function setNotifyDm(on: boolean): MemberChange {
  return { ok: true, describe: `notify dm = ${on}`, apply: (s) => ({ ...s, notifyDm: on }) };
}
