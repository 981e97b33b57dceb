import { describe, expect, it } from 'vitest';
import { MODELS, findModel, billingModelName } from '../../src/catalog/models.js';

// The vendor page's facts, restated here by hand so that a wrong catalog row fails a test.
const SEED_MODELS = [
  'sd2_mx_720p',
  'sd2_mx_1080p',
  'sd2_mx_2k',
  'sd2_mx_4k',
  'sd2_mx_fast_720p',
  'sd2_mx_fast_1080p',
  'sd2_mx_video_720p',
  'sd2_mx_video_1080p',
  'sd2_mx_video_2k',
  'sd2_mx_video_4k',
  'sd2_mx_video_fast_720p',
  'sd2_mx_video_fast_1080p',
  'seedance2.0-sp',
  'seedance2.0-fast-sp',
  'seedance2.0-of-sp',
  'seedance2.0-of-fast-sp',
  'seedance2.0-mini',
  'seedance2.0-mini-sp',
  'seedance2.0-md',
  'seedance2.0-fast-md',
  'seedance2.0-fast-i2v',
  'seedance2.0-std',
];

describe('the catalog lists exactly the 22 model ids of the vendor page', () => {
  it('has every id once', () => {
    expect(MODELS.map((m) => m.id).sort()).toEqual([...SEED_MODELS].sort());
  });
});

describe.each([
  // id, billing, duration min-max, resolutions, default resolution
  ['sd2_mx_720p', 'per_second', 4, 12, ['720p'], '720p'],
  ['sd2_mx_4k', 'per_second', 4, 12, ['4k'], '4k'],
  ['sd2_mx_video_fast_1080p', 'per_second', 4, 12, ['1080p'], '1080p'],
  ['seedance2.0-sp', 'per_second', 4, 15, ['480p', '720p', '1080p'], '720p'],
  ['seedance2.0-of-sp', 'per_second', 4, 15, ['480p', '720p', '1080p'], '720p'],
  ['seedance2.0-mini', 'per_second', 4, 15, ['480p', '720p'], '720p'],
  ['seedance2.0-mini-sp', 'per_task', 4, 15, ['480p', '720p'], '720p'],
  ['seedance2.0-md', 'per_task', 1, 15, ['720p'], '720p'],
  ['seedance2.0-fast-md', 'per_task', 1, 15, ['720p'], '720p'],
  ['seedance2.0-fast-i2v', 'per_task', 1, 15, ['720p'], '720p'],
  ['seedance2.0-std', 'per_task', 4, 15, ['720p'], '720p'],
] as const)('%s follows the page', (id, billing, min, max, resolutions, defRes) => {
  const m = findModel(id)!;
  it(`is billed ${billing}`, () => expect(m.billing).toBe(billing));
  it(`lasts ${min}–${max} s, default 5`, () => expect(m.duration).toEqual({ min, max, default: 5 }));
  it(`renders at ${resolutions.join('/')}`, () => {
    expect(m.resolution.allowed).toEqual(resolutions);
    expect(m.resolution.default).toBe(defRes);
  });
});

describe('reference rules stated by the page', () => {
  it('MD takes at most 4 images, both frames, no audio, three ratios', () => {
    for (const id of ['seedance2.0-md', 'seedance2.0-fast-md']) {
      const m = findModel(id)!;
      expect(m.images?.max).toBe(4);
      expect(m.frames?.bothRequired).toBe(true);
      expect(m.audios).toBeNull();
      expect(m.ratios).toEqual(['16:9', '9:16', '1:1']);
      expect(m.videos).toMatchObject({
        max: 3,
        maxTotalSeconds: 15,
        maxTotalBytes: 200 * 1024 * 1024,
        minShortSidePx: 720,
        maxShortSidePx: 2160,
      });
      expect(m.promptMaxChars).toBe(5000);
    }
  });
  it('Fast I2V and STD take at most 9 images', () => {
    expect(findModel('seedance2.0-fast-i2v')!.images?.max).toBe(9);
    expect(findModel('seedance2.0-std')!.images?.max).toBe(9);
  });
  it('Fast I2V takes neither reference video nor audio', () => {
    const m = findModel('seedance2.0-fast-i2v')!;
    expect(m.videos).toBeNull();
    expect(m.audios).toBeNull();
  });
  it('STD: six ratios, at most 3 audios, no audio in frame mode', () => {
    const m = findModel('seedance2.0-std')!;
    expect([...m.ratios].sort()).toEqual(['1:1', '16:9', '21:9', '3:4', '4:3', '9:16'].sort());
    expect(m.audios).toMatchObject({ max: 3, allowedWithFrames: false });
  });
  it('Full route: asset:// media only, adaptive ratio, reference videos only on video series', () => {
    for (const m of MODELS.filter((x) => x.id.startsWith('sd2_mx_'))) {
      expect(m.mediaScheme).toBe('asset');
      expect(m.ratios).toContain('adaptive');
      expect(m.ratios).toContain('21:9');
      expect(m.videos !== null).toBe(m.id.startsWith('sd2_mx_video'));
    }
  });
  it('audio is offered on Full, SP economy and STD', () => {
    for (const id of ['sd2_mx_720p', 'seedance2.0-sp', 'seedance2.0-fast-sp', 'seedance2.0-std']) {
      expect(findModel(id)!.audios, id).not.toBeNull();
    }
  });
  it('SP routes accept https or asset:// ids; MD, STD, Mini, Fast I2V accept https', () => {
    expect(findModel('seedance2.0-sp')!.mediaScheme).toBe('https-or-asset');
    for (const id of ['seedance2.0-md', 'seedance2.0-std', 'seedance2.0-mini-sp', 'seedance2.0-fast-i2v']) {
      expect(findModel(id)!.mediaScheme, id).toBe('https');
    }
  });
  it('every guess is listed in `assumed` for the SP official rows', () => {
    expect(findModel('seedance2.0-of-sp')!.assumed).toContain('duration');
  });
});

describe('billing model names', () => {
  it('append the resolution for models whose size is chosen', () => {
    expect(billingModelName(findModel('seedance2.0-mini-sp')!, '480p')).toBe('seedance2.0-mini-sp-480p');
  });
  it('are the id itself for fixed-size routes', () => {
    expect(billingModelName(findModel('seedance2.0-md')!, '720p')).toBe('seedance2.0-md');
  });
});
