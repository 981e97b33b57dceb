import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import type { ModelSpec } from '../../src/catalog/types.js';
import {
  validateVideoRequest,
  renderProblems,
  type VideoRequestInput,
  type MediaInput,
} from '../../src/services/validation/index.js';

const https = (name: string, extra: Partial<MediaInput> = {}): MediaInput => ({
  url: `https://cdn.example.com/${name}`,
  name,
  ...extra,
});
const asset = (id: string): MediaInput => ({ url: `asset://${id}` });
/** A media item this model's scheme accepts. */
const ok = (m: ModelSpec, name: string, extra: Partial<MediaInput> = {}) =>
  m.mediaScheme === 'asset' ? { ...asset(name), ...extra } : https(name, extra);

function problemKeys(input: VideoRequestInput): string[] {
  const r = validateVideoRequest(input);
  return r.ok ? [] : r.problems.map((p) => p.key);
}

function body(input: VideoRequestInput) {
  const r = validateVideoRequest(input);
  if (!r.ok) throw new Error(`unexpected problems: ${renderProblems(r.problems, 'en-US').join(' | ')}`);
  return r.body;
}

describe('model', () => {
  it('an unknown id is refused with the list of allowed ids', () => {
    const r = validateVideoRequest({ model: 'seedance3', prompt: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(renderProblems(r.problems, 'en-US')[0]).toContain('seedance2.0-mini-sp');
  });
  it('a model switched off for the server is refused', () => {
    const r = validateVideoRequest({ model: 'seedance2.0-sp', prompt: 'x' }, { enabledModels: ['seedance2.0-md'] });
    expect(r.ok ? [] : r.problems.map((p) => p.key)).toEqual(['model.disabled']);
  });
});

describe.each(MODELS.map((m) => [m.id, m] as const))('%s', (id, m) => {
  it('a text prompt alone is enough (except image-to-video), and the body has the default duration', () => {
    const input: VideoRequestInput = { model: id, prompt: 'a red fox in snow' };
    if (m.images?.required) {
      expect(problemKeys(input)).toEqual(['images.required']);
      return;
    }
    const b = body(input);
    expect(b).toMatchObject({ model: id, prompt: 'a red fox in snow', duration: 5 });
    expect('resolution' in b).toBe(!m.resolution.fixed);
  });

  const base = (extra: Partial<VideoRequestInput> = {}): VideoRequestInput => ({
    model: id,
    prompt: 'p',
    ...(m.images?.required ? { images: [ok(m, 'a.png')] } : {}),
    ...extra,
  });

  it(`accepts durations ${m.duration.min} and ${m.duration.max}, refuses one outside or fractional`, () => {
    expect(body(base({ duration: m.duration.min })).duration).toBe(m.duration.min);
    expect(body(base({ duration: m.duration.max })).duration).toBe(m.duration.max);
    expect(problemKeys(base({ duration: m.duration.min - 1 }))).toEqual(['duration.range']);
    expect(problemKeys(base({ duration: m.duration.max + 1 }))).toEqual(['duration.range']);
    expect(problemKeys(base({ duration: 5.5 }))).toEqual(['duration.range']);
  });

  it('accepts each allowed resolution and refuses the others', () => {
    for (const r of m.resolution.allowed) expect(problemKeys(base({ resolution: r }))).toEqual([]);
    for (const r of ['480p', '720p', '1080p', '2k', '4k'].filter((x) => !m.resolution.allowed.includes(x as never))) {
      expect(problemKeys(base({ resolution: r })), r).toEqual(['resolution.notAllowed']);
    }
  });

  it('accepts each allowed ratio and refuses the others', () => {
    for (const r of m.ratios) expect(body(base({ ratio: r })).ratio).toBe(r);
    for (const r of ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16', 'adaptive', '2:1'].filter(
      (x) => !m.ratios.includes(x as never),
    )) {
      expect(problemKeys(base({ ratio: r })), r).toEqual(['ratio.notAllowed']);
    }
  });

  it(`enforces the prompt limit of ${m.promptMaxChars} characters and refuses an empty prompt`, () => {
    expect(problemKeys(base({ prompt: 'x'.repeat(m.promptMaxChars) }))).toEqual([]);
    expect(problemKeys(base({ prompt: 'x'.repeat(m.promptMaxChars + 1) }))).toEqual(['prompt.tooLong']);
    expect(problemKeys(base({ prompt: '   ' }))).toEqual(['prompt.required']);
  });

  if (m.images) {
    it(`takes up to ${m.images.max} reference images, not more`, () => {
      const imgs = Array.from({ length: m.images!.max }, (_, i) => ok(m, `${i}.png`));
      expect(body(base({ images: imgs })).images).toHaveLength(m.images!.max);
      expect(problemKeys(base({ images: [...imgs, ok(m, 'extra.png')] }))).toEqual(['images.tooMany']);
    });
  } else {
    it('refuses reference images', () => {
      expect(problemKeys(base({ images: [ok(m, 'a.png')] }))).toEqual(['images.notAccepted']);
    });
  }

  if (m.frames) {
    it('refuses images together with frames', () => {
      const keys = problemKeys(
        base({ images: [ok(m, 'a.png')], firstImage: ok(m, 'f.png'), lastImage: ok(m, 'l.png') }),
      );
      expect(keys).toContain('frames.exclusiveWithImages');
    });
    it(m.frames.bothRequired ? 'needs both frames' : 'takes a first frame alone, but not a last frame alone', () => {
      const first = problemKeys(base({ firstImage: ok(m, 'f.png') }));
      expect(first).toEqual(m.frames!.bothRequired ? ['frames.bothRequired'] : []);
      expect(problemKeys(base({ lastImage: ok(m, 'l.png') }))).toEqual([
        m.frames!.bothRequired ? 'frames.bothRequired' : 'frames.lastNeedsFirst',
      ]);
      const b = body(base({ firstImage: ok(m, 'f.png'), lastImage: ok(m, 'l.png') }));
      expect(b.first_image).toBeDefined();
      expect(b.last_image).toBeDefined();
    });
  } else {
    it('refuses first/last frames', () => {
      expect(problemKeys(base({ firstImage: ok(m, 'f.png') }))).toContain('frames.notAccepted');
    });
  }

  if (m.videos) {
    it(`takes up to ${m.videos.max} reference videos within ${m.videos.maxTotalSeconds} s total`, () => {
      const vids = Array.from({ length: m.videos!.max }, (_, i) => ok(m, `${i}.mp4`, { durationSec: 4 }));
      expect(body(base({ referenceVideos: vids })).reference_videos).toHaveLength(m.videos!.max);
      expect(problemKeys(base({ referenceVideos: [...vids, ok(m, 'x.mp4')] }))).toContain('videos.tooMany');
      expect(
        problemKeys(
          base({ referenceVideos: [ok(m, 'a.mp4', { durationSec: 10 }), ok(m, 'b.mp4', { durationSec: 6 })] }),
        ),
      ).toEqual(['videos.totalDuration']);
    });
  } else {
    it('refuses reference videos', () => {
      expect(problemKeys(base({ referenceVideos: [ok(m, 'a.mp4')] }))).toEqual(['videos.notAccepted']);
    });
  }

  if (m.audios) {
    it('refuses audio alone, takes it beside an image or video', () => {
      expect(problemKeys({ model: id, prompt: 'p', referenceAudios: [ok(m, 'a.mp3')] })).toContain('audios.alone');
      const partner = m.images ? { images: [ok(m, 'a.png')] } : { referenceVideos: [ok(m, 'v.mp4')] };
      expect(body(base({ ...partner, referenceAudios: [ok(m, 'a.mp3')] })).reference_audios).toHaveLength(1);
      const many = Array.from({ length: m.audios!.max + 1 }, (_, i) => ok(m, `${i}.mp3`));
      expect(problemKeys(base({ ...partner, referenceAudios: many }))).toEqual(['audios.tooMany']);
    });
    if (m.frames) {
      it(m.audios.allowedWithFrames ? 'takes audio with frames' : 'refuses audio in frame mode', () => {
        const keys = problemKeys(
          base({ firstImage: ok(m, 'f.png'), lastImage: ok(m, 'l.png'), referenceAudios: [ok(m, 'a.mp3')] }),
        );
        expect(keys).toEqual(m.audios!.allowedWithFrames ? [] : ['audios.notWithFrames']);
      });
    }
  } else {
    it('refuses reference audio', () => {
      expect(problemKeys(base({ images: [ok(m, 'a.png')], referenceAudios: [ok(m, 'a.mp3')] }))).toContain(
        'audios.notAccepted',
      );
    });
  }

  if (m.mediaScheme === 'asset') {
    it('takes https uploads (for the media review) and asset:// ids, refuses http://', () => {
      const up = { ...https('a.png'), fromAttachment: true, width: 1280, height: 720 };
      expect(body({ model: id, prompt: 'p', images: [up] }).images).toEqual([up.url]);
      expect(body({ model: id, prompt: 'p', images: [asset('x')] }).images).toEqual(['asset://x']);
      expect(problemKeys({ model: id, prompt: 'p', images: [{ url: 'http://cdn.example.com/a.png' }] })).toEqual([
        'media.httpsOrAsset',
      ]);
    });

    it('refuses images the media review would refuse: sides outside 300–6000 px, ratio outside 0.4–2.5', () => {
      const img = (width: number, height: number) => ({ ...https('a.png'), fromAttachment: true, width, height });
      expect(problemKeys({ model: id, prompt: 'p', images: [img(299, 600)] })).toEqual(['media.reviewImageSize']);
      expect(problemKeys({ model: id, prompt: 'p', images: [img(6001, 3000)] })).toEqual(['media.reviewImageSize']);
      expect(problemKeys({ model: id, prompt: 'p', firstImage: img(3000, 1000) })).toEqual(['media.reviewImageRatio']);
      expect(problemKeys({ model: id, prompt: 'p', images: [img(300, 750)] })).toEqual([]); // 0.4 exactly
      expect(problemKeys({ model: id, prompt: 'p', images: [img(2500, 1000)] })).toEqual([]); // 2.5 exactly
      expect(problemKeys({ model: id, prompt: 'p', images: [img(6000, 6000), img(300, 300)] })).toEqual([]);
      // Unknown sizes (a typed URL) are left to the review itself.
      expect(problemKeys({ model: id, prompt: 'p', images: [https('a.png')] })).toEqual([]);
    });
  } else {
    it(
      m.mediaScheme === 'https'
        ? 'refuses asset:// and http:// media'
        : 'takes https and asset:// media, refuses http://',
      () => {
        const imgField = m.images ? 'images' : 'referenceVideos';
        const expectAsset = m.mediaScheme === 'https' ? ['media.httpsOnly'] : [];
        expect(problemKeys(base({ [imgField]: [asset('abc')] }))).toEqual(expectAsset);
        expect(problemKeys(base({ [imgField]: [{ url: 'http://insecure.example/a.png' }] }))).toEqual([
          m.mediaScheme === 'https' ? 'media.httpsOnly' : 'media.httpsOrAsset',
        ]);
      },
    );
  }
});

describe('media checks on uploads', () => {
  const m = 'seedance2.0-mini-sp';
  it('a PDF given as an image is refused by content type', () => {
    expect(
      problemKeys({ model: m, prompt: 'p', images: [https('doc.pdf', { contentType: 'application/pdf' })] }),
    ).toEqual(['media.contentType']);
  });
  it('content type parameters and case are ignored', () => {
    expect(
      problemKeys({ model: m, prompt: 'p', images: [https('a.png', { contentType: 'IMAGE/PNG; charset=binary' })] }),
    ).toEqual([]);
  });
  it('an oversize image is refused with its size and the limit', () => {
    const r = validateVideoRequest({
      model: m,
      prompt: 'p',
      images: [https('big.png', { sizeBytes: 31 * 1024 * 1024 })],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(renderProblems(r.problems, 'en-US')[0]).toBe('images: big.png is 31 MB; the limit is 30 MB.');
  });
  it('reference videos whose short side is outside 720–2160 px are refused', () => {
    expect(
      problemKeys({
        model: 'seedance2.0-md',
        prompt: 'p',
        referenceVideos: [https('small.mp4', { width: 640, height: 360 })],
      }),
    ).toEqual(['videos.resolution']);
    expect(
      problemKeys({
        model: 'seedance2.0-md',
        prompt: 'p',
        referenceVideos: [https('hd.mp4', { width: 1280, height: 720 })],
      }),
    ).toEqual([]);
  });
  it('reference videos over 200 MB together are refused', () => {
    const big = (n: string) => https(n, { sizeBytes: 45 * 1024 * 1024 });
    expect(
      problemKeys({ model: 'seedance2.0-md', prompt: 'p', referenceVideos: [big('a'), big('b'), big('c')] }),
    ).toEqual([]);
    const r = validateVideoRequest({
      model: 'seedance2.0-sp',
      prompt: 'p',
      referenceVideos: [
        https('a', { sizeBytes: 49 * 1024 * 1024 }),
        https('b', { sizeBytes: 49 * 1024 * 1024 }),
        https('c', { sizeBytes: 49 * 1024 * 1024 }),
        https('d', { sizeBytes: 49 * 1024 * 1024 }),
        https('e', { sizeBytes: 10 * 1024 * 1024 }),
      ],
    });
    expect(r.ok ? [] : r.problems.map((p) => p.key).sort()).toEqual(['videos.tooMany', 'videos.totalSize']);
  });
});

describe('ratio and orientation', () => {
  it('ratio is case-insensitive (the page writes "Adaptive")', () => {
    expect(body({ model: 'sd2_mx_720p', prompt: 'p', ratio: 'Adaptive' }).ratio).toBe('adaptive');
  });
  it('orientation alone is sent; with a ratio only the ratio is sent', () => {
    expect(body({ model: 'seedance2.0-sp', prompt: 'p', orientation: 'portrait' }).orientation).toBe('portrait');
    const b = body({ model: 'seedance2.0-sp', prompt: 'p', orientation: 'portrait', ratio: '9:16' });
    expect(b.ratio).toBe('9:16');
    expect(b.orientation).toBeUndefined();
  });
  it('an orientation that contradicts the ratio is refused', () => {
    expect(problemKeys({ model: 'seedance2.0-sp', prompt: 'p', orientation: 'landscape', ratio: '9:16' })).toEqual([
      'orientation.conflict',
    ]);
  });
  it('an unknown orientation is refused', () => {
    expect(problemKeys({ model: 'seedance2.0-sp', prompt: 'p', orientation: 'diagonal' })).toEqual([
      'orientation.invalid',
    ]);
  });
});

describe('every problem at once, in both languages', () => {
  it('lists all problems of a request, each naming field and allowed values', () => {
    const r = validateVideoRequest({
      model: 'seedance2.0-md',
      prompt: 'p',
      duration: 30,
      ratio: '4:3',
      images: [https('a.png')],
      firstImage: https('f.png'),
      referenceAudios: [https('a.mp3')],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.key)).toEqual([
      'duration.range',
      'ratio.notAllowed',
      'frames.exclusiveWithImages',
      'frames.bothRequired',
      'audios.notAccepted',
    ]);
    const en = renderProblems(r.problems, 'en-US');
    const zh = renderProblems(r.problems, 'zh-CN');
    expect(en[0]).toContain('from 1 to 15');
    expect(en[1]).toContain('16:9, 9:16, 1:1');
    expect(zh[0]).toContain('1–15');
    expect(zh.every((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
  });
  it('the cost of a request follows the billing unit', () => {
    const perSecond = validateVideoRequest({ model: 'seedance2.0-sp', prompt: 'p', duration: 8, resolution: '1080p' });
    const perTask = validateVideoRequest({ model: 'seedance2.0-md', prompt: 'p', duration: 8 });
    expect(perSecond.ok && perSecond.cost).toEqual({
      billing: 'per_second',
      units: 8,
      seconds: 8,
      billedAs: 'seedance2.0-sp-1080p',
    });
    expect(perTask.ok && perTask.cost).toEqual({
      billing: 'per_task',
      units: 1,
      seconds: 8,
      billedAs: 'seedance2.0-md',
    });
  });
});
