/** Day and month periods in a guild's time zone (UTC by default), and when the current one ends. */

function parts(at: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
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

export function periodsAt(at: number, timeZone = 'UTC'): Periods {
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
