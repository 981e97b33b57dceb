import { describe, expect, it } from 'vitest';
import { guildSettingsEmbed } from '../../src/discord/render/guildSettingsEmbed.js';
import { renderRefusal } from '../../src/discord/render/refusal.js';
import type { EffectiveGuildConfig } from '../../src/services/guildConfig/guildConfig.js';
import { NO_LIMITS } from '../support/tempStore.js';

const channels = Array.from({ length: 300 }, (_, i) => String(1_100_000_000_000_000_000n + BigInt(i)));
const cfg: EffectiveGuildConfig = {
  limits: NO_LIMITS,
  timeZone: 'Asia/Shanghai',
  channels,
  enabledModels: [],
  defaults: {},
  blocklist: Array.from({ length: 500 }, (_, i) => `term ${i}`),
  defaultModel: 'seedance2.0-mini-sp',
};

describe("Discord's limits hold with many generation channels", () => {
  it.each(['en-US', 'zh-CN'] as const)(
    'the settings embed (%s): every field ≤ 1,024, the whole ≤ 6,000, "and N more"',
    (locale) => {
      const embed = guildSettingsEmbed(cfg, { channels }, locale);
      for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
      const total =
        (embed.title ?? '').length + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(6000);
      expect(JSON.stringify(embed)).toMatch(locale === 'en-US' ? /…and \d+ more/ : /…以及另外 \d+ 个/);
      expect(JSON.stringify(embed)).toContain(
        locale === 'en-US' ? 'Blocked prompt terms: 500' : '提示词屏蔽词：500 个',
      );
    },
  );

  it.each(['en-US', 'zh-CN'] as const)('the channel refusal (%s) fits one message', (locale) => {
    const text = renderRefusal({ kind: 'policy', refusal: { kind: 'channel', channels } }, locale);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toContain(`<#${channels[0]}>`);
    expect(text).toMatch(locale === 'en-US' ? /…and \d+ more/ : /…以及另外 \d+ 个/);
  });
});
