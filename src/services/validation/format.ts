/** Small formatters used in problem texts. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

export const list = (values: readonly (string | number)[]) => values.join(', ');
