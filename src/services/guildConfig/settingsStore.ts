/** A server's own settings as stored: read them, or change them in one transaction. */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { GallerySettings } from '../gallery/gallerySettings.js';
import type { Limits, RoleLimits } from '../usage/limits.js';

/** What a server's admins have set; anything missing falls back to the bot's defaults. */
export interface GuildSettings {
  limits?: Partial<Limits>;
  /** Member limits for members holding a role (the most generous of a member's roles applies). */
  roleLimits?: RoleLimits;
  timeZone?: string;
  /** Channels where generation is allowed (threads and forum posts inside them too); missing or empty = everywhere. */
  channels?: string[];
  /** Only members with this role may generate; missing = everyone. */
  roleId?: string;
  disabledModels?: string[];
  /** Prompt terms refused on this server (see services/moderation/blocklist.ts). */
  blocklist?: string[];
  defaults?: { model?: string; ratio?: string; resolution?: string; duration?: number };
  /** The gallery channel (services/gallery): where finished videos are shared, or why it was turned off. */
  gallery?: GallerySettings;
}

const NO_SETTINGS: Readonly<GuildSettings> = Object.freeze({});

export interface SettingsStore {
  /**
   * A server's settings (read-only; change them with `change`). `fresh`: read from the store, not this process's
   * cache (an admin's view, where another process may just have changed them).
   */
  get(guildId: string, options?: { fresh?: boolean }): Promise<Readonly<GuildSettings>>;
  /** Applies `mutate` to the stored settings atomically; returns before and after. */
  change(
    guildId: string,
    mutate: (s: GuildSettings) => GuildSettings,
  ): Promise<{ before: GuildSettings; after: GuildSettings }>;
}

/**
 * Settings are read on every request but change a few times a month: each process keeps what it read for
 * `ttlMs` (its own changes apply at once; another process's within `ttlMs`). Limits themselves are always
 * decided inside the reservation's transaction; only which limits apply can be that much late.
 */
export function createSettingsStore(
  store: RecordStore,
  options: { ttlMs?: number; now?: () => number } = {},
): SettingsStore {
  const ttlMs = options.ttlMs ?? 2000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Readonly<GuildSettings> }>();
  return {
    async get(guildId, options) {
      const hit = cache.get(guildId);
      if (hit && !options?.fresh && now() - hit.at < ttlMs) return hit.value;
      const value = (await store.get<GuildSettings>(keys.settings(guildId))) ?? NO_SETTINGS;
      if (cache.size > 10_000) cache.clear();
      cache.set(guildId, { at: now(), value });
      return value;
    },
    async change(guildId, mutate) {
      const result = await store.transact([keys.settings(guildId)], (tx) => {
        const before = tx.get<GuildSettings>(keys.settings(guildId)) ?? {};
        const after = mutate(structuredClone(before));
        tx.set(keys.settings(guildId), after);
        return { before, after };
      });
      cache.set(guildId, { at: now(), value: result.after });
      return result;
    },
  };
}
