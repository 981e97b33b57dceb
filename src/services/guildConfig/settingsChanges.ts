/** The changes an admin can make, as pure functions from settings to settings (plain inputs, no Discord). */
import { findModel } from '../../catalog/models.js';
import { cleanTerm, MAX_BLOCKED_TERMS, sameTerm } from '../moderation/blocklist.js';
import type { GuildSettings } from './settingsStore.js';
import type { Locale } from '../../i18n/index.js';
import { activeGallery, type GalleryKind, type GallerySettings } from '../gallery/gallerySettings.js';
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
    | 'admin.termUnknown'
    | 'admin.needGallery';
  value: string;
};

/** What a change does, as data: logged as plain text (`describeChange`), shown to the admin by src/discord/render. */
export type ChangeSummary =
  | { setting: 'limit'; name: LimitName; value: number | null | 'default' }
  | { setting: 'roleLimit'; roleId: string; name: MemberLimitName; value: number | null | 'default' }
  | { setting: 'channels'; action: 'add' | 'remove'; channelId: string }
  | { setting: 'channels'; action: 'clear' }
  | { setting: 'model'; modelId: string; enabled: boolean }
  | { setting: 'defaults'; reset: boolean; values: Record<string, string | number> }
  | { setting: 'timeZone'; zone: string }
  | { setting: 'role'; roleId?: string }
  | { setting: 'blocklist'; action: 'add' | 'remove'; term: string }
  | {
      setting: 'gallery';
      channelId?: string;
      kind?: GalleryKind;
      auto?: boolean;
      digest?: boolean;
      off?: 'admin' | 'deleted';
    };

/** A change as one line of plain text for the log (ids as ids, no markup). */
export function describeChange(c: ChangeSummary): string {
  const shown = (v: number | null | 'default') => (v === null ? 'none' : String(v));
  switch (c.setting) {
    case 'limit':
      return `${c.name} = ${shown(c.value)}`;
    case 'roleLimit':
      return `role ${c.roleId} ${c.name} = ${shown(c.value)}`;
    case 'channels':
      return c.action === 'clear'
        ? 'channels = everywhere'
        : `channels ${c.action === 'add' ? '+' : '-'} ${c.channelId}`;
    case 'model':
      return `model ${c.modelId} ${c.enabled ? 'enabled' : 'disabled'}`;
    case 'defaults':
      return `defaults ${c.reset ? 'reset, then ' : ''}${JSON.stringify(c.values)}`;
    case 'timeZone':
      return `timezone = ${c.zone}`;
    case 'role':
      return `role = ${c.roleId ?? 'everyone'}`;
    case 'blocklist':
      return `blocklist ${c.action === 'add' ? '+' : '-'} ${c.term}`;
    case 'gallery':
      return c.off
        ? `gallery off${c.off === 'deleted' ? ' (its channel was deleted)' : ''}`
        : `gallery${c.channelId ? ` = ${c.kind} ${c.channelId}` : ''}${c.auto === undefined ? '' : ` auto=${c.auto}`}${c.digest === undefined ? '' : ` digest=${c.digest}`}`;
  }
}

/**
 * The gallery set (a channel checked by the caller: its kind and the bot's permissions), or its auto and digest
 * switches changed on the gallery already set (`needChannel` when there is none).
 */
export function setGallery(
  place: { channelId: string; kind: GalleryKind; locale?: Locale } | undefined,
  switches: { auto?: boolean; digest?: boolean },
): Change {
  return {
    ok: true,
    summary: { setting: 'gallery', channelId: place?.channelId, kind: place?.kind, ...switches },
    apply: (s) => {
      const current = activeGallery(s.gallery);
      if (!place && !current) return s;
      const base: GallerySettings = place
        ? {
            channelId: place.channelId,
            kind: place.kind,
            auto: current?.auto ?? false,
            digest: current?.digest,
            ...(place.locale ? { locale: place.locale } : {}),
          }
        : current!;
      const next: GallerySettings = { ...base };
      if (switches.auto !== undefined) next.auto = switches.auto;
      if (switches.digest !== undefined) next.digest = switches.digest;
      if (next.digest === undefined) delete next.digest;
      return { ...s, gallery: next };
    },
    refusedAfter: (after) =>
      activeGallery(after.gallery) ? undefined : { ok: false, key: 'admin.needGallery', value: '' },
  };
}

