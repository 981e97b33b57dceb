/**
 * The record store every part of the bot reads and writes through: JSON records under string keys
 * (`<collection>:<id>`) in one table, on SQLite or PostgreSQL. Reads go through keyv; what keyv cannot
 * express goes through the database's own client in a backend module: range scans over keys, and
 * transactions. A transaction declares the keys it reads up front and runs a synchronous function over
 * their current values (frozen: change a copy and write it); its writes commit together, in the order transactions were made, before the
 * caller hears back. Transactions that arrive together are committed as one database transaction
 * (group commit), so a burst costs one round of statements, not one per request.
 */

/** A write: a value to store, or `undefined` to delete the record. */
export type Writes = Map<string, unknown>;

/** The view a transaction function gets: the declared records, and where its writes go. */
export interface Tx {
  get<V>(key: string): V | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface ScanOptions {
  /** Start after this key (exclusive); default: the first key with the prefix. */
  after?: string;
  /** Stop before this key (exclusive); default: the last key with the prefix. */
  before?: string;
  limit?: number;
}

export interface TransactOptions {
  /**
   * May wait up to this long (ms) to be committed with others, when nothing else is being committed: for work
   * made at a steady rate that nobody waits on (the poller's saves). A commit costs more than the few
   * transactions in it, so those commits carry several. Another transaction committed sooner takes it along.
   */
  gatherMs?: number;
}

export interface RecordStore {
  readonly kind: 'sqlite' | 'postgres';
  /** True when other processes may use the same data at the same time (PostgreSQL). */
  readonly shared: boolean;
  /** Where the data lives, for logs (a file path, or a database URL without its password). */
  readonly location: string;
  /** One record as last committed (reads asked for in the same event-loop turn share one query). */
  get<V>(key: string): Promise<V | undefined>;
  getMany<V>(keys: readonly string[]): Promise<Map<string, V>>;
  /** Records whose key starts with `prefix`, in key order (served by the primary-key index). */
  scan<V>(prefix: string, options?: ScanOptions): Promise<Array<[key: string, value: V]>>;
  /** Every record whose key starts with `prefix`, a page at a time, in key order (records of a page may be deleted before the next). */
  pages<V>(prefix: string, size?: number): AsyncIterable<Array<[key: string, value: V]>>;
  /**
   * Runs `fn` atomically over the records named in `keys` and commits its writes before resolving with its
   * result. `fn` must be synchronous and may only touch the keys it declared. If it throws, nothing it did
   * is written and the promise rejects with its error; if the commit fails, the promise rejects and nothing
   * is written. Transactions commit in the order they were made.
   */
  transact<T>(keys: readonly string[], fn: (tx: Tx) => T, options?: TransactOptions): Promise<T>;
  /** Runs `fn` in one process at a time, where several share the database (else simply runs it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Gives the space of deleted records back to the file system, where the database needs asking. */
  reclaim?(): Promise<void>;
  close(): Promise<void>;
}

/** What a database must provide for the store: batched reads, range scans and one atomic batch. */
export interface StoreBackend {
  readonly kind: RecordStore['kind'];
  readonly location: string;
  getMany(keys: readonly string[]): Promise<Map<string, unknown>>;
  scan(
    lower: string,
    upper: string,
    inclusiveLower: boolean,
    limit: number | undefined,
  ): Promise<Array<[string, unknown]>>;
  /**
   * In one database transaction: lock `keys` against other processes (where the database is shared),
   * read them, call `apply` with what was read, write what it returns, commit. `apply` may be called again
   * if the database asks for a retry (deadlock, serialisation failure); it has no side effects.
   */
  runBatch(keys: readonly string[], apply: (current: Map<string, unknown>) => Writes): Promise<void>;
  /**
   * Only where this process is the database's sole writer (SQLite, held exclusively): commits `writes` as one
   * database transaction after every commit asked for before it, unless `abort()` then returns an error
   * (an earlier part it depends on failed), in which case it writes nothing and rejects with that error.
   */
  commitInOrder?(writes: Writes, abort: () => unknown): Promise<void>;
  /**
   * Most keys (locks) one `runBatch` should declare: transactions made together are then committed in several
   * database transactions, in order (one transaction declaring more still runs, alone).
   */
  readonly maxBatchKeys?: number;
  /** Where several processes share the database: runs `fn` in one of them at a time (schema upgrades). */
  exclusive?<T>(fn: () => Promise<T>): Promise<T>;
  reclaim?(): Promise<void>;
  close(): Promise<void>;
}

export class UndeclaredKeyError extends Error {
  constructor(key: string) {
    super(`transaction touched ${key}, which it did not declare`);
  }
}

/** The first key after every key that starts with `prefix` (keys are compared byte by byte). */
export function prefixEnd(prefix: string): string {
  if (!prefix) return '\uffff';
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

interface Pending {
  keys: readonly string[];
  fn: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Freezes a JSON value and everything in it, in place. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}

/**
 * One transaction's view of a batch: what it declared, read through its own writes. Values are frozen (no
 * copies: a batch of a thousand transactions would spend its time cloning), so a function that changes what
 * it read, or what it wrote, fails loudly instead of changing the batch.
 */
class BatchTx implements Tx {
  readonly own = new Map<string, unknown>();
  /** A Set once a transaction declares more than a few keys (lease pages and queue rounds declare hundreds). */
  private readonly declared: { has(key: string): boolean };
  constructor(
    declared: readonly string[],
    private readonly view: Map<string, unknown>,
  ) {
    this.declared = declared.length > 16 ? new Set(declared) : { has: (key) => declared.includes(key) };
  }
  private check(key: string): void {
    if (!this.declared.has(key)) throw new UndeclaredKeyError(key);
  }
  get<V>(key: string): V | undefined {
    this.check(key);
    return deepFreeze(this.own.has(key) ? this.own.get(key) : this.view.get(key)) as V | undefined;
  }
  set(key: string, value: unknown): void {
    this.check(key);
    if (value === undefined) throw new Error(`use delete, not set(undefined), for ${key}`);
    this.own.set(key, deepFreeze(value));
  }
  delete(key: string): void {
    this.check(key);
    this.own.set(key, undefined);
  }
}

/** Largest group of transactions read together (bounds one batch's memory and latency). */
const MAX_BATCH = 2000;
/** Transactions per database transaction when a batch is committed in parts (see flushPipelined). */
const PART = 250;

export function createRecordStore(backend: StoreBackend): RecordStore {
  let queue: Pending[] = [];
  /** A flush runs, or starts on the next turn. */
  let flushing = false;
  /** A flush starts when this fires, at `gatherUntil` (only gathering transactions wait). */
  let gathering: ReturnType<typeof setTimeout> | undefined;
  let gatherUntil = 0;
  let closed = false;

  function stopGathering(): void {
    if (gathering) clearTimeout(gathering);
    gathering = undefined;
  }

  function startFlush(): void {
    stopGathering();
    if (flushing) return;
    flushing = true;
    void flush();
  }

  // --- group commit: one batch at a time, in arrival order -------------------------------------------
  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
  const settleAll = (batch: Pending[], outcomes: Outcome[]) =>
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length) {
      const { batch, keys } = nextBatch();
      if (backend.commitInOrder) await flushPipelined(batch, keys, backend.commitInOrder);
      else await flushLocked(batch, keys);
    }
    flushing = false;
  }

