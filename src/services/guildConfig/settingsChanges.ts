/** The changes an admin can make, as pure functions from settings to settings (plain inputs, no Discord). */
import { findModel } from '../../catalog/models.js';
import { cleanTerm, MAX_BLOCKED_TERMS, sameTerm } from '../moderation/blocklist.js';
import type { GuildSettings } from './settingsStore.js';
import { type LimitName, type MemberLimitName, parseLimitValue } from '../usage/limits.js';
import { isValidTimeZone } from '../usage/periods.js';

export type ChangeRefused = {
  ok: false;
  key:
    | 'admin.badLimit'
    | 'admin.badZone'
    | 'admin.badModel'
    | 'admin.needChannel'
    | 'admin.badTerm'
    | 'admin.blocklistFull'
    | 'admin.termUnknown';
  value: string;
};

export type Change =
  | {
      ok: true;
      describe: string;
      apply: (s: GuildSettings) => GuildSettings;
      /**
       * What the change turned out to refuse once applied to the stored settings, which may have moved since
       * they were read (another admin filled the blocklist meanwhile); the stored settings are then unchanged.
       */
      refusedAfter?: (after: GuildSettings) => ChangeRefused | undefined;
    }
  | ChangeRefused;

export function setLimit(name: LimitName, raw: string): Change {
  const value = raw.trim().toLowerCase();
  if (value === 'default') {
    return {
      ok: true,
      describe: `${name} = default`,
      apply: (s) => {
        const limits = { ...s.limits };
        delete limits[name];
        return { ...s, limits };
      },
    };
  }
  const parsed = parseLimitValue(value);
  if (parsed === undefined) return { ok: false, key: 'admin.badLimit', value: raw };
  return {
    ok: true,
    describe: `${name} = ${parsed ?? 'none'}`,
    apply: (s) => ({ ...s, limits: { ...s.limits, [name]: parsed } }),
  };
}

/** A member limit for members holding `roleId`: a number, `none` (no limit) or `default` (the server's value). */
export function setRoleLimit(roleId: string, name: MemberLimitName, raw: string): Change {
  const value = raw.trim().toLowerCase();
  const without = (s: GuildSettings) => {
    const forRole = { ...s.roleLimits?.[roleId] };
    delete forRole[name];
    const roleLimits = { ...s.roleLimits, [roleId]: forRole };
    if (!Object.keys(forRole).length) delete roleLimits[roleId];
    return roleLimits;
  };
  if (value === 'default') {
    return { ok: true, describe: `<@&${roleId}> ${name} = default`, apply: (s) => ({ ...s, roleLimits: without(s) }) };
  }
  const parsed = parseLimitValue(value);
  if (parsed === undefined) return { ok: false, key: 'admin.badLimit', value: raw };
  return {
    ok: true,
    describe: `<@&${roleId}> ${name} = ${parsed ?? 'none'}`,
    apply: (s) => ({ ...s, roleLimits: { ...s.roleLimits, [roleId]: { ...s.roleLimits?.[roleId], [name]: parsed } } }),
  };
}

export function changeChannels(action: 'add' | 'remove' | 'clear', channelId?: string): Change {
  if (action === 'clear')
    return { ok: true, describe: 'channels = everywhere', apply: (s) => ({ ...s, channels: [] }) };
  if (!channelId) return { ok: false, key: 'admin.needChannel', value: '' };
  return action === 'add'
    ? {
        ok: true,
        describe: `channels + ${channelId}`,
        apply: (s) => ({ ...s, channels: [...new Set([...(s.channels ?? []), channelId])] }),
      }
    : {
        ok: true,
        describe: `channels - ${channelId}`,
        apply: (s) => ({ ...s, channels: (s.channels ?? []).filter((c) => c !== channelId) }),
      };
}

export function changeModel(action: 'enable' | 'disable', modelId: string): Change {
  const model = findModel(modelId);
  if (!model) return { ok: false, key: 'admin.badModel', value: modelId };
  return action === 'disable'
    ? {
        ok: true,
        describe: `model ${model.id} disabled`,
        apply: (s) => ({ ...s, disabledModels: [...new Set([...(s.disabledModels ?? []), model.id])] }),
      }
    : {
        ok: true,
        describe: `model ${model.id} enabled`,
        apply: (s) => ({ ...s, disabledModels: (s.disabledModels ?? []).filter((m) => m !== model.id) }),
      };
}

export function setDefaults(
  values: { model?: string; ratio?: string; resolution?: string; duration?: number },
  reset: boolean,
): Change {
  if (values.model && !findModel(values.model)) return { ok: false, key: 'admin.badModel', value: values.model };
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null));
  return {
    ok: true,
    describe: `defaults ${reset ? 'reset, then ' : ''}${JSON.stringify(set)}`,
    apply: (s) => ({ ...s, defaults: { ...(reset ? {} : s.defaults), ...set } }),
  };
}

export function setTimeZone(zone: string): Change {
  if (!isValidTimeZone(zone.trim())) return { ok: false, key: 'admin.badZone', value: zone };
  return { ok: true, describe: `timezone = ${zone.trim()}`, apply: (s) => ({ ...s, timeZone: zone.trim() }) };
}

export function setRole(roleId?: string): Change {
  return roleId
    ? { ok: true, describe: `role = ${roleId}`, apply: (s) => ({ ...s, roleId }) }
    : {
        ok: true,
        describe: 'role = everyone',
        apply: (s) => {
          const next = { ...s };
          delete next.roleId;
          return next;
        },
      };
}

/**
 * Adds a term to the server's prompt blocklist (once: the same term in another case or width is already
 * there), or removes it. `current` is the list as read, to refuse at once what the change would refuse.
 */
export function changeBlocklist(action: 'add' | 'remove', raw: string, current: readonly string[]): Change {
  const term = cleanTerm(raw);
  if (!term) return { ok: false, key: 'admin.badTerm', value: raw.slice(0, 120) };
  if (action === 'add') {
    const full: ChangeRefused = { ok: false, key: 'admin.blocklistFull', value: String(MAX_BLOCKED_TERMS) };
    if (!current.some((x) => sameTerm(x, term)) && current.length >= MAX_BLOCKED_TERMS) return full;
    return {
      ok: true,
      describe: `blocklist + ${term}`,
      apply: (s) => {
        const list = s.blocklist ?? [];
        if (list.some((x) => sameTerm(x, term)) || list.length >= MAX_BLOCKED_TERMS) return s;
        return { ...s, blocklist: [...list, term] };
      },
      refusedAfter: (after) => ((after.blocklist ?? []).some((x) => sameTerm(x, term)) ? undefined : full),
    };
  }
  if (!current.some((x) => sameTerm(x, term))) return { ok: false, key: 'admin.termUnknown', value: term };
  return {
    ok: true,
    describe: `blocklist - ${term}`,
    apply: (s) => ({ ...s, blocklist: (s.blocklist ?? []).filter((x) => !sameTerm(x, term)) }),
  };
}
