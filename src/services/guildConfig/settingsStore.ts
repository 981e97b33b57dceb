/** A server's own settings as stored: read them, or change them in one transaction. */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Limits } from '../usage/limits.js';

/** What a server's admins have set; anything missing falls back to the bot's defaults. */
export interface GuildSettings {
  limits?: Partial<Limits>;
  timeZone?: string;
  /** Channels where generation is allowed (threads and forum posts inside them too); missing or empty = everywhere. */
  channels?: string[];
  /** Only members with this role may generate; missing = everyone. */
  roleId?: string;
  disabledModels?: string[];
  defaults?: { model?: string; ratio?: string; resolution?: string; duration?: number };
}

const NO_SETTINGS: Readonly<GuildSettings> = Object.freeze({});

export interface SettingsStore {
  /** A server's settings (read-only; change them with `change`). */
  get(guildId: string): Promise<Readonly<GuildSettings>>;
  /** Applies `mutate` to the stored settings atomically; returns before and after. */
  change(
    guildId: string,
    mutate: (s: GuildSettings) => GuildSettings,
  ): Promise<{ before: GuildSettings; after: GuildSettings }>;
}

export function createSettingsStore(store: RecordStore): SettingsStore {
  return {
    get: async (guildId) => (await store.get<GuildSettings>(keys.settings(guildId))) ?? NO_SETTINGS,
    change: (guildId, mutate) =>
      store.transact([keys.settings(guildId)], (tx) => {
        const before = tx.get<GuildSettings>(keys.settings(guildId)) ?? {};
        const after = mutate(structuredClone(before));
        tx.set(keys.settings(guildId), after);
        return { before, after };
      }),
  };
}