  /** The next transactions to commit together: at most MAX_BATCH, declaring at most the backend's maxBatchKeys. */
  function nextBatch(): { batch: Pending[]; keys: string[] } {
    const limit = backend.maxBatchKeys ?? Number.POSITIVE_INFINITY;
    const keys = new Set<string>();
    let n = 0;
    for (; n < queue.length && n < MAX_BATCH; n += 1) {
      const declared = queue[n]!.keys;
      if (
        n > 0 &&
        keys.size + declared.length > limit &&
        keys.size + declared.filter((k) => !keys.has(k)).length > limit
      ) {
        break;
      }
      for (const k of declared) keys.add(k);
    }
    const batch = queue.slice(0, n);
    queue = queue.slice(n);
    return { batch, keys: [...keys] };
  }

  /** A shared database: the backend locks the batch's keys, and the whole batch is one database transaction. */
  async function flushLocked(batch: Pending[], keys: string[]) {
    let outcomes: Outcome[] = [];
    try {
      await backend.runBatch(keys, (current) => {
        const view = new Map(current);
        const written: Writes = new Map();
        outcomes = batch.map((p) => runOne(p, view, written));
        return written;
      });
    } catch (err) {
      // Nothing of this batch was written: every transaction in it fails, memory is unchanged.
      for (const p of batch) p.reject(err);
      return;
    }
    settleAll(batch, outcomes);
  }

