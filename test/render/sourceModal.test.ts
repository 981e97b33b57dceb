/** The Animate / Use as references form fits Discord's modal limits in every language, on every model. */
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { sourceModal } from '../../src/discord/render/sourceModal.js';
import { LOCALES } from '../../src/i18n/index.js';

const BIG = '18446744073709551615';
const images = Array.from({ length: 30 }, (_, i) => ({
  url: `https://cdn.discordapp.com/attachments/1/${i}/p${i}.png`,
  name: `a-rather-long-file-name-from-a-phone-camera-${i}.png`,
}));

type Label = {
  type: number;
  label: string;
  description?: string;
  component: { type: number; custom_id: string; options?: Array<{ label: string; value: string }> };
};

const cases = LOCALES.flatMap((locale) =>
  MODELS.flatMap((model) =>
    (['animate', 'references'] as const).flatMap((kind) =>
      (['member', 'server', 'catalog'] as const).map((reason) => [locale, model.id, kind, reason] as const),
    ),
  ),
);

describe("the form fits Discord's modal limits", () => {
  it.each(cases)('%s · %s · %s · %s', (locale, id, kind, reason) => {
    const model = MODELS.find((m) => m.id === id)!;
    const modal = sourceModal(
      {
        kind,
        channelId: BIG,
        messageId: BIG,
        model,
        reason,
        media: { images, videos: [] },
        duration: 5,
        ratio: '16:9',
      },
      locale,
    );
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.title).not.toMatch(/…$/);
    const labels = modal.components as unknown as Label[];
    expect(labels.length).toBeLessThanOrEqual(5);
    for (const l of labels) {
      expect(l.type).toBe(18);
      expect(l.label.length).toBeLessThanOrEqual(45);
      expect(l.label).not.toMatch(/…$/);
      expect((l.description ?? '').length).toBeLessThanOrEqual(100);
      expect(l.description ?? '').not.toMatch(/…$/);
      for (const o of l.component.options ?? []) expect(o.label.length).toBeLessThanOrEqual(100);
      expect(l.component.options?.length ?? 0).toBeLessThanOrEqual(25);
    }
    const pick = labels.find((l) => l.component.custom_id === 'pick');
    // Only Animate picks, and "all" is offered where the model takes several images.
    expect(!!pick).toBe(kind === 'animate');
    if (pick) expect(pick.component.options!.some((o) => o.value === 'all')).toBe((model.images?.max ?? 0) > 1);
  });
});
