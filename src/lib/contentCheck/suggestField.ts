/**
 * "Did you mean" for unknown frontmatter fields: catches typos (titel),
 * wrong case (Date), plural slips (reporter) and Chinese names (标题).
 */
import { fieldLabels } from './fieldLabels.ts';

/** Edit distance counting a swap of two neighbours (titel → title) as one edit. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known field the editor most likely meant, or undefined. */
export function suggestField(unknown: string, known: readonly string[]): string | undefined {
  const byLabel = known.find((field) => fieldLabels[field]?.zh === unknown);
  if (byLabel) return byLabel;
  const lower = unknown.toLowerCase().replace(/[-_\s]/g, '');
  const exact = known.find((field) => field.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of known) {
    const distance = editDistance(lower, field.toLowerCase());
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  // Allow about one typo per four letters, so "tittle" → title but "foo" → nothing.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}
