/**
 * Tags that differ only by traditional/simplified form (工会 / 工會) or by
 * character width (Ｃ919 / C919) split one topic into two tag pages. Found
 * across the whole archive, since the variants usually sit in different files.
 */
import { Converter } from 'opencc-js';

const toSimplified = Converter({ from: 'hk', to: 'cn' });

/** The form two variant spellings share: simplified, half-width, lower case, no spaces. */
export function tagKey(tag: string): string {
  return toSimplified(tag.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}

export interface TagUse {
  tag: string;
  file: string;
  line: number;
  column: number;
}

/** Groups of uses whose spellings differ but mean the same tag (one group per key). */
export function findTagVariants(uses: readonly TagUse[]): TagUse[][] {
  const byKey = new Map<string, TagUse[]>();
  for (const use of uses) byKey.set(tagKey(use.tag), [...(byKey.get(tagKey(use.tag)) ?? []), use]);
  return [...byKey.values()].filter((group) => new Set(group.map((use) => use.tag)).size > 1);
}
