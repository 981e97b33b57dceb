/**
 * The usage of a scope or of one member, as one document: the current day and month (each with the period
 * it counts), the previous month, the videos rendering now and, for a member, when they last asked. A new
 * period replaces the old one as it is first counted in, so a document never grows.
 */
import { addCounter, type Counter, EMPTY_COUNTER } from './counter.js';

export interface PeriodCount {
  /** `2026-11-24` for a day, `2026-11` for a month. */
  id: string;
  counter: Counter;
}

export interface UsageDoc {
  running: number;
  /** Requests waiting in the queue for a running slot (their usage is counted in the periods already). */
  queued?: number;
  day?: PeriodCount;
  month?: PeriodCount;
  prevMonth?: PeriodCount;
  /** When the member last asked (cooldown); member documents only. */
  last?: number;
  /** Requests the video service refused for their content this month (member documents only). */
  moderated?: { id: string; count: number };
  /** Videos per day (`2026-11-24`) per model family, the last DAYS_KEPT days (guild documents: the usage chart). */
  days?: Record<string, Record<string, number>>;
}

/** How many days of `days` a guild document keeps. */
export const DAYS_KEPT = 32;

/** `days` with `delta` videos of `family` on `day`, the oldest days beyond DAYS_KEPT dropped. */
function withDay(
  days: UsageDoc['days'],
  day: string,
  family: string,
  delta: 1 | -1,
): NonNullable<UsageDoc['days']> | undefined {
  const known = days?.[day];
  if (delta < 0 && !known?.[family]) return days;
  const next = { ...days, [day]: { ...known, [family]: Math.max(0, (known?.[family] ?? 0) + delta) } };
  const ids = Object.keys(next).sort();
  for (const old of ids.slice(0, Math.max(0, ids.length - DAYS_KEPT))) delete next[old];
  return next;
}

export const EMPTY_USAGE: Readonly<UsageDoc> = Object.freeze({ running: 0 });

/** The counter of `period` if the document is counting it, else zero. */
export function counted(p: PeriodCount | undefined, id: string): Counter {
  return p?.id === id ? p.counter : EMPTY_COUNTER;
}

/** Where a reserved task waits or runs: in a running slot, or in the queue for one. */
export type Slot = 'running' | 'queued';

/**
 * The document with `amount` counted in the day and month given (rolling either over when it is new), and
 * one more running (or waiting in the queue).
 */
export function withReservation(
  doc: UsageDoc,
  amount: Counter,
  day: string,
  month: string,
  last?: number,
  slot: Slot = 'running',
  family?: string,
): UsageDoc {
  const rolled = doc.month && doc.month.id !== month;
  const days = family ? withDay(doc.days, day, family, 1) : doc.days;
  return {
    running: doc.running + (slot === 'running' ? 1 : 0),
    ...(slot === 'queued' || doc.queued ? { queued: (doc.queued ?? 0) + (slot === 'queued' ? 1 : 0) } : {}),
    day: { id: day, counter: addCounter(counted(doc.day, day), amount, 1) },
    month: { id: month, counter: addCounter(counted(doc.month, month), amount, 1) },
    ...(rolled ? { prevMonth: doc.month } : doc.prevMonth ? { prevMonth: doc.prevMonth } : {}),
    ...(last !== undefined ? { last } : doc.last !== undefined ? { last: doc.last } : {}),
    ...(doc.moderated ? { moderated: doc.moderated } : {}),
    ...(days ? { days } : {}),
  };
}

/** A queued request takes a running slot. */
export function withStarted(doc: UsageDoc): UsageDoc {
  return { ...doc, running: doc.running + 1, queued: Math.max(0, (doc.queued ?? 0) - 1) };
}

/**
 * The document with one running (or queued) video less and, for a refund, `amount` taken back from the
 * periods it went to.
 */
export function withSettlement(
  doc: UsageDoc,
  amount: Counter,
  day: string,
  month: string,
  refund: boolean,
  slot: Slot = 'running',
  family?: string,
): UsageDoc {
  const back = (p: PeriodCount | undefined, id: string) =>
    refund && p?.id === id ? { id, counter: addCounter(p.counter, amount, -1) } : p;
  const next: UsageDoc =
    slot === 'running'
      ? { ...doc, running: Math.max(0, doc.running - 1) }
      : { ...doc, queued: Math.max(0, (doc.queued ?? 0) - 1) };
  if (doc.day) next.day = back(doc.day, day);
  if (doc.month) next.month = back(doc.month, month);
  if (doc.prevMonth) next.prevMonth = back(doc.prevMonth, month);
  if (refund && family && doc.days) next.days = withDay(doc.days, day, family, -1);
  return next;
}

/** The document with one more content refusal counted in `month`. */
export function withModerated(doc: UsageDoc, month: string): UsageDoc {
  const count = doc.moderated?.id === month ? doc.moderated.count : 0;
  return { ...doc, moderated: { id: month, count: count + 1 } };
}
