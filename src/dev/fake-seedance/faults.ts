/** Faults the fake server can be told to produce on its next requests, per route (queued, or from a hook). */
export type Fault =
  | { status: 500 | 502 | 503 }
  | { status: 429; retryAfterSec: number }
  | { kind: 'timeout' }
  | { kind: 'malformed' }
  | { kind: 'code'; code: string; msg: string }
  | { kind: 'reset' }
  /** Answers normally, but only after `ms` (a slow upstream; a create in flight during shutdown). */
  | { kind: 'delay'; ms: number }
  /** Create: the task is created, then the socket is destroyed unanswered. Elsewhere: as `reset`. */
  | { kind: 'resetAfterCreate' }
  /** The normal answer with its full content-length, but only its first half is written before the socket dies. */
  | { kind: 'truncated' }
  /** 200, application/json, `bytes` bytes that start like JSON, streamed (chunked); no task is created. */
  | { kind: 'huge'; bytes: number }
  /** The normal answer written `bytesPerSec` bytes a second (a create's task is made first). */
  | { kind: 'slow'; bytesPerSec: number }
  /** Query: the task's answer with an earlier status than the truth. Other routes: ignored. */
  | { kind: 'backwards' };

/** `audit` and `assetStatus`: the media review's submission and status routes. */
export type FaultRoute = 'create' | 'query' | 'audit' | 'assetStatus';

/** Chooses a fault (or none) for a request that no queued fault claimed; `taskId` on the query route. */
export type FaultHook = (route: FaultRoute, info: { taskId?: string }) => Fault | undefined;

/** The name a played fault is counted under: its kind, or its HTTP status. */
export const faultName = (fault: Fault): string => ('kind' in fault ? fault.kind : String(fault.status));

export class FaultQueue {
  private readonly queues: Record<FaultRoute, Fault[]> = { create: [], query: [], audit: [], assetStatus: [] };

  add(route: FaultRoute, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.queues[route].push(fault);
  }

  next(route: FaultRoute): Fault | undefined {
    return this.queues[route].shift();
  }

  clear(): void {
    for (const route of Object.keys(this.queues) as FaultRoute[]) this.queues[route] = [];
  }
}