  /**
   * A database only this process writes: one read for the whole batch, then its transactions are decided in
   * parts, each part committed (in order) while the next one is decided. A part whose commit fails takes the
   * later parts down with it (they were decided on its writes); earlier parts stand.
   */
  async function flushPipelined(batch: Pending[], keys: string[], commit: NonNullable<StoreBackend['commitInOrder']>) {
    let current: Map<string, unknown>;
    try {
      current = await backend.getMany(keys);
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    const view = new Map(current);
    let failed: unknown;
    const commits: Array<Promise<void>> = [];
    for (let i = 0; i < batch.length; i += PART) {
      const part = batch.slice(i, i + PART);
      const written: Writes = new Map();
      const outcomes = part.map((p) => runOne(p, view, written));
      commits.push(
        commit(written, () => failed).then(
          () => settleAll(part, outcomes),
          (err: unknown) => {
            failed ??= err;
            for (const p of part) p.reject(err);
          },
        ),
      );
      // Let the part just handed over start (and earlier answers go out) before deciding the next one.
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(commits);
  }

  /** Runs one transaction over the batch's view; its writes join the batch only if it succeeds. */
  function runOne(p: Pending, view: Map<string, unknown>, written: Writes): Outcome {
    const tx = new BatchTx(p.keys, view);
    try {
      const value = p.fn(tx);
      if (value instanceof Promise) throw new Error('a transaction function must be synchronous');
      for (const [k, v] of tx.own) {
        if (v === undefined) view.delete(k);
        else view.set(k, v);
        written.set(k, v);
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error };
    }
  }

  // --- reads asked for in the same turn share one query -----------------------------------------------
  let readBatch: Map<string, Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }>> | undefined;
  function readLater(key: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (!readBatch) {
        const batch = new Map<string, Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }>>();
        readBatch = batch;
        setImmediate(() => {
          readBatch = undefined;
          backend.getMany([...batch.keys()]).then(
            (found) => {
              for (const [k, waiters] of batch) for (const w of waiters) w.resolve(found.get(k));
            },
            (err: unknown) => {
              for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
            },
          );
        });
      }
      const waiters = readBatch.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else readBatch.set(key, [{ resolve, reject }]);
    });
  }

  return {
    kind: backend.kind,
    shared: backend.kind === 'postgres',
    location: backend.location,
    get: <V>(key: string) => readLater(key) as Promise<V | undefined>,
    getMany: (keys) => backend.getMany(keys) as never,
    async scan<V>(prefix: string, options: ScanOptions = {}) {
      const lower = options.after ?? prefix;
      const upper = options.before ?? prefixEnd(prefix);
      return (await backend.scan(lower, upper, options.after === undefined, options.limit)) as Array<[string, V]>;
    },
    async *pages<V>(prefix: string, size = 1000) {
      let after: string | undefined;
      for (;;) {
        const page = await this.scan<V>(prefix, { after, limit: size });
        if (page.length) yield page;
        if (page.length < size) return;
        after = page[page.length - 1]![0];
      }
    },
    transact<T>(keys: readonly string[], fn: (tx: Tx) => T, options: TransactOptions = {}): Promise<T> {
      if (closed) return Promise.reject(new Error('the record store is closed'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ keys, fn, resolve: resolve as (v: unknown) => void, reject });
        if (flushing) return;
        // A gathering transaction waits for company (a flush already under way takes it at once).
        if (options.gatherMs) {
          const until = Date.now() + options.gatherMs;
          if (!gathering || until < gatherUntil) {
            stopGathering();
            gatherUntil = until;
            gathering = setTimeout(startFlush, options.gatherMs);
          }
          return;
        }
        // Wait one turn so transactions made together commit together.
        flushing = true;
        stopGathering();
        setImmediate(() => void flush());
      });
    },
    reclaim: backend.reclaim ? () => backend.reclaim!() : undefined,
    exclusive: (fn) => (backend.exclusive ? backend.exclusive(fn) : fn()),
    async close() {
      closed = true;
      // Let what was already asked for commit first.
      while (flushing || queue.length) await new Promise((r) => setTimeout(r, 5));
      await backend.close();
    },
  };
}

/** Every record of a collection at once (for collections known to stay small enough: open tasks, usage of a scope). */
export async function collect<V>(store: RecordStore, prefix: string): Promise<Array<[string, V]>> {
  const out: Array<[string, V]> = [];
  for await (const page of store.pages<V>(prefix)) out.push(...page);
  return out;
}
