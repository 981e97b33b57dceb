/**
 * A server's own configuration (limits, time zone, generation channels, role, models, defaults), merged
 * with the bot's defaults, and the policy checks that use it. Every change is logged with who made it.
 */
import { MODEL_IDS } from '../../catalog/models.js';
import type { GuildSettings, UsageStore } from '../../db/usageStore.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Logger } from '../../logging/logger.js';
import type { Limits } from '../usage/limits.js';

export interface EffectiveGuildConfig {
  limits: Limits;
  timeZone: string;
  channels: string[];
  roleId?: string;
  enabledModels: string[];
  defaults: NonNullable<GuildSettings['defaults']>;
  defaultModel: string;
}

export type PolicyResult = { ok: true } | { ok: false; key: MessageKey; params: Record<string, string | number> };

export interface GuildConfigDeps {
  store: UsageStore;
  defaultLimits: Limits;
  defaultModel: string;
  logger: Logger;
}

export function createGuildConfig(deps: GuildConfigDeps) {
  async function effective(guildId: string | null): Promise<EffectiveGuildConfig> {
    const s = guildId ? await deps.store.settings(guildId) : {};
    const disabled = new Set(s.disabledModels ?? []);
    return {
      limits: { ...deps.defaultLimits, ...s.limits },
      timeZone: s.timeZone ?? 'UTC',
      channels: s.channels ?? [],
      roleId: s.roleId,
      enabledModels: MODEL_IDS.filter((id) => !disabled.has(id)),
      defaults: s.defaults ?? {},
      defaultModel: s.defaults?.model && !disabled.has(s.defaults.model) ? s.defaults.model : deps.defaultModel,
    };
  }

  return {
    effective,
    settings: (guildId: string) => deps.store.settings(guildId),

    /** Where and who may generate: the server's channel allow-list and generation role. */
    async checkPolicy(guildId: string | null, channelId: string, roleIds: readonly string[]): Promise<PolicyResult> {
      if (!guildId) return { ok: true };
      const cfg = await effective(guildId);
      if (cfg.channels.length && !cfg.channels.includes(channelId)) {
        return {
          ok: false,
          key: 'policy.channel',
          params: { channels: cfg.channels.map((c) => `<#${c}>`).join(', ') },
        };
      }
      if (cfg.roleId && !roleIds.includes(cfg.roleId))
        return { ok: false, key: 'policy.role', params: { role: `<@&${cfg.roleId}>` } };
      return { ok: true };
    },

    /** Applies a change to a server's settings and logs who made it, with the before and after. */
    async change(
      guildId: string,
      by: string,
      describe: string,
      mutate: (s: GuildSettings) => GuildSettings,
    ): Promise<GuildSettings> {
      const before = structuredClone(await deps.store.settings(guildId));
      const after = mutate(structuredClone(before));
      await deps.store.setSettings(guildId, after);
      deps.logger.info({ guildId, by, change: describe, before, after }, 'guild settings changed');
      return after;
    },
  };
}

export type GuildConfig = ReturnType<typeof createGuildConfig>;
