/**
 * Tolerant readers of the vendor's answers (see shared/upstream-api.md, "Recommended client contract"):
 * wrapped or flat bodies, `code` as string or number, several spellings of status and video URL.
 */
export type UpstreamState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type FailureKind = 'moderation' | 'transient' | 'quota' | 'invalid_input' | 'unknown';

export interface TaskSnapshot {
  taskId: string;
  state: UpstreamState;
  /** The status word as the upstream wrote it. */
  rawStatus: string;
  /** False when the status word was not one we know (then `state` is `running`). */
  known: boolean;
  progress?: number;
  videoUrl?: string;
  errorMessage?: string;
  failureKind?: FailureKind;
  createdAt?: Date;
  completedAt?: Date;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const first = (...values: unknown[]) => values.map(str).find((v) => v !== undefined);

export type EnvelopeErrorKind = 'auth' | 'quota' | 'invalid_request' | 'server' | 'unknown';

export type Envelope =
  | { ok: true; data: Obj; code?: string; msg?: string }
  | { ok: false; code?: string; msg: string; kind: EnvelopeErrorKind };

const SUCCESS_CODES = new Set(['20000', '0', '200']);

/**
 * A refusal for an empty balance or a used-up key quota, as the vendor's whole error message: a short fixed
 * sentence ("insufficient balance, please top up", "API key quota exceeded", "余额不足，请充值"), nothing else.
 * No code of its own is documented, so the message decides, but only when it is exactly such a sentence: an error
 * that merely mentions a balance (a prompt echoed in "prompt refused: insufficient balance") is not one, so
 * member input can never set a key aside.
 */
const EN_QUOTA =
  /^(?:(?:your |the )?(?:account |user |api[ _-]?key |key )?(?:balance|credits?|quota)(?: is)? (?:insufficient|exceeded|exhausted|used up|not enough|too low)|insufficient (?:account |user |api[ _-]?key |key )?(?:balance|credits?|quota|funds))(?:[\s,.;:!-]+(?:please )?(?:top up|recharge)(?: your (?:account|balance))?)?[\s.!]*$/i;
const ZH_QUOTA =
  /^(?:(?:账户|账号|用户|api ?key ?|密钥)?(?:余额|额度)(?:不足|已用完|已用尽|耗尽)|(?:账户|账号)?已?欠费)(?:[，,。；;\s]*请?充值)?[。！!\s]*$/i;
export const isQuotaMessage = (msg: string | undefined): boolean =>
  !!msg && msg.length <= 120 && (EN_QUOTA.test(msg.trim()) || ZH_QUOTA.test(msg.trim()));

/** Splits an answer into its business outcome and its data (the body itself when it is flat). */
export function parseEnvelope(json: unknown): Envelope {
  if (!isObj(json)) return { ok: false, msg: 'the answer is not a JSON object', kind: 'unknown' };
  const code = json.code === undefined || json.code === null ? undefined : String(json.code).trim();
  const data = isObj(json.data) ? json.data : json;
  const error = isObj(json.error) ? json.error : undefined;
  const msg = first(
    json.msg,
    json.message,
    error?.message,
    typeof json.error === 'string' ? json.error : undefined,
    data.error_message,
    data.error_msg,
    data.reason,
  );
  if (code === undefined || SUCCESS_CODES.has(code)) return { ok: true, data, code, msg };
  // The refusal's own words (not a task's fields inside `data`, which may carry what the member wrote).
  const ownMsg = first(json.msg, json.message, error?.message, typeof json.error === 'string' ? json.error : undefined);
  // The documented codes first: 20002 (bad parameters) is where member input comes back, so it is never a quota.
  const kind: EnvelopeErrorKind =
    code === '20001'
      ? 'auth'
      : code === '-1'
        ? 'server'
        : code === '20002'
          ? 'invalid_request'
          : isQuotaMessage(ownMsg)
            ? 'quota'
            : 'unknown';
  return { ok: false, code, msg: msg ?? `upstream code ${code}`, kind };
}

export function parseCreated(json: unknown): { taskId: string; status?: string } | undefined {
  const env = parseEnvelope(json);
  if (!env.ok || !isObj(json)) return undefined;
  const taskId = first(env.data.task_id, env.data.id, json.task_id, json.id);
  return taskId ? { taskId, status: first(env.data.status, json.status) } : undefined;
}

/** The vendor's status words (any case, trimmed) for each state; an unknown word counts as still running. */
export const STATUS_WORDS: Readonly<Record<UpstreamState, readonly string[]>> = {
  pending: ['queued', 'pending', 'submitted', 'not_start', 'in_queue', 'waiting', 'created'],
  running: ['processing', 'running', 'in_progress', 'generating'],
  succeeded: ['completed', 'succeeded', 'success', 'done'],
  failed: ['failed', 'failure', 'fail', 'error'],
  cancelled: ['cancelled', 'canceled', 'expired', 'timeout'],
};
const STATUS = new Map(
  Object.entries(STATUS_WORDS).flatMap(([state, words]) => words.map((w) => [w, state as UpstreamState] as const)),
);

export function normaliseStatus(raw: string): { state: UpstreamState; known: boolean } {
  const state = STATUS.get(raw.trim().toLowerCase());
  return state ? { state, known: true } : { state: 'running', known: false };
}

function toDate(v: unknown): Date | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n > 1e12 ? n : n * 1000);
}

