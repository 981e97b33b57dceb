import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  normaliseStatus,
  parseCreated,
  parseEnvelope,
  parseTaskSnapshot,
} from '../../src/services/seedance/parse.js';

describe('envelope: wrapped or flat, code as string or number', () => {
  it.each([
    [{ code: '20000', msg: 'ok', data: { a: 1 } }, true],
    [{ code: 20000, data: { a: 1 } }, true],
    [{ code: 0, msg: 'ok', data: { a: 1 } }, true],
    [{ code: '200', data: { a: 1 } }, true],
    [{ code: 200, data: { a: 1 } }, true],
    [{ code: '0', msg: 'ok', data: { a: 1 } }, true],
    [{ code: null, data: { a: 1 } }, true],
    [{ a: 1 }, true],
    [{ code: 20001, msg: 'bad key' }, false],
    [{ code: '429', msg: 'slow down' }, false],
    [{ code: '20001', msg: 'bad key' }, false],
    [{ code: -1, msg: 'boom' }, false],
  ])('%j → ok=%s', (body, ok) => {
    expect(parseEnvelope(body).ok).toBe(ok);
  });
  it('maps business codes to error kinds', () => {
    expect(parseEnvelope({ code: '20001', msg: 'x' })).toMatchObject({ ok: false, kind: 'auth' });
    expect(parseEnvelope({ code: 20002, msg: 'x' })).toMatchObject({ ok: false, kind: 'invalid_request' });
    expect(parseEnvelope({ code: '-1', msg: 'x' })).toMatchObject({ ok: false, kind: 'server' });
  });
  it('an empty balance or used-up key quota is its own kind: an undocumented code whose message is exactly such a refusal', () => {
    expect(parseEnvelope({ code: '40003', msg: 'insufficient balance' })).toMatchObject({ ok: false, kind: 'quota' });
    expect(parseEnvelope({ code: '40003', msg: 'insufficient balance, please top up' })).toMatchObject({
      kind: 'quota',
    });
    expect(parseEnvelope({ code: 40002, msg: 'API key quota exceeded' })).toMatchObject({ kind: 'quota' });
    expect(parseEnvelope({ code: '1', msg: '余额不足' })).toMatchObject({ kind: 'quota' });
    expect(parseEnvelope({ code: '1', msg: '账户余额不足，请充值' })).toMatchObject({ kind: 'quota' });
    expect(parseEnvelope({ code: '20001', msg: 'insufficient balance' })).toMatchObject({ kind: 'auth' });
  });
  it('text that only mentions a balance (member input echoed back) is no quota refusal', () => {
    // 20002 is the bad-parameters code, where the vendor repeats what was sent.
    expect(parseEnvelope({ code: 20002, msg: 'API key quota exceeded' })).toMatchObject({ kind: 'invalid_request' });
    expect(
      parseEnvelope({ code: '20002', msg: 'prompt contains sensitive words: "insufficient balance, please top up"' }),
    ).toMatchObject({ kind: 'invalid_request' });
    expect(parseEnvelope({ code: '40010', msg: 'prompt refused: insufficient balance' })).toMatchObject({
      kind: 'unknown',
    });
    expect(parseEnvelope({ code: '1', msg: '提示词违规：余额不足' })).toMatchObject({ kind: 'unknown' });
    // A task's own fields inside data are not the refusal's words.
    expect(parseEnvelope({ code: '1', data: { error_message: 'insufficient balance' } })).toMatchObject({
      kind: 'unknown',
    });
  });
  it.each([
    [{ code: '1', msg: 'from msg' }, 'from msg'],
    [{ code: '1', message: 'from message' }, 'from message'],
    [{ code: '1', error: { message: 'from error.message' } }, 'from error.message'],
    [{ code: '1', error: 'from error string' }, 'from error string'],
    [{ code: '1', data: { error_message: 'from data.error_message' } }, 'from data.error_message'],
    [{ code: '1', data: { error_msg: 'from data.error_msg' } }, 'from data.error_msg'],
    [{ code: '1', data: { reason: 'from data.reason' } }, 'from data.reason'],
  ])('error text from %j', (body, text) => {
    expect(parseEnvelope(body)).toMatchObject({ ok: false, msg: text });
  });
  it('a flat body is its own data; a wrapped body yields its data', () => {
    expect(parseEnvelope({ task_id: 'x' })).toMatchObject({ ok: true, data: { task_id: 'x' } });
    expect(parseEnvelope({ code: '20000', data: { task_id: 'y' } })).toMatchObject({
      ok: true,
      data: { task_id: 'y' },
    });
  });
  it('an unknown failure code keeps its code and falls back to a generic text', () => {
    expect(parseEnvelope({ code: 50001 })).toEqual({
      ok: false,
      code: '50001',
      msg: 'upstream code 50001',
      kind: 'unknown',
    });
  });
  it('msg wins over the other error fields; blank ones are skipped', () => {
    expect(parseEnvelope({ code: '1', msg: '  ', message: 'second', error: 'third' })).toMatchObject({ msg: 'second' });
  });
  it('a non-object answer is an error', () => {
    expect(parseEnvelope('oops').ok).toBe(false);
  });
});

