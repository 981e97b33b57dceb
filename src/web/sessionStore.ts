/**
 * The web sessions' store for @fastify/session, in the bot's record store (SQLite or PostgreSQL), so any process
 * sharing the database serves any request: `web_sessions:<id>` holds the session and when it expires. An expired
 * session is never handed back (it is deleted when read); retention deletes the ones never read again.
 */
import type { Session } from 'fastify';
import { keys } from '../db/keys.js';
import type { RecordStore } from '../db/recordStore.js';

interface StoredSession {
  session: unknown;
  expiresAt: number;
}

type Callback = (err?: unknown) => void;

export interface WebSessionStore {
  set(sessionId: string, session: Session, callback: Callback): void;
  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void;
  destroy(sessionId: string, callback: Callback): void;
}

export function createWebSessionStore(store: RecordStore, options: { now: () => number; maxAgeMs: number }) {
  /**
   * When a session expires, on the app's clock (the one `get` judges by): its cookie's remaining lifetime (@fastify/
   * session dates the cookie by the system clock) counted from the app's now; the same instant in production.
   */
  const expiryOf = (session: Session): number => {
    const expires = session.cookie?.expires;
    const left = expires ? new Date(expires).getTime() - Date.now() : Number.NaN;
    return options.now() + (Number.isFinite(left) ? left : options.maxAgeMs);
  };
  const sessionStore: WebSessionStore = {
    set(sessionId, session, callback) {
      const value: StoredSession = { session: JSON.parse(JSON.stringify(session)), expiresAt: expiryOf(session) };
      store
        .transact([keys.webSession(sessionId)], (tx) => tx.set(keys.webSession(sessionId), value))
        .then(
          () => callback(),
          (err: unknown) => callback(err),
        );
    },
    get(sessionId, callback) {
      const key = keys.webSession(sessionId);
      store.get<StoredSession>(key).then(
        (found) => {
          if (!found) return callback(null, null);
          if (found.expiresAt > options.now()) {
            const session = structuredClone(found.session) as Session;
            if (session.cookie?.expires) session.cookie.expires = new Date(session.cookie.expires);
            return callback(null, session);
          }
          // Expired: refused now, and deleted (decided again inside the transaction: a renewal in between stays).
          store
            .transact([key], (tx) => {
              const again = tx.get<StoredSession>(key);
              if (again && again.expiresAt <= options.now()) tx.delete(key);
            })
            .then(
              () => callback(null, null),
              () => callback(null, null),
            );
        },
        (err: unknown) => callback(err),
      );
    },
    destroy(sessionId, callback) {
      store
        .transact([keys.webSession(sessionId)], (tx) => tx.delete(keys.webSession(sessionId)))
        .then(
          () => callback(),
          (err: unknown) => callback(err),
        );
    },
  };
  return sessionStore;
}
