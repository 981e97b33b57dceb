/** Scripted task lifecycles: what a fake task reports at any moment, computed from elapsed time. */
export type Script =
  /** `urlQueryChars`: the video URL carries a query string that long (as long signed storage URLs do). */
  /** `videoFile`: serve this file (a real video made by a test) as the result. */
  | {
      kind: 'succeed';
      queuedMs: number;
      runMs: number;
      videoBytes?: number;
      urlQueryChars?: number;
      videoFile?: string;
    }
  | { kind: 'fail'; afterMs: number; reason: string }
  | { kind: 'stuck' }
  /** A succeed script with the long waits of a loaded upstream (defaults: 20 s queued, 60 s running). */
  | { kind: 'slow'; queuedMs?: number; runMs?: number; videoBytes?: number };

export const DEFAULT_SCRIPT: Script = { kind: 'succeed', queuedMs: 2000, runMs: 5000 };

/** A slow script is a succeed script with long defaults. */
function resolveScript(script: Script): Exclude<Script, { kind: 'slow' }> {
  if (script.kind !== 'slow') return script;
  return {
    kind: 'succeed',
    queuedMs: script.queuedMs ?? 20_000,
    runMs: script.runMs ?? 60_000,
    videoBytes: script.videoBytes,
  };
}

export interface FakeTask {
  taskId: string;
  model: string;
  prompt: string;
  createdAt: number;
  script: Script;
  /** Set by finishTask(): overrides the script from that moment. */
  forced?: { status: 'completed' | 'failed'; reason?: string; at: number };
}

export interface TaskView {
  status: 'queued' | 'processing' | 'completed' | 'failed';
  progress: number;
  completedAt?: number;
  errorMessage?: string;
  videoBytes?: number;
  videoFile?: string;
}

/** Picks a script from markers in the prompt (for demos): [fail], [fail:moderation], [stuck], [slow], [big:BYTES]. */
export function scriptFromPrompt(prompt: string, fallback: Script): Script {
  if (/\[fail:moderation\]/i.test(prompt))
    return { kind: 'fail', afterMs: 3000, reason: 'PROVIDER_MODERATION_ERROR: the content was refused' };
  if (/\[fail\]/i.test(prompt))
    return { kind: 'fail', afterMs: 3000, reason: 's3 upload failed: connection reset by peer' };
  if (/\[stuck\]/i.test(prompt)) return { kind: 'stuck' };
  if (/\[slow\]/i.test(prompt)) return { kind: 'slow' };
  const big = /\[big:(\d+)\]/i.exec(prompt);
  if (big) return { kind: 'succeed', queuedMs: 2000, runMs: 5000, videoBytes: Number(big[1]) };
  return fallback;
}

export function viewAt(task: FakeTask, now: number): TaskView {
  if (task.forced && now >= task.forced.at) {
    return task.forced.status === 'completed'
      ? { status: 'completed', progress: 100, completedAt: task.forced.at }
      : { status: 'failed', progress: 0, completedAt: task.forced.at, errorMessage: task.forced.reason ?? 'failed' };
  }
  const elapsed = now - task.createdAt;
  const s = resolveScript(task.script);
  switch (s.kind) {
    case 'stuck':
      return { status: 'queued', progress: 0 };
    case 'fail':
      return elapsed >= s.afterMs
        ? { status: 'failed', progress: 0, completedAt: task.createdAt + s.afterMs, errorMessage: s.reason }
        : { status: 'queued', progress: 0 };
    case 'succeed': {
      if (elapsed < s.queuedMs) return { status: 'queued', progress: 0 };
      if (elapsed < s.queuedMs + s.runMs) {
        return {
          status: 'processing',
          progress: Math.max(1, Math.min(99, Math.floor(((elapsed - s.queuedMs) / s.runMs) * 100))),
        };
      }
      return {
        status: 'completed',
        progress: 100,
        completedAt: task.createdAt + s.queuedMs + s.runMs,
        videoBytes: s.videoBytes,
        videoFile: s.videoFile,
      };
    }
  }
}
