/**
 * Browser side of Citation.astro: copies the citation text. Where the
 * Clipboard API is refused (http, old browsers) it selects the text instead,
 * so the reader can copy it by hand.
 */
// The messages come from data attributes (filled from strings.ts at build time), keeping this bundle tiny.
/** Wires one copy button; the button becomes visible only once it works. */
export function wireCopyButton(button: HTMLButtonElement): void {
  const source = document.getElementById(button.dataset.copyFrom ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
  if (!source) return;
  button.addEventListener('click', async () => {
    const text = source.textContent?.trim() ?? '';
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = button.dataset.copied ?? '';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      if (status) status.textContent = button.dataset.copyFailed ?? '';
    }
  });
  button.dataset.ready = '';
}
