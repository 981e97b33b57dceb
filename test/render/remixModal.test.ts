import { describe, expect, it } from 'vitest';
import { remixModal } from '../../src/discord/render/remixModal.js';
import { LOCALES } from '../../src/i18n/index.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

const task = (prompt: string, model = 'seedance2.0-mini-sp', ratio?: string) =>
  ({ id: 'abc123', model, request: { model, prompt, duration: 8, ratio } }) as unknown as TaskRecord;

type Input = { custom_id: string; label: string; value?: string; max_length?: number; required?: boolean };
const inputs = (json: { components: Array<{ components: Input[] }> }) => json.components.map((r) => r.components[0]!);

describe('the Remix / Extend modal', () => {
  for (const locale of LOCALES)
    it(`fits Discord's limits in ${locale}: title and labels ≤ 45 characters, at most 5 rows`, () => {
      for (const kind of ['remix', 'extend'] as const) {
        const json = remixModal(task('a fox', 'seedance2.0-mini-sp', '9:16'), locale, kind).toJSON();
        expect(json.title.length).toBeLessThanOrEqual(45);
        expect(json.custom_id).toBe(kind === 'remix' ? 'v1:remixform:abc123' : 'v1:extendform:abc123');
        expect(json.components.length).toBeLessThanOrEqual(5);
        for (const input of inputs(json as never)) expect(input.label.length).toBeLessThanOrEqual(45);
      }
    });

  it('prefills the prompt, duration and ratio; the prompt alone is required', () => {
    const [prompt, duration, ratio] = inputs(
      remixModal(task('a fox', undefined, '9:16'), 'en-US', 'remix').toJSON() as never,
    );
    expect(prompt).toMatchObject({ custom_id: 'prompt', value: 'a fox', required: true });
    expect(duration).toMatchObject({ custom_id: 'duration', value: '8', required: false });
    expect(duration!.label).toBe('Duration in seconds (4–15)');
    expect(ratio).toMatchObject({ custom_id: 'ratio', value: '9:16', required: false });
  });

  it('a prompt longer than a text input holds is cut to fit (the model’s own limit when smaller)', () => {
    const [prompt] = inputs(remixModal(task('x'.repeat(9000)), 'en-US', 'remix').toJSON() as never);
    expect(prompt!.value!.length).toBe(prompt!.max_length);
    expect(prompt!.max_length).toBeLessThanOrEqual(4000);
  });

  it('no ratio given: the ratio input is empty, not "undefined"', () => {
    const [, , ratio] = inputs(remixModal(task('a fox'), 'en-US', 'remix').toJSON() as never);
    expect(ratio!.value).toBeUndefined();
  });
});
