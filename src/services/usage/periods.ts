/** Day and month periods in a guild's time zone (UTC by default), and when the current one ends. */

/** A server's time zone until its admins set one. */
export const DEFAULT_TIME_ZONE = 'UTC';

// Building an Intl formatter is far dearer than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: number, timeZone: string) {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** Milliseconds the zone is ahead of UTC at instant `at`. */
function offsetAt(at: number, timeZone: string): number {
  const p = parts(at, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in the zone (two passes settle DST edges). */
function zonedToUtc(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Periods {
  day: string;
  month: string;
  dayEndsAt: number;
  monthEndsAt: number;
}

// The periods only change at midnight: remember the last answer per zone with the span it is valid for.
const lastAnswer = new Map<string, { from: number; periods: Periods }>();

export function periodsAt(at: number, timeZone = DEFAULT_TIME_ZONE): Periods {
  const known = lastAnswer.get(timeZone);
  if (known && at >= known.from && at < known.periods.dayEndsAt) return known.periods;
  const periods = computePeriods(at, timeZone);
  const p = parts(at, timeZone);
  lastAnswer.set(timeZone, { from: zonedToUtc(p.y, p.m, p.d, timeZone), periods });
  return periods;
}

function computePeriods(at: number, timeZone: string): Periods {
  const p = parts(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = new Date(Date.UTC(p.y, p.m - 1, p.d + 1));
  const nextMonth = new Date(Date.UTC(p.y, p.m, 1));
  return {
    day: `${p.y}-${pad(p.m)}-${pad(p.d)}`,
    month: `${p.y}-${pad(p.m)}`,
    dayEndsAt: zonedToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
    monthEndsAt: zonedToUtc(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth() + 1, 1, timeZone),
  };
}
