/** Calendar values shown in a member's language (Discord's `<t:…>` timestamps are localized by Discord itself). */

/** `2026-11` as the locale writes a month: "November 2026", "2026年11月", "ноябрь 2026 г.". */
export function formatMonth(locale: string, month: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}
