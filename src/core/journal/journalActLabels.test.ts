import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mieStatusActions } from '../../shared/api/enrollment.contract';
import { journalActLabels, labelJournalAct } from '../../shared/journal/journalActLabels';

const coreDir = join(import.meta.dirname, '..');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('Fixture') ? [path] : [];
  });
}

/** Every journal code the core writes: literal `action: 'x.y'`, unlock/open, link decisions, MIE status acts and hold decisions. */
function writtenCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(coreDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/action: (?:[^,}]*\? )?'([a-z][a-z0-9-]*\.[a-z0-9.-]+)'(?: : '([a-z][a-z0-9-]*\.[a-z0-9.-]+)')?/g)) {
      codes.add(match[1]!);
      if (match[2] !== undefined) codes.add(match[2]);
    }
  }
  for (const action of mieStatusActions) codes.add(`mie.${action}`);
  for (const decision of ['apply', 'dismiss']) codes.add(`leaver.hold-${decision}`);
  return codes;
}

describe('journal act labels', () => {
  it('name every act the core writes, in French and English', () => {
    const codes = writtenCodes();
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => !(code in journalActLabels));
    expect(missing).toEqual([]);
    for (const [code, label] of Object.entries(journalActLabels)) {
      expect(label.fr, code).not.toBe(label.en);
      expect(label.fr).not.toMatch(/^[a-z-]+\.[a-z.-]+$/);
    }
  });

  it('keep an unknown code readable', () => {
    expect(labelJournalAct('mie.bind', 'fr')).toBe('Moyen lié');
    expect(labelJournalAct('future.act', 'fr')).toBe('Acte « future.act »');
  });
});
