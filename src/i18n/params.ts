/** What a message parameter may be, and reading one into text (a missing optional one reads as nothing). */
export type Arg = string | number;

export const s = <T extends object>(p: T, k: keyof T & string): string =>
  String((p as Record<string, unknown>)[k] ?? '');
