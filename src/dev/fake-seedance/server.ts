/**
 * A loopback fake of the jimmyai Seedance API: bearer check, create + query, the media review of Manxue
 * models (submit, status, Processing → Active or Failed, failedItems; create refuses non-asset media on
 * sd2_mx_*, and assets of another key's account), scripted lifecycles on an injectable clock, injectable
 * faults (queued per route, or chosen by a hook), and real MP4 files for finished tasks. Records every request
 * (or, with `recordRequests: false`, only counts them), keeps a ledger of every task it created and counts the
 * faults it played.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { writeHuge, writeSlow, writeTruncated } from './faultAnswers.js';
import { FaultQueue, faultName, type Fault, type FaultHook, type FaultRoute } from './faults.js';
import { paddedMp4Stream, smallMp4 } from './mp4.js';
import { DEFAULT_SCRIPT, scriptFromPrompt, viewAt, type FakeTask, type Script } from './scripts.js';

/** How the fake treats a key it knows: `refused` answers code 20001, `broke` says the balance is insufficient. */
export type FakeKeyState = 'ok' | 'refused' | 'broke';

export interface FakeSeedanceOptions {
  apiKey?: string;
  /** More accepted keys (several accounts); each task may be queried only with the key that created it. */
  apiKeys?: string[];
  /** Keys the fake knows but refuses (20001) or finds out of balance, from the start. */
  keyStates?: Record<string, FakeKeyState>;
  now?: () => number;
  defaultScript?: Script;
  /** Picks a create's script from its request (benches: render times by kind); before the queued scripts. */
  scriptFor?: (create: { model: string; prompt: string }) => Script | undefined;
  /** `flat` answers without the {code,msg,data} wrapper, as the vendor's zh page shows. */
  envelope?: 'wrapped' | 'flat';
  port?: number;
  /** How long a file stays `Processing` in the media review before it is `Active` (default 300 ms). */
  assetReviewMs?: number;
  /** Field spelling of the media review's answers (the provider's camelCase, or snake_case). */
  assetCase?: 'camel' | 'snake';
  /** The media review's success code (the provider's "0", or the vendor's "20000"). */
  assetCode?: '0' | '20000';
  /**
   * Keep every request with its body in `requests` (default true). False for long runs: only the counters, the
   * create ledger and the tasks are kept (`requests` stays empty, `audits()` returns nothing).
   */
  recordRequests?: boolean;
}

/** One task the fake created, whatever fault then hit its answer. */
export interface CreateRecord {
  taskId: string;
  model: string;
  prompt: string;
  /** When it was created (the fake's clock). */
  at: number;
  /** True once the whole answer was written to the socket (the response's 'finish'). */
  answered: boolean;
  apiKey: string;
}

/**
 * One file in the fake media review. Markers in its URL choose the outcome: `review-refuse` (refused at
 * submission, in failedItems), `review-fail` (Processing, then Failed), `review-stuck` (Processing forever).
 */
