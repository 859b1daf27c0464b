// Puts the reader's remembered colour scheme on <html> before the first
// paint. A classic script in <head> (a file, so the CSP needs no inline
// script) runs before the page is drawn; the toggle's module script runs
// only after parsing, so a reader who chose the scheme their system does not
// use saw the page flash in the other one first. The key is THEME_KEY of
// src/lib/themePreference.ts (tests/unit/themePreference.test.ts).
try {
  var theme = localStorage.getItem('archive-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (error) {
  // Storage blocked (private mode, file://): the page follows the system.
}
