/** A video from a message: which model takes its media, and what request the media becomes on it. */
import { describe, expect, it } from 'vitest';
import { findModel, MODEL_IDS } from '../../src/catalog/models.js';
import {
  chooseSourceModel,
  draftFromSource,
  hasUsableMedia,
  leaveDefaultsOut,
  type SourceMedia,
} from '../../src/services/generation/fromMessage.js';
import { createSourceMemory } from '../../src/services/generation/sourceMemory.js';
import { validateVideoRequest } from '../../src/services/validation/index.js';
import { mediaOfApiMessage } from '../../src/discord/sourceMessage.js';

const img = (n: number) => ({
  url: `https://cdn.discordapp.com/attachments/1/${n}/i${n}.png`,
  contentType: 'image/png',
});
const vid = { url: 'https://cdn.discordapp.com/attachments/1/9/v.mp4', contentType: 'video/mp4' };
const images = (n: number): SourceMedia => ({ images: Array.from({ length: n }, (_, i) => img(i)), videos: [] });
const server = (defaultModel: string, enabledModels: readonly string[] = MODEL_IDS) => ({
  defaultModel,
  enabledModels,
});

describe('which model a message becomes a video on', () => {
  it.each([
    [
      'the member default when it takes images',
      'seedance2.0-md',
      server('seedance2.0-mini-sp'),
      'seedance2.0-md',
      'member',
    ],
    ['the server default when the member has none', undefined, server('seedance2.0-std'), 'seedance2.0-std', 'server'],
    [
      'the server default when the member default is switched off here',
      'seedance2.0-md',
      server(
        'seedance2.0-std',
        MODEL_IDS.filter((m) => m !== 'seedance2.0-md'),
      ),
      'seedance2.0-std',
      'server',
    ],
    [
      'the first enabled model that takes them when neither is enabled',
      'seedance2.0-std',
      server('seedance2.0-mini-sp', ['seedance2.0-md', 'seedance2.0-fast-i2v']),
      'seedance2.0-md',
      'catalog',
    ],
  ] as const)('Animate: %s', (_name, mine, srv, model, reason) => {
    expect(chooseSourceModel('animate', images(1), mine, srv)).toMatchObject({ model: { id: model }, reason });
  });

  it('Use as references with a video: a model that takes no video is passed over for the first that does', () => {
    const media: SourceMedia = { images: [img(0)], videos: [vid] };
    const enabled = ['seedance2.0-fast-i2v', 'sd2_mx_720p', 'seedance2.0-std'];
    expect(
      chooseSourceModel('references', media, 'seedance2.0-fast-i2v', server('sd2_mx_720p', enabled)),
    ).toMatchObject({
      model: { id: 'seedance2.0-std' },
      reason: 'catalog',
    });
    expect(chooseSourceModel('references', media, undefined, server('sd2_mx_720p', ['sd2_mx_720p']))).toBeUndefined();
  });

  it('a message needs an image to animate, and an image or a video to use as references', () => {
    const onlyVideo: SourceMedia = { images: [], videos: [vid] };
    expect(hasUsableMedia('animate', onlyVideo)).toBe(false);
    expect(hasUsableMedia('references', onlyVideo)).toBe(true);
    expect(hasUsableMedia('references', images(0))).toBe(false);
  });
});

