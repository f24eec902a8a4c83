import type { Page } from 'playwright-core';
import { countTrustedInteractions, type Interactions } from './countTrustedInteractions';
import type { launchChromium } from './launchChromium';

/**
 * A journey's page: its trusted clicks and key presses counted from the start, its console errors
 * and page errors collected into `consoleErrors` (each journey ends by expecting none), and, for a
 * desk standing in a French hospital, the browser's clock in `timezoneId`.
 */
export async function openJourneyPage(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  consoleErrors: string[],
  { timezoneId }: { timezoneId?: string } = {},
): Promise<{ page: Page; readInteractions: () => Promise<Interactions> }> {
  const page = await browser.context.newPage();
  if (timezoneId !== undefined) await (await browser.context.newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId });
  const readInteractions = await countTrustedInteractions(page);
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, readInteractions };
}