describe('task id of a create answer', () => {
  it.each([
    [{ code: '20000', data: { task_id: 'a' } }, 'a'],
    [{ code: '20000', data: { id: 'b' } }, 'b'],
    [{ task_id: 'c', status: 'queued' }, 'c'],
    [{ id: 'd' }, 'd'],
  ])('%j → %s', (body, id) => expect(parseCreated(body)?.taskId).toBe(id));
  it('no id → undefined', () => expect(parseCreated({ code: '20000', data: {} })).toBeUndefined());
  it('a failure envelope → undefined', () =>
    expect(parseCreated({ code: '20002', msg: 'x', data: { task_id: 'a' } })).toBeUndefined());
  it('keeps the status word', () =>
    expect(parseCreated({ code: 20000, data: { task_id: 7, status: 'queued' } })).toEqual({
      taskId: '7',
      status: 'queued',
    }));
});

describe('status words', () => {
  it.each([
    ...['queued', 'pending', 'submitted', 'not_start', 'in_queue', 'waiting', 'created', ' QUEUED '].map(
      (w) => [w, 'pending'] as const,
    ),
    ...['processing', 'running', 'in_progress', 'generating', 'Processing'].map((w) => [w, 'running'] as const),
    ...['completed', 'succeeded', 'success', 'done', 'SUCCESS'].map((w) => [w, 'succeeded'] as const),
    ...['failed', 'failure', 'fail', 'error'].map((w) => [w, 'failed'] as const),
    ...['cancelled', 'canceled', 'expired', 'timeout'].map((w) => [w, 'cancelled'] as const),
  ])('%s → %s', (word, state) => {
    expect(normaliseStatus(word)).toEqual({ state, known: true });
  });
  it('an unknown word counts as still running, marked unknown', () => {
    expect(normaliseStatus('warming_up')).toEqual({ state: 'running', known: false });
  });
});

