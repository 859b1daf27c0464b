/**
 * Browser side of ThemeToggle.astro: lets the button switch the scheme
 * (<html data-theme>, remembered in localStorage; public/theme-init.js
 * applies the remembered one before the first paint). Bundled as a module (no
 * inline script), so a strict CSP holds.
 */
import { THEME_KEY, effectiveTheme, otherTheme, parseTheme, type Theme } from '../lib/themePreference.ts';

function stored(): Theme | undefined {
  try {
    return parseTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return undefined; // Storage blocked (private mode, file://): follow the system.
  }
}

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** Makes the button say what it will switch to, and switch when pressed. */
export function wireThemeToggle(button: HTMLButtonElement): void {
  // What <html> shows now wins over storage, so switching works even where storage is blocked.
  const current = () => effectiveTheme(parseTheme(document.documentElement.dataset.theme) ?? stored(), systemDark());
  const label = button.querySelector('[data-theme-label]');
  const show = () => {
    // The label names the scheme the press will give, read from the button (strings.ts via the component).
    const text = otherTheme(current()) === 'dark' ? button.dataset.labelDark : button.dataset.labelLight;
    if (label && text) label.textContent = text;
  };
  button.addEventListener('click', () => {
    const next = otherTheme(current());
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered, but the page still switches.
    }
    show();
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
  show();
  button.dataset.ready = '';
}
