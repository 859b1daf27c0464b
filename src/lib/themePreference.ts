/**
 * The reader's colour scheme choice. The page follows prefers-color-scheme in
 * CSS alone; a remembered choice is applied as <html data-theme="…">.
 */

export type Theme = 'light' | 'dark';

/** localStorage key of the remembered choice. */
export const THEME_KEY = 'archive-theme';

/** A stored value if it is a theme, else undefined (system default). */
export function parseTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The scheme in effect: the remembered choice, else the system's. */
export function effectiveTheme(stored: Theme | undefined, systemPrefersDark: boolean): Theme {
  return stored ?? (systemPrefersDark ? 'dark' : 'light');
}

/** The other scheme: what the toggle switches to. */
export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
