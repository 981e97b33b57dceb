/**
 * A server's own configuration (limits, time zone, generation channels, role, models, defaults), merged
 * with the bot's defaults, and the policy checks that use it. Every change is logged with who made it.
 */
import { MODEL_IDS } from '../../catalog/models.js';
import type { Logger } from '../../logging/logger.js';
import type { Limits } from '../usage/limits.js';
import { DEFAULT_TIME_ZONE } from '../usage/periods.js';
import type { GuildSettings, SettingsStore } from './settingsStore.js';

export type { GuildSettings };

export interface EffectiveGuildConfig {
  limits: Limits;
  timeZone: string;
  channels: string[];
  roleId?: string;
  enabledModels: string[];
  defaults: NonNullable<GuildSettings['defaults']>;
  defaultModel: string;
  /** Prompt terms refused on this server. */
  blocklist: string[];
}

/** Where a request was made: the channel, and for a thread or forum post the channel it belongs to. */
export interface RequestPlace {
  channelId: string;
  parentChannelId?: string;
}

/** Why a member may not generate here, as data (the Discord layer renders it). */
export type PolicyRefusal = { kind: 'channel'; channels: string[] } | { kind: 'role'; roleId: string };
export type PolicyResult = { ok: true } | { ok: false; refusal: PolicyRefusal };

export interface GuildConfigDeps {
  settings: SettingsStore;
  defaultLimits: Limits;
  defaultModel: string;
  logger: Logger;
}

export function createGuildConfig(deps: GuildConfigDeps) {
  /** `fresh`: read from the store, past this process's cache (admin views: another process may have changed them). */
  async function effective(guildId: string | null, options?: { fresh?: boolean }): Promise<EffectiveGuildConfig> {
    const s = guildId ? await deps.settings.get(guildId, options) : {};
    const disabled = new Set(s.disabledModels ?? []);
    return {
      limits: { ...deps.defaultLimits, ...s.limits },
      timeZone: s.timeZone ?? DEFAULT_TIME_ZONE,
      channels: s.channels ?? [],
      roleId: s.roleId,
      enabledModels: MODEL_IDS.filter((id) => !disabled.has(id)),
      defaults: s.defaults ?? {},
      defaultModel: s.defaults?.model && !disabled.has(s.defaults.model) ? s.defaults.model : deps.defaultModel,
      blocklist: s.blocklist ?? [],
    };
  }

  return {
    effective,
    settings: (guildId: string, options?: { fresh?: boolean }) => deps.settings.get(guildId, options),

    /**
     * Where and who may generate: the server's channel allow-list (a thread or forum post counts as its
     * parent channel) and generation role.
     */
    async checkPolicy(guildId: string | null, place: RequestPlace, roleIds: readonly string[]): Promise<PolicyResult> {
      if (!guildId) return { ok: true };
      const cfg = await effective(guildId);
      const allowed = (id: string | undefined) => id !== undefined && cfg.channels.includes(id);
      if (cfg.channels.length && !allowed(place.channelId) && !allowed(place.parentChannelId)) {
        return { ok: false, refusal: { kind: 'channel', channels: cfg.channels } };
      }
      if (cfg.roleId && !roleIds.includes(cfg.roleId))
        return { ok: false, refusal: { kind: 'role', roleId: cfg.roleId } };
      return { ok: true };
    },

    /**
     * Applies a change to a server's settings (one transaction) and logs who made it, with the before and after,
     * and where (`via: 'web'` for the dashboard's server console; Discord otherwise).
     */
    async change(
      guildId: string,
      by: string,
      describe: string,
      mutate: (s: GuildSettings) => GuildSettings,
      via?: 'web',
    ): Promise<GuildSettings> {
      const { before, after } = await deps.settings.change(guildId, mutate);
      deps.logger.info(
        { guildId, by, ...(via ? { via } : {}), change: describe, before: forLog(before), after: forLog(after) },
        'guild settings changed',
      );
      return after;
    },
  };
}

export type GuildConfig = ReturnType<typeof createGuildConfig>;

/**
 * Settings as logged: the blocklist by its size (500 terms would push the line past the logger's cap, which
 * drops who made the change); the change itself names the term.
 */
function forLog(s: GuildSettings): object {
  return s.blocklist ? { ...s, blocklist: `${s.blocklist.length} terms` } : s;
}
