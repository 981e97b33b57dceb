/** Faults the fake server can be told to produce on its next requests, per route. */
export type Fault =
  | { status: 500 | 502 | 503 }
  | { status: 429; retryAfterSec: number }
  | { kind: 'timeout' }
  | { kind: 'malformed' }
  | { kind: 'code'; code: string; msg: string }
  | { kind: 'reset' }
  /** Answers normally, but only after `ms` (a slow upstream; a create in flight during shutdown). */
  | { kind: 'delay'; ms: number };

/** `audit` and `assetStatus`: the media review's submission and status routes. */
export type FaultRoute = 'create' | 'query' | 'audit' | 'assetStatus';

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
