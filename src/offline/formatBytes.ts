/**
 * "1.4 MB", "820 KB": sizes as readers read them (decimal units, one
 * decimal). The space is a no-break space, so that a narrow screen never
 * puts the number at a line's end and its unit at the next line's start.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes}\u00a0B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)}\u00a0${units[unit]}`;
}
