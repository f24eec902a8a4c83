import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRppsExtractLine } from '../../src/core/import/formatRppsExtractLine';
import type { CanonicalAttributeName } from '../../src/shared/directory/canonicalAttributes';
import type { LabelledRecord, SyntheticHospital } from './generateSyntheticHospital';

const professionLabels: Record<string, string> = { '10': 'Médecin', '21': 'Pharmacien', '35': 'Aide-soignant', '50': 'Sage-Femme', '60': 'Infirmier', '70': 'Masseur-Kinésithérapeute' };

function csvCell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** HR exports write dates their own way: YYYYMMDD here, to exercise `dateFormat`. */
function compactDate(iso: string | undefined): string {
  return iso === undefined ? '' : iso.replace(/-/g, '');
}

/**
 * Writes a synthetic hospital as the files a real establishment would configure: a `;` CSV HR
 * export (dates YYYYMMDD), AD and application CSVs, an Annuaire Santé extract, and sources.json.
 * Returns the configuration path.
 */
export function writeReconcileFixtures(hospital: SyntheticHospital, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const bySource = new Map<string, LabelledRecord[]>();
  for (const record of hospital.records) bySource.set(record.sourceId, [...(bySource.get(record.sourceId) ?? []), record]);
  const sources: Record<string, unknown>[] = [];
  for (const [sourceId, records] of bySource) {
    const role = records[0]!.role;
    if (role === 'register') {
      const lines = [formatRppsExtractLine('header')];
      for (const record of records) {
        const a = record.attributes;
        lines.push(
          formatRppsExtractLine({
            "Type d'identifiant PP": '8',
            'Identifiant PP': a.rpps!,
            'Identification nationale PP': `8${a.rpps!}`,
            "Nom d'exercice": a.lastName!,
            "Prénom d'exercice": a.firstName!,
            'Code profession': a.profession!,
            'Libellé profession': professionLabels[a.profession!] ?? a.profession!,
            'Code mode exercice': 'S',
            'Numéro FINESS site': record.finess?.[0] ?? '',
            'Numéro FINESS établissement juridique': record.finess?.[0] ?? '',
          }),
        );
      }
      writeFileSync(join(dir, `${sourceId}.txt`), `${lines.join('\n')}\n`, 'utf8');
      sources.push({ id: sourceId, kind: 'rpps-extract', path: `${sourceId}.txt` });
      continue;
    }
    const columns = [...new Set(records.flatMap((record) => Object.keys(record.attributes)))] as CanonicalAttributeName[];
    const dated = role === 'hr';
    const rows = records.map((record) =>
      ['key', ...columns]
        .map((column) => {
          if (column === 'key') return csvCell(record.key);
          const value = record.attributes[column as Exclude<CanonicalAttributeName, 'enabled'>];
          return csvCell(dated && (column === 'birthDate' || column === 'endDate') ? compactDate(value) : (value ?? ''));
        })
        .join(';'),
    );
    writeFileSync(join(dir, `${sourceId}.csv`), `${['key', ...columns].join(';')}\n${rows.join('\n')}\n`, 'utf8');
    sources.push({
      id: sourceId,
      kind: 'csv',
      role,
      path: `${sourceId}.csv`,
      delimiter: ';',
      dateFormat: dated ? 'YYYYMMDD' : 'YYYY-MM-DD',
      key: 'key',
      fields: Object.fromEntries(columns.map((column) => [column, column])),
    });
  }
  const configPath = join(dir, 'sources.json');
  writeFileSync(configPath, JSON.stringify({ establishment: { name: 'Hôpital synthétique', finess: hospital.establishmentFiness }, sources }, null, 2), 'utf8');
  return configPath;
}