export interface FakeAsset {
  assetId: string;
  url: string;
  kind: 'image' | 'video' | 'audio';
  createdAt: number;
  outcome: 'active' | 'fail' | 'stuck';
  /** The key (account) that submitted it: only that key may query it or use it in a create. */
  apiKey?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string (without `?`), when there was one. */
  query?: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

const CREATE = '/api/open-api/v1/seedance/videos';
const QUERY = /^\/api\/open-api\/v1\/videos\/([^/]+)$/;
const FILE = /^\/files\/([A-Za-z0-9_-]+)\.mp4$/;
const AUDIT = '/api/open-api/v1/seedance/assets/audit';
const ASSET_STATUS = '/api/open-api/v1/seedance/assets/status';
const MEDIA_FIELDS = ['images', 'first_image', 'last_image', 'reference_videos', 'reference_audios'] as const;

export async function startFakeSeedance(options: FakeSeedanceOptions = {}) {
  const apiKey = options.apiKey ?? 'test-key';
  const accepted = new Set([apiKey, ...(options.apiKeys ?? [])]);
  const keyStates = new Map<string, FakeKeyState>(Object.entries(options.keyStates ?? {}));
  const keyOf = (req: IncomingMessage) => {
    const auth = req.headers.authorization ?? '';
    return auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
  };
  const now = options.now ?? Date.now;
  const tasks = new Map<string, FakeTask>();
  const scriptQueue: Script[] = [];
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const record = options.recordRequests ?? true;
  const counts = { create: 0, query: 0, audit: 0, assetStatus: 0 };
  const createsByAuth = new Map<string, number>();
  const ledger: CreateRecord[] = [];
  const faultCounts: Record<string, number> = {};
  const played = (fault: Fault) => {
    const name = faultName(fault);
    faultCounts[name] = (faultCounts[name] ?? 0) + 1;
  };
  let faultHook: FaultHook | undefined;
  const sockets = new Set<Socket>();
  const mp4 = smallMp4();
  const assets = new Map<string, FakeAsset>();
  const reviewMs = options.assetReviewMs ?? 300;
  const snake = options.assetCase === 'snake';
  const assetCode = options.assetCode ?? '0';

  const assetStatusAt = (a: FakeAsset, at: number) =>
    a.outcome === 'stuck' || at - a.createdAt < reviewMs ? 'Processing' : a.outcome === 'fail' ? 'Failed' : 'Active';

  /** The provider's answer to a review submission (ASSUMED shape, see src/services/seedance/assets.ts). */
  function audit(body: unknown, apiKey: string) {
    const b = (body ?? {}) as Record<string, unknown>;
    const lists: Array<[FakeAsset['kind'], unknown]> = [
      ['image', b.imageUrls ?? b.image_urls],
      ['video', b.videoUrls ?? b.video_urls],
      ['audio', b.audioUrls ?? b.audio_urls],
    ];
    const items: unknown[] = [];
    const failedItems: unknown[] = [];
    let any = false;
    for (const [kind, list] of lists) {
      if (!Array.isArray(list)) continue;
      for (const url of list) {
        if (typeof url !== 'string') continue;
        any = true;
        if (/review-refuse/.test(url)) {
          failedItems.push(
            snake
              ? { asset_type: kind, original_url: url, reason: 'the file could not be read: unsupported encoding' }
              : { assetType: kind, originalUrl: url, reason: 'the file could not be read: unsupported encoding' },
          );
          continue;
        }
        const asset: FakeAsset = {
          assetId: `ast_${randomBytes(6).toString('hex')}`,
          url,
          kind,
          createdAt: now(),
          outcome: /review-fail/.test(url) ? 'fail' : /review-stuck/.test(url) ? 'stuck' : 'active',
          apiKey,
        };
        assets.set(asset.assetId, asset);
        items.push(
          snake
            ? { asset_type: kind, original_url: url, asset_id: asset.assetId, status: 'submitted' }
            : { assetType: kind, originalUrl: url, assetId: asset.assetId, status: 'submitted' },
        );
      }
    }
    if (!any) return { status: 400, payload: { code: '20002', msg: 'imageUrls, videoUrls or audioUrls is required' } };
    return {
      status: 200,
      payload: {
        code: assetCode,
        msg: 'ok',
        data: snake ? { items, failed_items: failedItems } : { items, failedItems },
      },
    };
  }

  /** Status of asset ids: `?assetIds=a,b` (any parameter name) or `{"assetIds": [...]}`. */
  function assetStatus(req: IncomingMessage, body: unknown, apiKey: string) {
    let ids: string[] = [];
    if (req.method === 'GET') {
      const query = new URL(req.url ?? '/', 'http://fake').searchParams;
      for (const v of query.values()) ids.push(...v.split(',').filter(Boolean));
    } else {
      const b = (body ?? {}) as Record<string, unknown>;
      const list = Object.values(b).find(Array.isArray) as unknown[] | undefined;
      ids = (list ?? []).filter((x): x is string => typeof x === 'string');
    }
    const items = ids
      .map((id) => assets.get(id))
      .filter((a): a is FakeAsset => !!a && (!a.apiKey || a.apiKey === apiKey))
      .map((a) => {
        const status = assetStatusAt(a, now());
        const reason = status === 'Failed' ? 'the image shows a recognisable real person' : undefined;
        return snake
          ? { asset_id: a.assetId, status, ...(reason ? { fail_reason: reason } : {}) }
          : { assetId: a.assetId, status, ...(reason ? { failReason: reason } : {}) };
      });
    return { code: assetCode, msg: 'ok', data: { items } };
  }

  /** Manxue models take media only as asset:// ids of Active assets (the vendor's "Full route: asset://{assetId}"). */
  function manxueMediaProblem(b: Record<string, unknown>, apiKey: string): string | undefined {
    if (typeof b.model !== 'string' || !b.model.startsWith('sd2_mx_')) return undefined;
    for (const field of MEDIA_FIELDS) {
      const v = b[field];
      for (const url of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
        const id = typeof url === 'string' && url.startsWith('asset://') ? url.slice(8) : undefined;
        const asset = id ? assets.get(id) : undefined;
        if (!asset || (asset.apiKey && asset.apiKey !== apiKey)) return `${field}: Full route: asset://{assetId}`;
        if (assetStatusAt(asset, now()) !== 'Active') return `${field}: asset ${id} is not Active`;
      }
    }
    return undefined;
  }
  let url = '';

  const send = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  const wrap = (code: string, msg: string, data?: unknown) =>
    options.envelope === 'flat' && code === '20000' ? data : { code, msg, ...(data === undefined ? {} : { data }) };

  /**
   * Plays a fault that replaces the answer; returns true when the request has been answered (or dropped) by it.
   * Faults that shape the normal answer (delay, resetAfterCreate on create, truncated, slow, backwards) are left
   * to the caller.
   */
  function playFault(fault: Fault | undefined, route: FaultRoute, req: IncomingMessage, res: ServerResponse): boolean {
    if (!fault) return false;
    if ('kind' in fault) {
      switch (fault.kind) {
        case 'delay':
        case 'truncated':
        case 'slow':
        case 'backwards':
          return false;
        case 'resetAfterCreate':
          if (route === 'create') return false;
          played(fault);
          req.socket.destroy();
          return true;
        case 'huge':
          played(fault);
          writeHuge(res, fault.bytes);
          return true;
        case 'timeout':
          played(fault);
          return true; // never answer; close() destroys the socket
        case 'reset':
          played(fault);
          req.socket.destroy();
          return true;
        case 'malformed':
          played(fault);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"code": "20000", "data": {');
          return true;
        case 'code':
          played(fault);
          send(res, 200, { code: fault.code, msg: fault.msg });
          return true;
      }
    }
    played(fault);
    if (fault.status === 429)
      send(res, 429, { code: '429', msg: 'too many requests' }, { 'retry-after': String(fault.retryAfterSec) });
    else send(res, fault.status, { code: '-1', msg: `upstream error ${fault.status}` });
    return true;
  }

  /** A long query string, as signed object-storage URLs carry (the file route ignores it). */
  const signature = (task: FakeTask) => {
    const n = task.script.kind === 'succeed' ? (task.script.urlQueryChars ?? 0) : 0;
    return n > 0 ? `?sig=${'a'.repeat(Math.max(0, n - 5))}` : '';
  };

  /** The task's answer; `backwards` reports an earlier status than the truth (done → processing 50 → queued). */
  function taskJson(task: FakeTask, backwards = false) {
    const truth = viewAt(task, now());
    const view: typeof truth = !backwards
      ? truth
      : truth.status === 'queued' || truth.status === 'processing'
        ? { status: 'queued', progress: 0 }
        : { status: 'processing', progress: 50 };
    return {
      task_id: task.taskId,
      status: view.status,
      progress: view.progress,
      model: task.model,
      created_at: Math.floor(task.createdAt / 1000),
      completed_at: view.completedAt ? Math.floor(view.completedAt / 1000) : 0,
      result: view.status === 'completed' ? { video_url: `${url}/files/${task.taskId}.mp4${signature(task)}` } : {},
      error_message: view.errorMessage ?? '',
    };
  }

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  const server = createServer((req, res) => {
    // A client that gives up mid-request must not become an unhandled rejection in the test process.
    handle(req, res).catch(() => req.socket.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '/', query] = (req.url ?? '/').split('?');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (record)
      requests.push({
        method: req.method ?? 'GET',
        path,
        ...(query ? { query } : {}),
        headers: req.headers,
        body,
        at: now(),
      });

    const file = FILE.exec(path);
    if (req.method === 'GET' && file) {
      const task = tasks.get(file[1]!);
      if (!task) return send(res, 404, { code: '404', msg: 'no such file' });
      const view = viewAt(task, now());
      const bytes = view.videoBytes;
      if (view.videoFile) {
        const size = (await stat(view.videoFile)).size;
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size });
        createReadStream(view.videoFile).pipe(res);
      } else if (bytes && bytes > mp4.length) {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': bytes });
        paddedMp4Stream(bytes).pipe(res);
      } else {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': mp4.length });
        res.end(mp4);
      }
      return;
    }

    const route: FaultRoute | undefined =
      req.method === 'POST' && path === CREATE
        ? 'create'
        : req.method === 'GET' && QUERY.test(path)
          ? 'query'
          : req.method === 'POST' && path === AUDIT
            ? 'audit'
            : path === ASSET_STATUS
              ? 'assetStatus'
              : undefined;
    if (!route) return send(res, 404, { code: '404', msg: 'no such route' });
    counts[route] += 1;
    if (route === 'create') {
      const auth = req.headers.authorization ?? '';
      createsByAuth.set(auth, (createsByAuth.get(auth) ?? 0) + 1);
    }
    const key = keyOf(req);
    if (!key || !accepted.has(key)) return send(res, 401, { code: '20001', msg: 'invalid api key' });
    const keyState = keyStates.get(key) ?? 'ok';
    if (keyState === 'refused') return send(res, 200, { code: '20001', msg: 'api key disabled' });
    if (keyState === 'broke' && route === 'create')
      return send(res, 200, { code: '40003', msg: 'insufficient balance, please top up' });
    const queryId = route === 'query' ? decodeURIComponent(QUERY.exec(path)![1]!) : undefined;
    // Queued faults first; the hook only for requests the queue has nothing for.
    const fault = faults.next(route) ?? faultHook?.(route, queryId === undefined ? {} : { taskId: queryId });
    if (fault && 'kind' in fault && fault.kind === 'delay') {
      played(fault);
      await new Promise((r) => setTimeout(r, fault.ms));
    } else if (playFault(fault, route, req, res)) return;
    const shape = fault && 'kind' in fault ? fault : undefined;

    /** The route's answer, written as the fault (if any) says; `onWritten` once the whole of it was written. */
    const answer = (status: number, payload: unknown, onWritten?: () => void) => {
      if (onWritten) res.once('finish', onWritten);
      const text = Buffer.from(JSON.stringify(payload));
      const head = { 'content-type': 'application/json', 'content-length': text.length };
      switch (shape?.kind) {
        case 'resetAfterCreate':
          played(shape);
          return void req.socket.destroy();
        case 'truncated':
          played(shape);
          return writeTruncated(req, res, status, head, text);
        case 'slow':
          played(shape);
          return writeSlow(res, status, head, text, shape.bytesPerSec);
        default:
          res.writeHead(status, head);
          res.end(text);
      }
    };

    if (route === 'audit') {
      const result = audit(body, key);
      return answer(result.status, result.payload);
    }
    if (route === 'assetStatus') return answer(200, assetStatus(req, body, key));
    if (route === 'create') {
      const b = (body ?? {}) as { model?: unknown; prompt?: unknown };
      if (typeof b.model !== 'string' || typeof b.prompt !== 'string')
        return answer(400, { code: '20002', msg: 'model and prompt are required' });
      const mediaProblem = manxueMediaProblem(b as Record<string, unknown>, key);
      if (mediaProblem) return answer(400, { code: '20002', msg: mediaProblem });
      const taskId = `task_${randomBytes(8).toString('hex')}`;
      const script =
        options.scriptFor?.({ model: b.model, prompt: b.prompt }) ??
        scriptQueue.shift() ??
        scriptFromPrompt(b.prompt, options.defaultScript ?? DEFAULT_SCRIPT);
      const task: FakeTask = { taskId, model: b.model, prompt: b.prompt, createdAt: now(), script, apiKey: key };
      tasks.set(taskId, task);
      const entry: CreateRecord = {
        taskId,
        model: b.model,
        prompt: b.prompt,
        at: task.createdAt,
        answered: false,
        apiKey: key,
      };
      ledger.push(entry);
      return answer(
        200,
        wrap('20000', 'ok', {
          task_id: taskId,
          status: 'queued',
          model: b.model,
          created_at: Math.floor(task.createdAt / 1000),
        }),
        () => {
          entry.answered = true;
        },
      );
    }
    const task = tasks.get(queryId!);
    // Another account's task is unknown to this key.
    if (!task || (task.apiKey && task.apiKey !== key)) return answer(404, { code: '20002', msg: 'task not found' });
    const backwards = shape?.kind === 'backwards';
    if (backwards) played(shape);
    return answer(200, wrap('20000', 'ok', taskJson(task, backwards)));
  }
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Longer than undici's own 4 s idle timeout, so clients never reuse a socket the server is closing.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiKey,
    tasks,
    requests,
    enqueueScript: (script: Script) => void scriptQueue.push(script),
    /** Queued faults: played in order on the route's next requests, before the hook is asked. */
    injectFault: (route: FaultRoute, fault: Fault, times = 1) => faults.add(route, fault, times),
    /**
     * Random faults: asked for every (authenticated) request of a fault route that no queued fault claims; what it
     * returns is played like a queued fault (a `delay` too). `undefined` removes it.
     */
    setFaultHook(hook: FaultHook | undefined) {
      faultHook = hook;
    },
    /** Every task the fake created, in order; `answered` once its whole answer was written to the socket. */
    creates: (): CreateRecord[] => ledger.map((e) => ({ ...e })),
    /** Faults played so far, by kind (or HTTP status: `429`, `500`, …). */
    faultCounts: (): Record<string, number> => ({ ...faultCounts }),
    /** Forces a task's outcome from now on. */
    finishTask(taskId: string, result: { status: 'completed' | 'failed'; reason?: string }) {
      const task = tasks.get(taskId);
      if (!task) throw new Error(`unknown fake task ${taskId}`);
      task.forced = { ...result, at: now() };
    },
    createCount: () => counts.create,
    /** Create requests made with `key` (answered or not). */
    createCountFor: (key: string) => createsByAuth.get(`Bearer ${key}`) ?? 0,
    /** Refuse a key (20001), make it run out of balance, or accept it again. */
    setKeyState(key: string, state: FakeKeyState) {
      keyStates.set(key, state);
    },
    queryCount: () => counts.query,
    /** Files in the media review, by asset id. */
    assets,
    /** The bodies of every media review submission, in order (none when requests are not recorded). */
    audits: () => requests.filter((r) => r.method === 'POST' && r.path === AUDIT).map((r) => r.body),
    auditCount: () => counts.audit,
    assetStatusCount: () => counts.assetStatus,
    async close() {
      faults.clear();
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSeedance = Awaited<ReturnType<typeof startFakeSeedance>>;
