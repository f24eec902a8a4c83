import { describe, expect, it } from 'vitest';
import { linkRuleCodes } from '../../../../shared/matching/linkRuleCodes';
import { defaultMatchingConfig } from '../../../../shared/matching/matchingConfig';
import { en, fr } from '../../i18n/messages';
import { ruleKeyOf } from './reviewViewModel';

// The sources that write links, as text (Vite's glob import: no Node module in the renderer's folder).
const linkWriters = import.meta.glob<string>(['../../../../core/reconcile/*.ts', '../../../../core/identities/*.ts', '!../../../../core/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('link rule labels', () => {
  it('name in French and English every rule a link can carry', () => {
    const missing = linkRuleCodes.filter((rule) => fr[ruleKeyOf(rule)] === undefined || en[ruleKeyOf(rule)] === undefined);
    expect(missing).toEqual([]);
  });

  it('list every rule the engine and the desk write', () => {
    const written = new Set<string>([...defaultMatchingConfig.rules, ...defaultMatchingConfig.reviewRules].map((rule) => rule.name));
    for (const text of Object.values(linkWriters)) {
      for (const match of text.matchAll(/\brule: '([a-z][a-z-]*)'/g)) written.add(match[1]!);
      for (const match of text.matchAll(/\blink\([^;]*?, '([a-z][a-z-]*)'\)/g)) written.add(match[1]!);
      for (const match of text.matchAll(/\bscoredRule = [^;]*'([a-z-]+)' : '([a-z-]+)'/g)) written.add(match[1]!).add(match[2]!);
    }
    expect(written.size).toBeGreaterThan(8);
    expect([...written].filter((rule) => !(linkRuleCodes as readonly string[]).includes(rule))).toEqual([]);
  });
});
