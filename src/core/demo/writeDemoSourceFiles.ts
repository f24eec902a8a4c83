import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRppsExtractLine, type RppsExtractColumn } from '../import/formatRppsExtractLine';
import type { DemoHospital, DemoSourceRecord } from './generateDemoHospital';

const sirhColumns = ['MATRICULE', 'NOM_NAISSANCE', 'NOM_USAGE', 'PRENOM', 'DATE_NAISSANCE', 'SEXE', 'CODE_SERVICE', 'GRADE', 'TYPE_CONTRAT', 'DATE_ENTREE', 'DATE_SORTIE', 'RPPS'];
const dpiColumns = ['login', 'nom', 'prenom', 'rpps'];
const adAttributes = ['sAMAccountName', 'sn', 'givenName', 'mail', 'employeeID', 'department'];

/** RFC 4180 quoting, only where needed. */
function csvLine(values: readonly string[], delimiter: string): string {
  return values.map((value) => (value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value)).join(delimiter);
}

/** LDIF value: base64 (`::`) when not plain ASCII, as ldifde writes accented names. */
function ldifLine(name: string, value: string): string {
  return /^[\x20-\x7e]*$/.test(value) && !value.startsWith(' ') && !value.startsWith(':') ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}

function adEntry(record: DemoSourceRecord): string[] {
  const raw = record.raw;
  const ou = raw.sAMAccountName!.startsWith('svc_') ? 'OU=Comptes de service' : 'OU=Utilisateurs';
  const cn = raw.givenName && raw.sn ? `${raw.givenName} ${raw.sn}` : raw.sAMAccountName!;
  return [
    ldifLine('dn', `CN=${cn},${ou},DC=laporteverte,DC=local`),
    'objectClass: user',
    ...adAttributes.filter((name) => (raw[name] ?? '') !== '').map((name) => ldifLine(name, raw[name]!)),
    // 512 = normal account, 514 = normal account + ACCOUNTDISABLE.
    `userAccountControl: ${record.attributes.enabled === false ? 514 : 512}`,
    '',
  ];
}

/**
 * Renders the demo hospital as the files its systems would really export: the Annuaire Santé
 * extract (56 columns, trailing "|"), the SIRH CSV (";" and DD/MM/YYYY), the Active Directory LDIF
 * and the DPI CSV, plus the `sources.json` that describes them. Returns the configuration's path.
 */
export function writeDemoSourceFiles(dir: string, hospital: DemoHospital): string {
  mkdirSync(dir, { recursive: true });
  const recordsOf = (sourceId: string) => hospital.records.filter((record) => record.sourceId === sourceId);
  writeFileSync(
    join(dir, 'PS_LibreAcces_Personne_activite.txt'),
    [formatRppsExtractLine('header'), ...recordsOf('rpps').map((record) => formatRppsExtractLine(record.raw as Partial<Record<RppsExtractColumn, string>>)), ''].join('\n'),
  );
  writeFileSync(join(dir, 'sirh.csv'), [csvLine(sirhColumns, ';'), ...recordsOf('sirh').map((record) => csvLine(sirhColumns.map((name) => record.raw[name] ?? ''), ';')), ''].join('\r\n'));
  writeFileSync(join(dir, 'ad.ldif'), ['version: 1', '', ...recordsOf('ad').flatMap(adEntry)].join('\n'));
  writeFileSync(join(dir, 'dpi.csv'), [csvLine(dpiColumns, ','), ...recordsOf('dpi').map((record) => csvLine(dpiColumns.map((name) => record.raw[name] ?? ''), ',')), ''].join('\n'));
  const label = (id: string) => hospital.sources.find((source) => source.id === id)!.label;
  const config = {
    establishment: hospital.establishment,
    sources: [
      { id: 'rpps', kind: 'rpps-extract', label: label('rpps'), path: 'PS_LibreAcces_Personne_activite.txt' },
      {
        id: 'sirh', kind: 'csv', role: 'hr', label: label('sirh'), path: 'sirh.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE',
        fields: { hrId: 'MATRICULE', birthName: 'NOM_NAISSANCE', lastName: 'NOM_USAGE', firstName: 'PRENOM', birthDate: 'DATE_NAISSANCE', sex: 'SEXE', service: 'CODE_SERVICE', profession: 'GRADE', contractType: 'TYPE_CONTRAT', startDate: 'DATE_ENTREE', endDate: 'DATE_SORTIE', rpps: 'RPPS' },
      },
      { id: 'ad', kind: 'ldif', role: 'directory', label: label('ad'), path: 'ad.ldif', key: 'sAMAccountName', fields: { adId: 'sAMAccountName', lastName: 'sn', firstName: 'givenName', email: 'mail', hrId: 'employeeID', service: 'department' } },
      { id: 'dpi', kind: 'csv', role: 'application', label: label('dpi'), path: 'dpi.csv', delimiter: ',', key: 'login', fields: { lastName: 'nom', firstName: 'prenom', rpps: 'rpps' } },
    ],
  };
  const configPath = join(dir, 'sources.json');
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return configPath;
}
