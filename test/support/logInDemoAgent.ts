import type { Page } from 'playwright-core';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import type { TestDesk } from './startTestDesk';

/**
 * Opens the page's desk session as a demo agent: their card goes into the agent reader (the
 * agent's hand, straight to the card service), then the login panel that stands in for a screen
 * reading personal data (`screen`, default the search) takes the PIN. Reading the directory, the
 * review queue or the sources needs a session since issue 15.
 */
export async function logInDemoAgent(desk: TestDesk, page: Page, { role = 'badge-office', screen = 'Recherche' }: { role?: string; screen?: string } = {}): Promise<{ id: string; last_name: string }> {
  const agent = desk.core.db
    .prepare('SELECT i.id, i.rpps, i.last_name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = ? AND a.active = 1 ORDER BY i.id LIMIT 1')
    .get(role) as { id: string; rpps: string | null; last_name: string };
  await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, simulatedLoginCardId({ identityId: agent.id, rpps: agent.rpps }));
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click();
  const gate = page.getByTestId('session-gate');
  await gate.waitFor();
  await gate.getByLabel('Lecteur de votre carte').selectOption(simulatedReaderNames.agent);
  await gate.getByTestId('login-card').filter({ hasText: agent.last_name.toUpperCase() }).waitFor();
  await gate.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
  await page.keyboard.press('Enter');
  await gate.waitFor({ state: 'detached' });
  return agent;
}
