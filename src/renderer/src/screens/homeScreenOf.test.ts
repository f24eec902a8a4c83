import { describe, expect, it } from 'vitest';
import { agentRoles } from '../../../shared/api/deskActs';
import { homeScreenOf } from './homeScreenOf';
import { screens } from './registry';

describe('homeScreenOf', () => {
  it('opens the Tableau de bord for the badge office and admins, the night desk on its own screen', () => {
    expect(homeScreenOf('badge-office')).toBe('dashboard');
    expect(homeScreenOf('admin')).toBe('dashboard');
    expect(homeScreenOf('night-desk')).toBe('nightdesk');
    expect(homeScreenOf('auditor')).toBe('journal');
  });

  it('names a registered screen for every role', () => {
    const ids = new Set(screens.map((screen) => screen.id));
    for (const role of agentRoles) expect(ids.has(homeScreenOf(role)), role).toBe(true);
  });
});
