import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLdifParser, type LdifSourceConfig } from './createLdifParser';

const source: LdifSourceConfig = {
  id: 'ad', kind: 'ldif', role: 'directory', path: 'ad.ldif', maxRemovalShare: 0.1, key: 'sAMAccountName', dateFormat: 'YYYY-MM-DD',
  fields: { adId: 'sAMAccountName', lastName: 'sn' },
};

const nameArbitrary = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,60}$/);
const entryArbitrary = fc.record({
  sn: nameArbitrary,
  base64: fc.boolean(),
  changetypeAdd: fc.boolean(),
  comment: fc.boolean(),
  /** What separates this entry from the previous one: nothing, one blank line, or several. */
  blankLines: fc.integer({ min: 0, max: 2 }),
  foldAt: fc.integer({ min: 2, max: 40 }),
});

describe('createLdifParser (fuzzed entry boundaries)', () => {
  it('gives every entry, whether blank lines, folds, base64, comments or changetype separate them (600 cases, 0 lost)', () => {
    let lost = 0;
    fc.assert(
      fc.property(fc.array(entryArbitrary, { minLength: 1, maxLength: 12 }), fc.boolean(), (entries, crlf) => {
        const lines: string[] = ['version: 1'];
        entries.forEach((entry, index) => {
          for (let blank = 0; blank < (index === 0 ? 1 : entry.blankLines); blank += 1) lines.push('');
          if (entry.comment) lines.push('# exporté par ldifde');
          const dn = `dn: CN=${entry.sn.replace(/,/g, '\\,')} ${index},OU=Soins,DC=hopital,DC=local`;
          // Folded as ldifde folds long lines: a continuation starts with one space.
          lines.push(dn.slice(0, entry.foldAt), ...(dn.length > entry.foldAt ? [` ${dn.slice(entry.foldAt)}`] : []));
          if (entry.changetypeAdd) lines.push('changetype: add');
          lines.push(`sAMAccountName: user${index}`);
          lines.push(entry.base64 ? `sn:: ${Buffer.from(entry.sn, 'utf8').toString('base64')}` : `sn: ${entry.sn.trimStart()}`);
        });
        const text = lines.join(crlf ? '\r\n' : '\n');
        const parser = createLdifParser(source);
        const fileLines = text.split('\n').map((line, index) => ({ number: index + 1, text: line.replace(/\r$/, '') }));
        const first = parser.push(fileLines);
        const last = parser.end();
        const records = [...first.records, ...last.records];
        lost += entries.length - records.length;
        expect([...first.rejected, ...last.rejected]).toEqual([]);
        expect(records.map((record) => record.key)).toEqual(entries.map((_, index) => `user${index}`));
        expect(records.map((record) => record.attributes.lastName)).toEqual(entries.map((entry) => (entry.base64 ? entry.sn.trim() : entry.sn.trim()) || undefined));
        const unseparated = entries.filter((entry, index) => index > 0 && entry.blankLines === 0).length;
        expect([...first.warnings, ...last.warnings].filter((warning) => warning.reason === 'ldif-missing-blank-line')).toHaveLength(unseparated);
      }),
      { numRuns: 600 },
    );
    expect(lost).toBe(0);
  });

  it('skips the nodes of the tree in a whole-subtree export, and still rejects an account without its key', () => {
    const text = [
      'dn: dc=chu-exemple,dc=fr',
      'objectClass: top',
      'objectClass: dcObject',
      'objectClass: organization',
      'o: CHU Exemple',
      '',
      'dn: ou=Utilisateurs,dc=chu-exemple,dc=fr',
      'objectClass: organizationalUnit',
      'ou: Utilisateurs',
      '',
      'dn: uid=jean.dupont,ou=Utilisateurs,dc=chu-exemple,dc=fr',
      'objectClass: person',
      'sAMAccountName: jean.dupont',
      'sn: DUPONT',
      '',
      'dn: uid=sans.cle,ou=Utilisateurs,dc=chu-exemple,dc=fr',
      'objectClass: person',
      'objectClass: organizationalUnit',
      'sn: SANSCLE',
      '',
    ].join('\n');
    const parser = createLdifParser(source);
    const parts = [parser.push(text.split('\n').map((line, index) => ({ number: index + 1, text: line }))), parser.end()];
    expect(parts.flatMap((part) => part.records).map((record) => record.key)).toEqual(['jean.dupont']);
    expect(parts.flatMap((part) => part.rejected)).toEqual([{ line: 16, reason: 'missing-key', field: 'sAMAccountName' }]);
    expect(parts.at(-1)!.rowsRead).toBe(2);
  });
});
