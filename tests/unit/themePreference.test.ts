import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_KEY, effectiveTheme, otherTheme, parseTheme } from '../../src/lib/themePreference.ts';

describe('theme preference', () => {
  it('accepts only known themes from storage', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('blue')).toBeUndefined();
    expect(parseTheme(null)).toBeUndefined();
  });

  it('a remembered choice beats the system scheme', () => {
    expect(effectiveTheme(undefined, true)).toBe('dark');
    expect(effectiveTheme(undefined, false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(otherTheme('light')).toBe('dark');
  });

  it('the first-paint script reads the same storage key as the toggle', () => {
    // public/theme-init.js is plain JavaScript served as it is, so it cannot import THEME_KEY.
    expect(readFileSync('public/theme-init.js', 'utf8')).toContain(`localStorage.getItem('${THEME_KEY}')`);
  });
});
