/**
 * A file name (and so the permalink's last part) from a Chinese headline:
 * its pinyin without tones, e.g. 浮山岭云海 → fu-shan-ling-yun-hai. Latin
 * letters and digits are kept as they are (C919 → c919).
 */
import { pinyin } from 'pinyin-pro';

/** Long headlines are cut at a syllable boundary so addresses stay readable. */
const MAX_SYLLABLES = 12;

export function slugFromTitle(title: string, maxSyllables = MAX_SYLLABLES): string {
  const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part !== '');
  return words.slice(0, maxSyllables).join('-');
}
