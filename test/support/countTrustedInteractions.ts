import type { Page } from 'playwright-core';

export interface Interactions {
  clicks: number;
  keys: number;
}

/**
 * Counts, in the page, the clicks and key presses the browser itself dispatches (`isTrusted`):
 * what an agent would do, not what the test's script says it did. Call before the page loads.
 */
export async function countTrustedInteractions(page: Page): Promise<() => Promise<Interactions>> {
  await page.addInitScript(() => {
    const counts = { clicks: 0, keys: 0 };
    (window as unknown as { __guichetInteractions: typeof counts }).__guichetInteractions = counts;
    window.addEventListener('click', (event) => event.isTrusted && (counts.clicks += 1), true);
    window.addEventListener('keydown', (event) => event.isTrusted && (counts.keys += 1), true);
  });
  return () => page.evaluate(() => ({ ...(window as unknown as { __guichetInteractions: { clicks: number; keys: number } }).__guichetInteractions }));
}