const FAILURE_PATTERNS: Array<[FailureKind, RegExp]> = [
  ['moderation', /moderation|sensitive|violat|违规|敏感|trademark|copyright|nsfw|审核/i],
  ['quota', /balance|quota|insufficient|余额|额度|credit/i],
  // Transient phrases are specific, "invalid" is generic: "s3 upload failed: invalid response" is transient.
  [
    'transient',
    /timed out|timeout|connection reset|reset by peer|s3 upload failed|temporar|unavailable|try again|busy|\b50[234]\b/i,
  ],
  ['invalid_input', /too_long|too long|duration_too|invalid|unsupported|不支持|格式/i],
];

export function classifyFailure(text: string | undefined): FailureKind {
  if (!text) return 'unknown';
  return FAILURE_PATTERNS.find(([, re]) => re.test(text))?.[0] ?? 'unknown';
}

export interface SnapshotOptions {
  /** Join a relative video path with this base instead of failing the task. */
  relativeUrlBase?: string;
  /** Accept http:// video URLs (loopback fakes only). */
  allowInsecureVideoUrls?: boolean;
}

/**
 * Reads a query answer into a TaskSnapshot; undefined when the answer is not a successful envelope, or
 * has neither a status word nor a video URL (then it is not a task at all, and the caller treats it as malformed).
 */
export function parseTaskSnapshot(
  json: unknown,
  taskIdHint: string,
  options: SnapshotOptions = {},
): TaskSnapshot | undefined {
  const env = parseEnvelope(json);
  if (!env.ok) return undefined;
  const d = env.data;
  const result = isObj(d.result) ? d.result : {};
  const content = isObj(d.content) ? d.content : {};
  const rawStatus = first(d.status, d.state, d.task_status) ?? '';
  let { state, known } = normaliseStatus(rawStatus);
  let videoUrl = first(result.video_url, result.url, d.video_url, content.video_url, d.url, d.mediaUrl);
  if (!rawStatus && !videoUrl) return undefined;
  let errorMessage = first(
    d.error_message,
    d.error_msg,
    d.reason,
    isObj(d.error) ? d.error.message : d.error,
    d.message,
  );
  if (videoUrl && state !== 'failed' && state !== 'cancelled') state = 'succeeded';
  if (state === 'succeeded' && videoUrl) {
    const secure = /^https:\/\//i.test(videoUrl) || (options.allowInsecureVideoUrls && /^http:\/\//i.test(videoUrl));
    if (!secure && !/^[a-z]+:\/\//i.test(videoUrl) && options.relativeUrlBase) {
      videoUrl = new URL(
        videoUrl.replace(/^\/+/, ''),
        options.relativeUrlBase.endsWith('/') ? options.relativeUrlBase : `${options.relativeUrlBase}/`,
      ).toString();
    } else if (!secure) {
      errorMessage = `the video service returned an unusable video address (${videoUrl.slice(0, 80)})`;
      state = 'failed';
      videoUrl = undefined;
    }
  }
  const progressRaw = typeof d.progress === 'string' ? Number(d.progress) : d.progress;
  const progress =
    typeof progressRaw === 'number' && Number.isFinite(progressRaw)
      ? Math.max(0, Math.min(100, Math.round(progressRaw)))
      : undefined;
  const failed = state === 'failed' || state === 'cancelled';
  return {
    taskId: first(d.task_id, d.id) ?? taskIdHint,
    state,
    rawStatus: rawStatus || (videoUrl ? 'completed' : ''),
    known: known || !!videoUrl,
    progress,
    videoUrl: state === 'succeeded' ? videoUrl : undefined,
    errorMessage: failed ? (errorMessage ?? `upstream status ${rawStatus || 'unknown'}`) : undefined,
    failureKind: failed ? classifyFailure(errorMessage) : undefined,
    createdAt: toDate(d.created_at),
    completedAt: toDate(d.completed_at),
  };
}
