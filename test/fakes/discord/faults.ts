/**
 * REST faults the fake Discord plays on matching requests (rate limits, unknown resources, dead tokens, 5xx):
 * injected ones first, then whatever a fault hook chooses.
 */

interface FaultTarget {
  /** `METHOD /templated/route` (e.g. `PATCH /webhooks/:appId/:token/messages/:messageId`) or a RegExp on it; any route when absent. */
  route?: string | RegExp;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Only requests that carry files (uploads) get the fault; the same route without files succeeds. */
  withFilesOnly?: boolean;
}

export type RestFault = FaultTarget &
  (
    | { status: 429; retryAfterSec: number; global?: boolean }
    | { status: 404; code: 10003 | 10008 | 10015 | 10062 }
    | { status: 401; code: 50027 }
    | { status: 403; code: 50001 | 50013 }
    | { status: 400; code: 40060 }
    | { status: 413; code?: 40005 }
    | { status: 500 | 502 | 503 }
  );

/** Chooses a fault (or none) for a request no injected fault matched; `route` is the templated `METHOD /route`. */
export type RestFaultHook = (route: string, hasFiles: boolean) => RestFault | undefined;

/** The name a played fault is counted under: its status, with its code when it has one (`404:10062`, `429`). */
export const restFaultName = (fault: RestFault): string =>
  fault.status === 413
    ? `413:${fault.code ?? 40005}`
    : 'code' in fault && fault.code !== undefined
      ? `${fault.status}:${fault.code}`
      : String(fault.status);

/** Discord's messages for the error codes the fake speaks. */
export const ERROR_MESSAGES: Record<number, string> = {
  0: 'Internal Server Error',
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  10063: 'Unknown application command',
  40005: 'Request entity too large',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50027: 'Invalid Webhook Token',
  50007: 'Cannot send messages to this user',
  50035: 'Invalid Form Body',
};

export class RestFaults {
  private list: Array<RestFault & { left: number }> = [];

  add(fault: RestFault): void {
    this.list.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.list = [];
  }

  /** The first fault whose route matches `METHOD /templated/route`, consumed once. */
  take(route: string, hasFiles = false): RestFault | undefined {
    const f = this.list.find(
      (x) =>
        x.left > 0 &&
        (!x.withFilesOnly || hasFiles) &&
        (x.route === undefined || (typeof x.route === 'string' ? x.route === route : x.route.test(route))),
    );
    if (!f) return undefined;
    f.left -= 1;
    if (f.left <= 0) this.list = this.list.filter((x) => x !== f);
    return f;
  }
}