/** The gallery turned off by an admin: nothing more is posted (posts made stay). */
export function galleryOff(): Change {
  return {
    ok: true,
    summary: { setting: 'gallery', off: 'admin' },
    apply: (s) => {
      const next = { ...s };
      delete next.gallery;
      return next;
    },
  };
}

/** The bot turns the gallery off itself: its channel was deleted (kept, marked, for /video-admin show). */
export function galleryChannelDeleted(channelId: string, at: number): Change {
  return {
    ok: true,
    summary: { setting: 'gallery', off: 'deleted', channelId },
    apply: (s) =>
      s.gallery && s.gallery.channelId === channelId && !s.gallery.off
        ? { ...s, gallery: { ...s.gallery, off: { reason: 'channel_deleted', at } } }
        : s,
  };
}

export type Change =
  | {
      ok: true;
      summary: ChangeSummary;
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
      summary: { setting: 'limit', name, value: 'default' },
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
    summary: { setting: 'limit', name, value: parsed },
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
    return {
      ok: true,
      summary: { setting: 'roleLimit', roleId, name, value: 'default' },
      apply: (s) => ({ ...s, roleLimits: without(s) }),
    };
  }
  const parsed = parseLimitValue(value);
  if (parsed === undefined) return { ok: false, key: 'admin.badLimit', value: raw };
  return {
    ok: true,
    summary: { setting: 'roleLimit', roleId, name, value: parsed },
    apply: (s) => ({ ...s, roleLimits: { ...s.roleLimits, [roleId]: { ...s.roleLimits?.[roleId], [name]: parsed } } }),
  };
}

export function changeChannels(action: 'add' | 'remove' | 'clear', channelId?: string): Change {
  if (action === 'clear')
    return { ok: true, summary: { setting: 'channels', action: 'clear' }, apply: (s) => ({ ...s, channels: [] }) };
  if (!channelId) return { ok: false, key: 'admin.needChannel', value: '' };
  return action === 'add'
    ? {
        ok: true,
        summary: { setting: 'channels', action: 'add', channelId },
        apply: (s) => ({ ...s, channels: [...new Set([...(s.channels ?? []), channelId])] }),
      }
    : {
        ok: true,
        summary: { setting: 'channels', action: 'remove', channelId },
        apply: (s) => ({ ...s, channels: (s.channels ?? []).filter((c) => c !== channelId) }),
      };
}

export function changeModel(action: 'enable' | 'disable', modelId: string): Change {
  const model = findModel(modelId);
  if (!model) return { ok: false, key: 'admin.badModel', value: modelId };
  return action === 'disable'
    ? {
        ok: true,
        summary: { setting: 'model', modelId: model.id, enabled: false },
        apply: (s) => ({ ...s, disabledModels: [...new Set([...(s.disabledModels ?? []), model.id])] }),
      }
    : {
        ok: true,
        summary: { setting: 'model', modelId: model.id, enabled: true },
        apply: (s) => ({ ...s, disabledModels: (s.disabledModels ?? []).filter((m) => m !== model.id) }),
      };
}

export function setDefaults(
  values: { model?: string; ratio?: string; resolution?: string; duration?: number },
  reset: boolean,
): Change {
  if (values.model && !findModel(values.model)) return { ok: false, key: 'admin.badModel', value: values.model };
  const set: Record<string, string | number> = Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null),
  );
  return {
    ok: true,
    summary: { setting: 'defaults', reset, values: set },
    apply: (s) => ({ ...s, defaults: { ...(reset ? {} : s.defaults), ...set } }),
  };
}

export function setTimeZone(zone: string): Change {
  if (!isValidTimeZone(zone.trim())) return { ok: false, key: 'admin.badZone', value: zone };
  const timeZone = zone.trim();
  return { ok: true, summary: { setting: 'timeZone', zone: timeZone }, apply: (s) => ({ ...s, timeZone }) };
}

export function setRole(roleId?: string): Change {
  return roleId
    ? { ok: true, summary: { setting: 'role', roleId }, apply: (s) => ({ ...s, roleId }) }
    : {
        ok: true,
        summary: { setting: 'role' },
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
      summary: { setting: 'blocklist', action: 'add', term },
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
    summary: { setting: 'blocklist', action: 'remove', term },
    apply: (s) => ({ ...s, blocklist: (s.blocklist ?? []).filter((x) => !sameTerm(x, term)) }),
  };
}
