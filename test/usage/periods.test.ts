/** The day and month a moment belongs to in a guild's time zone, and when each ends (pure arithmetic on `at`). */
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, periodsAt } from '../../src/services/usage/periods.js';

const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('a moment belongs to the day and month of the guild’s wall clock', () => {
  it.each([
    // at (UTC), zone, day, month, day ends (UTC), month ends (UTC)
    ['2026-03-31T16:30:00Z', 'UTC', '2026-03-31', '2026-03', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    [
      '2026-03-31T16:30:00Z',
      'Asia/Shanghai',
      '2026-04-01',
      '2026-04',
      '2026-04-01T16:00:00.000Z',
      '2026-04-30T16:00:00.000Z',
    ],
    [
      '2026-03-31T15:59:59Z',
      'Asia/Shanghai',
      '2026-03-31',
      '2026-03',
      '2026-03-31T16:00:00.000Z',
      '2026-03-31T16:00:00.000Z',
    ],
    ['2026-12-31T23:00:00Z', 'UTC', '2026-12-31', '2026-12', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    [
      '2027-01-01T03:00:00Z',
      'America/Los_Angeles',
      '2026-12-31',
      '2026-12',
      '2027-01-01T08:00:00.000Z',
      '2027-01-01T08:00:00.000Z',
    ],
    [
      '2026-02-28T20:00:00Z',
      'Asia/Kolkata',
      '2026-03-01',
      '2026-03',
      '2026-03-01T18:30:00.000Z',
      '2026-03-31T18:30:00.000Z',
    ],
    ['2028-02-28T12:00:00Z', 'UTC', '2028-02-28', '2028-02', '2028-02-29T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
    [
      '2026-06-15T09:00:00Z',
      'Pacific/Honolulu',
      '2026-06-14',
      '2026-06',
      '2026-06-15T10:00:00.000Z',
      '2026-07-01T10:00:00.000Z',
    ],
  ])('%s in %s is day %s of month %s', (at, zone, day, month, dayEnds, monthEnds) => {
    const p = periodsAt(utc(at), zone);
    expect(p.day).toBe(day);
    expect(p.month).toBe(month);
    expect(iso(p.dayEndsAt)).toBe(dayEnds);
    expect(iso(p.monthEndsAt)).toBe(monthEnds);
  });

  it('without a zone the periods are UTC', () => {
    expect(periodsAt(utc('2026-05-01T00:00:00Z'))).toEqual(periodsAt(utc('2026-05-01T00:00:00Z'), 'UTC'));
    expect(periodsAt(utc('2026-04-30T23:59:59.999Z')).day).toBe('2026-04-30');
  });
});

describe('days across a daylight-saving change end at the next local midnight', () => {
  it('New York’s spring-forward day lasts 23 hours', () => {
    const p = periodsAt(utc('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(p.day).toBe('2026-03-08');
    expect(iso(p.dayEndsAt)).toBe('2026-03-09T04:00:00.000Z');
    const before = periodsAt(utc('2026-03-08T04:59:59Z'), 'America/New_York');
    expect(before.day).toBe('2026-03-07');
    expect(iso(before.dayEndsAt)).toBe('2026-03-08T05:00:00.000Z');
    expect(p.dayEndsAt - before.dayEndsAt).toBe(23 * 3600_000);
  });

  it('London’s fall-back day lasts 25 hours', () => {
    const start = periodsAt(utc('2026-10-24T23:00:00Z'), 'Europe/London');
    expect(start.day).toBe('2026-10-25');
    expect(iso(start.dayEndsAt)).toBe('2026-10-26T00:00:00.000Z');
    const eve = periodsAt(utc('2026-10-24T22:59:59Z'), 'Europe/London');
    expect(start.dayEndsAt - eve.dayEndsAt).toBe(25 * 3600_000);
    expect(iso(start.monthEndsAt)).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('the remembered answer is only reused within its own day', () => {
  it('asking for the day after, then the day before, gives each its own periods', () => {
    const zone = 'Asia/Tokyo';
    const late = periodsAt(utc('2026-07-10T15:30:00Z'), zone); // 00:30 on the 11th in Tokyo
    const early = periodsAt(utc('2026-07-10T14:30:00Z'), zone); // 23:30 on the 10th
    const later = periodsAt(utc('2026-07-11T14:59:59Z'), zone); // 23:59:59 on the 11th
    const next = periodsAt(utc('2026-07-11T15:00:00Z'), zone); // midnight of the 12th
    expect([early.day, late.day, later.day, next.day]).toEqual([
      '2026-07-10',
      '2026-07-11',
      '2026-07-11',
      '2026-07-12',
    ]);
    expect(later.dayEndsAt).toBe(utc('2026-07-11T15:00:00Z'));
  });
});

describe('time zone names', () => {
  it.each([
    ['UTC', true],
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s is valid: %s', (zone, valid) => {
    expect(isValidTimeZone(zone as string)).toBe(valid);
  });
});