describe('task snapshot', () => {
  const wrapped = (data: object) => ({ code: '20000', msg: 'ok', data });
  it.each([
    [{ result: { video_url: 'https://v/1.mp4' } }],
    [{ result: { url: 'https://v/1.mp4' } }],
    [{ video_url: 'https://v/1.mp4' }],
    [{ content: { video_url: 'https://v/1.mp4' } }],
    [{ url: 'https://v/1.mp4' }],
    [{ mediaUrl: 'https://v/1.mp4' }],
  ])('finds the video URL in %j', (fields) => {
    const snap = parseTaskSnapshot(wrapped({ task_id: 't', status: 'completed', ...fields }), 't')!;
    expect(snap).toMatchObject({ state: 'succeeded', videoUrl: 'https://v/1.mp4' });
  });
  it('the nested result URL wins over the others', () => {
    const snap = parseTaskSnapshot(
      wrapped({ status: 'completed', url: 'https://v/other.mp4', result: { video_url: 'https://v/first.mp4' } }),
      't',
    )!;
    expect(snap.videoUrl).toBe('https://v/first.mp4');
  });
  it.each([
    ['queued', 'pending', 0],
    ['processing', 'running', 42],
    ['Completed', 'succeeded', 100],
  ])('status %s → %s with progress %s', (status, state, progress) => {
    const snap = parseTaskSnapshot(
      wrapped({
        task_id: 't9',
        status,
        progress,
        ...(state === 'succeeded' ? { result: { video_url: 'https://v/9.mp4' } } : {}),
      }),
      'hint',
    )!;
    expect(snap).toMatchObject({ taskId: 't9', state, rawStatus: status, known: true, progress });
    expect(snap.errorMessage).toBeUndefined();
  });
  it('an unknown status without a URL stays running, marked unknown', () => {
    expect(parseTaskSnapshot(wrapped({ status: 'warming_up' }), 't')).toMatchObject({
      state: 'running',
      known: false,
      rawStatus: 'warming_up',
    });
  });
  it('completed without a URL stays succeeded with no URL (the caller decides)', () => {
    expect(parseTaskSnapshot(wrapped({ status: 'completed' }), 't')).toMatchObject({
      state: 'succeeded',
      videoUrl: undefined,
    });
  });
  it('an answer with neither status nor URL is not a snapshot', () => {
    expect(parseTaskSnapshot(wrapped({ task_id: 't' }), 't')).toBeUndefined();
  });
  it('the task id falls back to the one asked for', () => {
    expect(parseTaskSnapshot(wrapped({ status: 'queued' }), 'asked')?.taskId).toBe('asked');
  });
  it('a failed task keeps no video URL; a cancelled one has a reason', () => {
    expect(
      parseTaskSnapshot(
        wrapped({ status: 'failed', error_msg: 'Read timed out', result: { video_url: 'https://v/x.mp4' } }),
        't',
      ),
    ).toMatchObject({
      state: 'failed',
      videoUrl: undefined,
      errorMessage: 'Read timed out',
      failureKind: 'transient',
    });
    expect(parseTaskSnapshot(wrapped({ status: 'expired' }), 't')).toMatchObject({
      state: 'cancelled',
      errorMessage: 'upstream status expired',
      failureKind: 'unknown',
    });
  });
  it.each([
    [{ error_message: 'from error_message' }],
    [{ error_msg: 'from error_msg' }],
    [{ reason: 'from reason' }],
    [{ error: { code: 'X', message: 'from error.message' } }],
    [{ error: 'from error' }],
  ])('failure text from %j', (fields) => {
    const text = Object.values(fields)[0];
    const expected = typeof text === 'string' ? text : (text as { message: string }).message;
    expect(parseTaskSnapshot(wrapped({ status: 'failed', ...fields }), 't')?.errorMessage).toBe(expected);
  });
  it('reads the flat form of the zh page', () => {
    expect(
      parseTaskSnapshot({ task_id: 't', status: 'completed', result: { video_url: 'https://v/2.mp4' } }, 't'),
    ).toMatchObject({ state: 'succeeded', videoUrl: 'https://v/2.mp4' });
  });
  it('a video URL means success even under an unknown status word', () => {
    expect(
      parseTaskSnapshot(wrapped({ status: 'finished_ok', result: { video_url: 'https://v/3.mp4' } }), 't'),
    ).toMatchObject({ state: 'succeeded', known: true });
  });
  it('a relative video path fails the task unless a base is configured', () => {
    const body = wrapped({ status: 'completed', result: { video_url: 'seedance/mini-sp/video/x.mp4' } });
    expect(parseTaskSnapshot(body, 't')).toMatchObject({ state: 'failed' });
    expect(parseTaskSnapshot(body, 't', { relativeUrlBase: 'https://oss.example.com' })).toMatchObject({
      state: 'succeeded',
      videoUrl: 'https://oss.example.com/seedance/mini-sp/video/x.mp4',
    });
  });
  it('a relative path with a leading slash joins under the base path', () => {
    const body = wrapped({ status: 'completed', result: { video_url: '/seedance/x.mp4' } });
    expect(parseTaskSnapshot(body, 't', { relativeUrlBase: 'https://oss.example.com/bucket' })?.videoUrl).toBe(
      'https://oss.example.com/bucket/seedance/x.mp4',
    );
  });
  it('the unusable-address message says what was wrong', () => {
    const snap = parseTaskSnapshot(wrapped({ status: 'completed', result: { video_url: 'seedance/x.mp4' } }), 't')!;
    expect(snap.errorMessage).toMatch(/unusable video address.*seedance\/x\.mp4/);
  });
  it('plain http video URLs are refused unless allowed (loopback fakes)', () => {
    const body = wrapped({ status: 'completed', result: { video_url: 'http://127.0.0.1:1/x.mp4' } });
    expect(parseTaskSnapshot(body, 't')?.state).toBe('failed');
    expect(parseTaskSnapshot(body, 't', { allowInsecureVideoUrls: true })?.state).toBe('succeeded');
  });
  it('progress is clamped to 0–100 and timestamps accept seconds or milliseconds', () => {
    const snap = parseTaskSnapshot(
      wrapped({ status: 'processing', progress: '140', created_at: 1_700_000_000, completed_at: 1_700_000_000_000 }),
      't',
    )!;
    expect(snap.progress).toBe(100);
    expect(snap.createdAt?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(snap.completedAt?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
  it.each([
    [{ created_at: '1700000000' }, '2023-11-14T22:13:20.000Z'],
    [{ created_at: 0 }, undefined],
    [{ created_at: 'yesterday' }, undefined],
    [{}, undefined],
  ])('created_at %j → %s', (fields, iso) => {
    expect(parseTaskSnapshot(wrapped({ status: 'queued', ...fields }), 't')?.createdAt?.toISOString()).toBe(iso);
  });
  it.each([
    [-5, 0],
    [37.6, 38],
    ['abc', undefined],
    [undefined, undefined],
  ])('progress %j → %s', (progress, expected) => {
    expect(parseTaskSnapshot(wrapped({ status: 'processing', progress }), 't')?.progress).toBe(expected);
  });
  it('a failure carries its reason and kind', () => {
    expect(
      parseTaskSnapshot(wrapped({ status: 'failed', error_message: 'PROVIDER_MODERATION_ERROR: TRADEMARK' }), 't'),
    ).toMatchObject({
      state: 'failed',
      errorMessage: 'PROVIDER_MODERATION_ERROR: TRADEMARK',
      failureKind: 'moderation',
    });
  });
  it('a non-success envelope is not a snapshot', () => {
    expect(parseTaskSnapshot({ code: '-1', msg: 'x' }, 't')).toBeUndefined();
  });
});

describe('failure classes', () => {
  it.each([
    ['PROVIDER_MODERATION_ERROR', 'moderation'],
    ['PROVIDER_MODERATION_ERROR: TRADEMARK', 'moderation'],
    ['内容违规', 'moderation'],
    ['input is sensitive', 'moderation'],
    ['Read timed out', 'transient'],
    ['connection reset by peer', 'transient'],
    ['s3 upload failed', 'transient'],
    ['insufficient balance', 'quota'],
    ['API key quota exceeded', 'quota'],
    ['video_reference DURATION_TOO_LONG', 'invalid_input'],
    ['TRADEMARK', 'moderation'],
    ['prompt contains sensitive words', 'moderation'],
    ['Read timed out while fetching the image', 'transient'],
    ['余额不足', 'quota'],
    ['Insufficient credits', 'quota'],
    ['reference video DURATION_TOO_LONG (>15s)', 'invalid_input'],
    ['invalid image format', 'invalid_input'],
    ['s3 upload failed: invalid response', 'transient'],
    ['upstream returned 503', 'transient'],
    ['something odd', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (text, kind) => expect(classifyFailure(text)).toBe(kind));
});