describe('what the media becomes', () => {
  const typed = { prompt: 'it moves' };
  it('Animate: the picked image is the first frame on a model that starts from one, else a reference image', () => {
    const mini = findModel('seedance2.0-mini-sp')!;
    const md = findModel('seedance2.0-md')!;
    expect(draftFromSource('animate', mini, images(3), 2, typed)).toMatchObject({ firstImage: img(2) });
    expect(draftFromSource('animate', md, images(3), 1, typed)).toMatchObject({ images: [img(1)] });
    expect(draftFromSource('animate', md, images(3), 1, typed).firstImage).toBeUndefined();
  });

  it("all images and videos go as references, up to the model's limits, and each draft passes validation", () => {
    const md = findModel('seedance2.0-md')!;
    const media: SourceMedia = { images: images(6).images, videos: [vid] };
    const refs = draftFromSource('references', md, media, 0, typed);
    expect(refs.images).toHaveLength(4);
    expect(refs.referenceVideos).toEqual([vid]);
    const all = draftFromSource('animate', md, media, 'all', typed);
    expect(all.images).toHaveLength(4);
    expect(all.referenceVideos).toBeUndefined();
    for (const model of ['seedance2.0-mini-sp', 'seedance2.0-md', 'seedance2.0-fast-i2v', 'seedance2.0-std']) {
      const d = draftFromSource('animate', findModel(model)!, images(2), 0, typed);
      expect(validateVideoRequest({ ...d, model }, { enabledModels: MODEL_IDS })).toMatchObject({ ok: true });
    }
  });
});

describe('what the form showed prefilled and the member left as it was', () => {
  const cat = { prompt: 'x', firstImage: img(0) };
  const srv = { ...server('seedance2.0-mini-sp'), defaults: { ratio: '16:9' } };
  it('is left to the defaults (so the card can say which were the member’s); what they changed stays', () => {
    const mine = { model: 'seedance2.0-std', duration: 8 };
    expect(leaveDefaultsOut({ ...cat, model: 'seedance2.0-std', duration: 8, ratio: '16:9' }, mine, srv)).toEqual(cat);
    expect(leaveDefaultsOut({ ...cat, model: 'seedance2.0-std', duration: 6, ratio: '1:1' }, mine, srv)).toEqual({
      ...cat,
      duration: 6,
      ratio: '1:1',
    });
    // A model the precedence would not pick (the form chose the first that takes the media) stays named.
    expect(leaveDefaultsOut({ ...cat, model: 'seedance2.0-md' }, mine, srv)).toEqual({
      ...cat,
      model: 'seedance2.0-md',
    });
  });
});

describe("a message's media", () => {
  it('image and video attachments by content type (or extension), image embeds; other files are left out', () => {
    const media = mediaOfApiMessage({
      attachments: [
        {
          id: '1',
          filename: 'a.png',
          size: 1,
          url: 'https://cdn.discordapp.com/a.png',
          proxy_url: '',
          content_type: 'image/png',
        },
        { id: '2', filename: 'b.mov', size: 1, url: 'https://cdn.discordapp.com/b.mov', proxy_url: '' },
        {
          id: '3',
          filename: 'c.txt',
          size: 1,
          url: 'https://cdn.discordapp.com/c.txt',
          proxy_url: '',
          content_type: 'text/plain',
        },
      ],
      embeds: [
        { type: 'image' as never, url: 'https://x.test/d.jpg', thumbnail: { url: 'https://x.test/d.jpg' } },
        { image: { url: 'https://x.test/e.webp' } },
        { image: { url: 'http://x.test/insecure.png' } },
        { title: 'a link' },
      ],
    });
    expect(media.images.map((m) => m.url)).toEqual([
      'https://cdn.discordapp.com/a.png',
      'https://x.test/d.jpg',
      'https://x.test/e.webp',
    ]);
    expect(media.videos.map((m) => m.url)).toEqual(['https://cdn.discordapp.com/b.mov']);
  });
});

describe('media remembered while a form is open', () => {
  it('for an hour, the oldest forgotten first beyond the cap', () => {
    let now = 0;
    const memory = createSourceMemory(() => now, 1000, 2);
    memory.remember('c', '1', images(1));
    memory.remember('c', '2', images(2));
    memory.remember('c', '3', images(3));
    expect(memory.recall('c', '1')).toBeUndefined();
    expect(memory.recall('c', '3')?.images).toHaveLength(3);
    now = 1001;
    expect(memory.recall('c', '3')).toBeUndefined();
  });
});
