/** Typed upstream failures that keep the vendor's business `code` and `msg`. Messages never hold the key. */
export type SeedanceErrorKind =
  | 'auth'
  | 'invalid_request'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'not_found'
  /** The account has run out of balance or quota (an answer that proves no task was created). */
  | 'quota'
  /** Every API key is set aside (refused or out of balance): nothing was sent. */
  | 'unavailable';

export interface SeedanceErrorInit {
  kind: SeedanceErrorKind;
  message: string;
  httpStatus?: number;
  code?: string;
  upstreamMsg?: string;
  retryAfterMs?: number;
  /** For create: the request may have reached the server, so a video may exist (and be charged). */
  mayHaveReachedServer: boolean;
}

const RETRYABLE: readonly SeedanceErrorKind[] = [
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed',
  'not_found',
];

export class SeedanceError extends Error {
  readonly kind: SeedanceErrorKind;
  readonly httpStatus?: number;
  readonly code?: string;
  readonly upstreamMsg?: string;
  readonly retryAfterMs?: number;
  readonly mayHaveReachedServer: boolean;
  readonly retryable: boolean;

  constructor(init: SeedanceErrorInit) {
    super(init.message);
    this.name = 'SeedanceError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.upstreamMsg = init.upstreamMsg;
    this.retryAfterMs = init.retryAfterMs;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.retryable = RETRYABLE.includes(init.kind);
  }
}

export const isSeedanceError = (err: unknown): err is SeedanceError => err instanceof SeedanceError;
