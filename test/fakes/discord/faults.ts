/** REST faults the fake Discord plays on matching requests: rate limits, unknown messages, dead tokens, 5xx. */
export type RestFault =
  | { route?: string | RegExp; times?: number; status: 429; retryAfterSec: number; global?: boolean }
  | { route?: string | RegExp; times?: number; status: 404; code: 10008 | 10015 | 10003 }
  | { route?: string | RegExp; times?: number; status: 401; code: 50027 }
  | { route?: string | RegExp; times?: number; status: 500 | 502 };

export class RestFaults {
  private list: Array<RestFault & { left: number }> = [];

  add(fault: RestFault): void {
    this.list.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The first fault whose route matches `METHOD /templated/route`, consumed once. */
  take(route: string): RestFault | undefined {
    const f = this.list.find((x) => x.left > 0 && (x.route === undefined || (typeof x.route === 'string' ? x.route === route : x.route.test(route))));
    if (!f) return undefined;
    f.left -= 1;
    this.list = this.list.filter((x) => x.left > 0);
    return f;
  }
}
