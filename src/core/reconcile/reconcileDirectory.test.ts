import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import { formatRppsExtractLine } from '../import/formatRppsExtractLine';
import { importSources } from '../import/importSources';
import { parseSourcesConfig } from '../sources/parseSourcesConfig';
import { openDatabase } from '../store/openDatabase';
import { reconcileDirectory } from './reconcileDirectory';

const clock = { now: () => new Date('2026-11-29T08:00:00Z') };

describe('reconcileDirectory', () => {
  // The register scan lets most of the extract go on its plain columns, looking for the
  // establishment's FINESS in the stored rows: an entry whose only tie is that FINESS must get through.
  it('proposes a register entry tied to an employee by close names and the establishment FINESS alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-reconcile-'));
    const here = appendRppsCheckDigit('9990000001');
    const away = appendRppsCheckDigit('9990000002');
    const row = (rpps: string, finess: string) =>
      formatRppsExtractLine({
        "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, "Nom d'exercice": 'PHILIPOT', "Prénom d'exercice": 'ANNE',
        'Code profession': '60', 'Libellé profession': 'Infirmier', 'Numéro SIRET site': `${finess}00012`, 'Numéro FINESS site': finess, 'Numéro FINESS établissement juridique': finess,
      });
    writeFileSync(join(dir, 'rpps.txt'), [formatRppsExtractLine('header'), row(here, '990000011'), row(away, '750000001'), ''].join('\n'));
    writeFileSync(join(dir, 'sirh.csv'), 'MATRICULE;NOM;PRENOM;GRADE\nM001;PHILIPPOT;Anne;Infirmier\n');
    const parsed = parseSourcesConfig({
      configPath: join(dir, 'sources.json'),
      text: JSON.stringify({
        establishment: { name: 'Hôpital La Porte Verte', finess: ['990000011'] },
        sources: [
          { id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' },
          { id: 'sirh', kind: 'csv', role: 'hr', path: 'sirh.csv', delimiter: ';', key: 'MATRICULE', fields: { hrId: 'MATRICULE', lastName: 'NOM', firstName: 'PRENOM', profession: 'GRADE' } },
        ],
      }),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const db = openDatabase({ path: ':memory:' });
    await importSources(db, { config: parsed.config, clock });

    reconcileDirectory(db, { clock });
    const links = db.prepare("SELECT r.record_key AS rpps, l.decision FROM identity_links l JOIN source_records r ON r.id = l.record_id WHERE r.source_id = 'rpps'").all();
    expect(links).toEqual([{ rpps: here, decision: 'pending' }]);
    db.close();
  });
});
