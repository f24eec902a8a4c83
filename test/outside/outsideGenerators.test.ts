import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The product's own check: the generators write RPPS numbers as the register does, without reading src/.
import { isValidRpps } from '../../src/shared/identifiers/rpps';
import { generateAlsaceE } from './generateAlsaceE';
import { generateChuC } from './generateChuC';
import { generateGhtB } from './generateGhtB';
import { generateHospitalA } from './generateHospitalA';
import { generateReunionD } from './generateReunionD';

interface Truth {
  establishment: { finess: string[]; finessEj: string };
  people: Array<{ personId: string; rppsTrue: string | null; homonymGroup: string | null; inRegister: boolean; registerState: string; hrId: string; birthDate: string; service: string }>;
  records: Array<{ sourceId: string; key: string; personId: string | null }>;
}

interface SourceConfig {
  id: string;
  kind: string;
  path: string;
  role?: string;
  encoding?: string;
  delimiter?: string;
  key?: string;
  fields?: Record<string, string | { column: string }>;
}

const root = mkdtempSync(join(tmpdir(), 'guichet-outside-'));
const STAFF = 400;

function decodeSource(bytes: Buffer, encoding: string | undefined): string {
  const label = encoding === 'iso-8859-1' || encoding === 'latin1' ? 'latin1' : encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  return new TextDecoder(label).decode(bytes).replace(/^\ufeff/, '');
}

/** Unfolds ldifde continuation lines and decodes `::` values, entry by entry. */
function readLdif(text: string): Array<Map<string, string[]>> {
  const logical = text.replace(/\r\n/g, '\n').replace(/\n /g, '').split('\n');
  const entries: Array<Map<string, string[]>> = [];
  let current: Map<string, string[]> | null = null;
  for (const line of logical) {
    if (line === '') {
      current = null;
      continue;
    }
    const base64 = line.match(/^([^:]+):: (.*)$/);
    const plain = line.match(/^([^:]+): ?(.*)$/);
    const [name, value] = base64 ? [base64[1] as string, Buffer.from(base64[2] as string, 'base64').toString('utf8')] : plain ? [plain[1] as string, plain[2] as string] : ['', ''];
    if (name === 'version') continue;
    if (name === 'dn') {
      current = new Map();
      entries.push(current);
    }
    current?.set(name, [...(current.get(name) ?? []), value]);
  }
  return entries;
}

function columnOf(field: string | { column: string } | undefined): string {
  if (field === undefined) throw new Error('field not mapped');
  return typeof field === 'string' ? field : field.column;
}

function loadOutput(dir: string) {
  const config = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { establishment: { finess: string[] }; sources: SourceConfig[] };
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
  const byRole = (role: string) => config.sources.filter((s) => s.role === role);
  const csvRows = (source: SourceConfig) =>
    parse(decodeSource(readFileSync(join(dir, source.path)), source.encoding), { columns: true, delimiter: source.delimiter, relax_quotes: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return { config, truth, byRole, csvRows, raw: (path: string) => readFileSync(join(dir, path)) };
}

const generators = [
  { name: 'A (one hospital)', run: (seed: number, outDir: string) => generateHospitalA({ seed, outDir, staff: STAFF }), registerColumns: 56, sites: 1 },
  { name: 'B (two-site GHT)', run: (seed: number, outDir: string) => generateGhtB({ seed, outDir, staff: STAFF }), registerColumns: 52, sites: 2 },
];

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(generators)('outside generator $name', ({ name, run, registerColumns, sites }) => {
  const dir = join(root, `${name[0]}-7`);
  let out: ReturnType<typeof loadOutput>;
  beforeAll(() => {
    run(7, dir);
    out = loadOutput(dir);
  });

  it('is deterministic from the seed, and another seed gives other data', () => {
    const again = join(root, `${name[0]}-7-again`);
    const other = join(root, `${name[0]}-8`);
    run(7, again);
    run(8, other);
    for (const file of readdirSync(dir)) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
    expect(readFileSync(join(other, 'truth.json')).equals(readFileSync(join(dir, 'truth.json')))).toBe(false);
  });

  it('declares its sites and every source file exists with the extended keys', () => {
    expect(out.config.establishment.finess).toHaveLength(sites);
    for (const finess of out.config.establishment.finess) expect(finess).toMatch(/^\d{9}$/);
    expect(out.config.sources.find((s) => s.id === 'rpps')).toEqual({ id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' });
    expect(out.byRole('hr')).toHaveLength(1);
    expect(out.byRole('directory')).toHaveLength(1);
    expect(out.byRole('application').length).toBeGreaterThanOrEqual(1);
    expect(out.byRole('application').length).toBeLessThanOrEqual(3);
    for (const source of out.config.sources) expect(out.raw(source.path).length).toBeGreaterThan(100);
    expect(out.byRole('hr')[0]?.encoding).toMatch(/^(iso-8859-1|windows-1252|latin1)$/);
  });

  it('writes HR in a single-byte encoding, sex as 1/2, RPPS for 30-50 % of professionals, some with a wrong key', () => {
    const hr = out.byRole('hr')[0] as SourceConfig;
    const bytes = out.raw(hr.path);
    expect(bytes.some((b) => b >= 0xc0)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const rows = out.csvRows(hr);
    expect(rows).toHaveLength(STAFF);
    const sexColumn = columnOf(hr.fields?.sex);
    expect(new Set(rows.map((r) => r[sexColumn]))).toEqual(new Set(['1', '2']));
    const people = new Map(out.truth.people.map((p) => [p.hrId, p]));
    const rppsColumn = columnOf(hr.fields?.rpps);
    const professionals = rows.filter((r) => people.get(r[columnOf(hr.fields?.hrId)] as string)?.rppsTrue);
    const withRpps = professionals.filter((r) => r[rppsColumn] !== '');
    expect(withRpps.length / professionals.length).toBeGreaterThanOrEqual(0.3);
    expect(withRpps.length / professionals.length).toBeLessThanOrEqual(0.5);
    expect(withRpps.some((r) => /^\d{11}$/.test(r[rppsColumn] as string) && !isValidRpps(r[rppsColumn] as string))).toBe(true);
    expect(rows.some((r) => r[columnOf(hr.fields?.birthDate)] === '')).toBe(true);
    const usage = columnOf(hr.fields?.lastName);
    const birth = columnOf(hr.fields?.birthName);
    expect(rows.every((r) => r[usage] !== r[birth])).toBe(true);
    expect(rows.filter((r) => r[usage] !== '').length).toBeGreaterThan(STAFF * 0.15);
  });

  it('has real homonyms inside HR: same names, different birth dates and services', () => {
    const groups = new Map<string, Truth['people']>();
    for (const p of out.truth.people) if (p.homonymGroup) groups.set(p.homonymGroup, [...(groups.get(p.homonymGroup) ?? []), p]);
    const distinct = [...groups.values()].filter((members) => new Set(members.map((m) => m.birthDate)).size > 1 && new Set(members.map((m) => m.service)).size > 1);
    expect(distinct.length).toBeGreaterThanOrEqual(2);
  });

  it('writes AD as ldifde does: version line, changetype, base64, folding, escaped DNs, enabled and disabled accounts', () => {
    const ad = out.byRole('directory')[0] as SourceConfig;
    const text = out.raw(ad.path).toString('utf8');
    expect(text.startsWith('version: 1\r\n')).toBe(true);
    expect(text).toContain('\r\nchangetype: add\r\n');
    expect(text).toMatch(/\r\n(sn|givenName|dn|department|title|cn):: [A-Za-z0-9+/=]+/);
    expect(text).toMatch(/\r\n [^\r\n]+/);
    expect(text).toMatch(/CN=[^,\r\n]+\\, /);
    const entries = readLdif(text);
    const accounts = entries.filter((e) => e.has('sAMAccountName'));
    const logins = accounts.map((e) => e.get('sAMAccountName')?.[0] as string);
    expect(new Set(logins).size).toBe(logins.length);
    for (const generic of ['accueil.urgences', 'secretariat.cardio', 'scanner01']) expect(logins).toContain(generic);
    expect(logins.some((l) => l.startsWith('ext.'))).toBe(true);
    expect(logins.some((l) => /^[a-z-]+\.[a-z-]+$/.test(l))).toBe(true);
    expect(logins.some((l) => /^[a-z]+\d+$/.test(l))).toBe(true);
    const uac = new Set(accounts.map((e) => e.get('userAccountControl')?.[0]));
    expect(uac.has('512') && uac.has('514')).toBe(true);
    const withId = accounts.filter((e) => e.has('employeeID'));
    expect(withId.length / accounts.length).toBeGreaterThanOrEqual(0.2);
    expect(withId.length / accounts.length).toBeLessThanOrEqual(0.55);
    const hrIds = new Set(out.truth.people.map((p) => p.hrId));
    expect(withId.some((e) => !hrIds.has(e.get('employeeID')?.[0] as string) && hrIds.has((e.get('employeeID')?.[0] as string).padStart(out.truth.people[0]?.hrId.length ?? 0, '0')))).toBe(true);
    const filetimes = accounts.map((e) => e.get('lastLogonTimestamp')?.[0]).filter((v): v is string => v !== undefined);
    expect(filetimes.length).toBeGreaterThan(accounts.length * 0.8);
    const newest = filetimes.map((v) => Number(BigInt(v) / 10_000n) - 11_644_473_600_000).reduce((a, b) => Math.max(a, b));
    expect(new Date(newest).getUTCFullYear()).toBe(2026);
    // Departed people whose account was left enabled, and people with two accounts.
    const truthAd = out.truth.records.filter((r) => r.sourceId === 'ad');
    const perPerson = new Map<string, number>();
    for (const r of truthAd) if (r.personId) perPerson.set(r.personId, (perPerson.get(r.personId) ?? 0) + 1);
    expect([...perPerson.values()].some((n) => n >= 2)).toBe(true);
    expect(truthAd.filter((r) => r.personId === null).length).toBeGreaterThan(10);
  });

  it('writes the register as the Annuaire Santé extract with namesakes, two-activity people and register lag', () => {
    const bytes = out.raw('rpps.txt');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    const header = (lines[0] as string).split('|');
    expect(header).toHaveLength(registerColumns + 1);
    expect(header[0]).toBe("Type d'identifiant PP");
    const rows = lines.slice(1).map((l) => l.split('|'));
    for (const row of rows) {
      expect(row).toHaveLength(registerColumns + 1);
      expect(row[registerColumns]).toBe('');
      expect(isValidRpps(row[1] as string)).toBe(true);
      expect(row[2]).toBe(`8${row[1]}`);
    }
    const perRpps = new Map<string, string[][]>();
    for (const row of rows) perRpps.set(row[1] as string, [...(perRpps.get(row[1] as string) ?? []), row]);
    expect([...perRpps.values()].some((r) => r.length >= 2)).toBe(true);
    const truthRegister = out.truth.records.filter((r) => r.sourceId === 'rpps');
    expect(new Set(truthRegister.map((r) => r.key))).toEqual(new Set(perRpps.keys()));
    const local = new Set(truthRegister.filter((r) => r.personId).map((r) => r.key));
    const localNames = new Set([...local].map((k) => `${perRpps.get(k)?.[0]?.[7]}|${perRpps.get(k)?.[0]?.[8]}`));
    const namesakes = [...perRpps.entries()].filter(([k, r]) => !local.has(k) && localNames.has(`${r[0]?.[7]}|${r[0]?.[8]}`));
    expect(namesakes.length).toBeGreaterThan(STAFF * 0.5);
    const establishment = new Set(out.config.establishment.finess);
    for (const p of out.truth.people) {
      if (!p.rppsTrue || !p.inRegister) continue;
      const here = perRpps.get(p.rppsTrue)?.some((r) => establishment.has(r[21] as string));
      expect(here, p.personId).toBe(p.registerState === 'listed');
    }
    expect(out.truth.people.some((p) => p.rppsTrue && !p.inRegister)).toBe(true);
    for (const p of out.truth.people) if (p.rppsTrue && p.inRegister) expect(local.has(p.rppsTrue)).toBe(true);
  });

  it('lets every truth record point at a real key of its source, and at a known person', () => {
    const personIds = new Set(out.truth.people.map((p) => p.personId));
    const ad = out.byRole('directory')[0] as SourceConfig;
    const adLogins = new Set(readLdif(out.raw(ad.path).toString('utf8')).map((e) => e.get('sAMAccountName')?.[0]));
    const keysOf = new Map<string, Set<string | undefined>>([[ad.id, adLogins]]);
    for (const source of out.config.sources.filter((s) => s.kind === 'csv')) keysOf.set(source.id, new Set(out.csvRows(source).map((r) => r[source.key as string])));
    for (const record of out.truth.records) {
      if (record.personId !== null) expect(personIds.has(record.personId)).toBe(true);
      if (record.sourceId !== 'rpps') expect(keysOf.get(record.sourceId)?.has(record.key), `${record.sourceId}:${record.key}`).toBe(true);
    }
    for (const [sourceId, keys] of keysOf) expect(out.truth.records.filter((r) => r.sourceId === sourceId)).toHaveLength(keys.size);
  });

  it('writes application exports with single-column or title-prefixed names, initials or YYYYMMDD dates', () => {
    const apps = out.byRole('application');
    const named = apps.map((s) => ({ s, rows: out.csvRows(s) }));
    const fullNames = named.filter(({ s }) => s.fields?.fullName).flatMap(({ s, rows }) => rows.map((r) => r[columnOf(s.fields?.fullName)] as string));
    expect(fullNames.some((n) => /^(Dr|Pr|Mme|M\.) /.test(n))).toBe(true);
    const compactDates = named.flatMap(({ rows }) => rows.flatMap((r) => Object.values(r))).filter((v) => /^(19|20)\d{6}$/.test(v));
    expect(compactDates.length).toBeGreaterThan(10);
    expect(apps.some((s) => s.fields?.lastLogin)).toBe(true);
  });
});

describe('convention differences between the two teams', () => {
  it('A writes a 56-column UTF-8 register and an ISO-8859-1 HR file, B a 52-column Windows-1252 register and a cp1252 HR file', () => {
    const a = join(root, 'diff-a');
    const b = join(root, 'diff-b');
    generateHospitalA({ seed: 3, outDir: a, staff: 120 });
    generateGhtB({ seed: 3, outDir: b, staff: 120 });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(a, 'rpps.txt')))).not.toThrow();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(b, 'rpps.txt')))).toThrow();
    const sirh = readFileSync(join(b, 'export_sirh_ght.csv'));
    // Bytes that exist in Windows-1252 only (œ, ’): a latin-1 reader would get them wrong.
    expect(sirh.includes(0x9c) || sirh.includes(0x92)).toBe(true);
    const dpi = readFileSync(join(a, 'dpi_utilisateurs.csv'), 'utf8');
    expect(dpi.startsWith('\ufeffLOGIN;NOM PRENOM;')).toBe(true);
    const bloc = readFileSync(join(b, 'planning_bloc.txt'), 'utf8').split('\n').slice(1, -1).map((l) => l.split('\t')[2]);
    expect(bloc.some((i) => /^[A-Z]\.?$|^[A-Z]{2}$|^[A-Z]\.-[A-Z]\.$/.test(i as string))).toBe(true);
  });
});

describe('outside generator C (university hospital, four sites)', () => {
  const dir = join(root, 'C-7');
  let out: ReturnType<typeof loadOutput>;
  beforeAll(() => {
    generateChuC({ seed: 7, outDir: dir, staff: STAFF });
    out = loadOutput(dir);
  });

  it('is deterministic from the seed, and another seed gives other data', () => {
    const again = join(root, 'C-7-again');
    const other = join(root, 'C-8');
    generateChuC({ seed: 7, outDir: again, staff: STAFF });
    generateChuC({ seed: 8, outDir: other, staff: STAFF });
    for (const file of readdirSync(dir)) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
    expect(readFileSync(join(other, 'truth.json')).equals(readFileSync(join(dir, 'truth.json')))).toBe(false);
  });

  it('lets every truth record point at a real key of its source, each key once, and at a known person', () => {
    expect(out.config.establishment.finess).toHaveLength(4);
    const personIds = new Set(out.truth.people.map((p) => p.personId));
    const ad = out.byRole('directory')[0] as SourceConfig;
    const keysOf = new Map<string, (string | undefined)[]>([[ad.id, readLdif(out.raw(ad.path).toString('utf8')).flatMap((e) => (e.has('sAMAccountName') ? [e.get('sAMAccountName')?.[0]] : []))]]);
    for (const source of out.config.sources.filter((s) => s.kind === 'csv')) keysOf.set(source.id, out.csvRows(source).map((r) => r[source.key as string]));
    const register = out.config.sources.find((s) => s.kind === 'rpps-extract') as SourceConfig;
    keysOf.set(register.id, [...new Set(out.raw(register.path).toString('utf8').split('\n').slice(1).filter((line) => line !== '').map((line) => line.split('|')[1]))]);
    for (const [sourceId, keys] of keysOf) {
      expect(new Set(keys).size, sourceId).toBe(keys.length);
      const truthKeys = out.truth.records.filter((record) => record.sourceId === sourceId).map((record) => record.key);
      expect(new Set(truthKeys), sourceId).toEqual(new Set(keys));
    }
    for (const record of out.truth.records) if (record.personId !== null) expect(personIds.has(record.personId)).toBe(true);
  });

  it('writes the conventions A and B do not: OpenLDAP LDIF, D/M/YYYY dates, H/F sex, a badge base with lost cards, a "|"-separated export with a BOM', () => {
    const ad = out.byRole('directory')[0] as SourceConfig;
    const ldif = out.raw(ad.path).toString('utf8');
    expect(ldif).not.toContain('changetype:');
    expect(ldif).not.toContain('\r\n');
    const hr = out.byRole('hr')[0] as SourceConfig;
    const rows = out.csvRows(hr);
    expect(new Set(rows.map((r) => r[columnOf(hr.fields?.sex)]))).toEqual(new Set(['H', 'F']));
    expect(rows.some((r) => /^\d\/\d{1,2}\/\d{4}$/.test(r[columnOf(hr.fields?.birthDate)] as string))).toBe(true);
    const badges = out.config.sources.find((s) => s.id === 'badges') as SourceConfig & { recordsPerPerson?: string };
    expect(badges.recordsPerPerson).toBe('several');
    expect(out.csvRows(badges).some((r) => r.STATUT === 'PERDU')).toBe(true);
    const presc = out.config.sources.find((s) => s.id === 'presc') as SourceConfig;
    expect(presc.delimiter).toBe('|');
    expect(out.raw(presc.path).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });
});

describe('outside generator D (overseas university hospital, two sites)', () => {
  const dir = join(root, 'D-7');
  let out: ReturnType<typeof loadOutput>;
  beforeAll(() => {
    generateReunionD({ seed: 7, outDir: dir, staff: STAFF });
    out = loadOutput(dir);
  });

  it('is deterministic from the seed, and another seed gives other data', () => {
    const again = join(root, 'D-7-again');
    const other = join(root, 'D-8');
    generateReunionD({ seed: 7, outDir: again, staff: STAFF });
    generateReunionD({ seed: 8, outDir: other, staff: STAFF });
    for (const file of readdirSync(dir)) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
    expect(readFileSync(join(other, 'truth.json')).equals(readFileSync(join(dir, 'truth.json')))).toBe(false);
  });

  it('lets every truth record point at a real key of its source, each key once, and at a known person', () => {
    expect(out.config.establishment.finess).toHaveLength(2);
    const personIds = new Set(out.truth.people.map((p) => p.personId));
    const keysOf = new Map<string, (string | undefined)[]>();
    for (const source of out.config.sources.filter((s) => s.kind === 'csv')) keysOf.set(source.id, out.csvRows(source).map((r) => r[source.key as string]));
    for (const [sourceId, keys] of keysOf) {
      expect(new Set(keys).size, sourceId).toBe(keys.length);
      const truthKeys = out.truth.records.filter((record) => record.sourceId === sourceId).map((record) => record.key);
      expect(new Set(truthKeys), sourceId).toEqual(new Set(keys));
    }
    for (const record of out.truth.records) if (record.personId !== null) expect(personIds.has(record.personId)).toBe(true);
  });

  it('writes the conventions A, B and C do not: AD as a csvde CSV, civil given names listed with commas, married names as "X épouse Y", decimal card serials', () => {
    const ad = out.byRole('directory')[0] as SourceConfig;
    expect(ad.kind).toBe('csv');
    const accounts = out.csvRows(ad);
    expect(accounts.some((r) => /^CN=[^,]+\\, /.test(r.DN as string))).toBe(true);
    const hr = out.byRole('hr')[0] as SourceConfig;
    expect(out.csvRows(hr).some((r) => /^[^,]+, /.test(r[columnOf(hr.fields?.firstName)] as string))).toBe(true);
    const surnames = out.config.sources.filter((s) => s.role === 'application' && s.fields?.lastName !== undefined).flatMap((source) => out.csvRows(source).map((r) => r[columnOf(source.fields?.lastName)] ?? ''));
    expect(surnames.some((name) => / (épouse|ép\.|née) /i.test(name))).toBe(true);
    const badges = out.config.sources.find((s) => s.id === 'badges') as SourceConfig;
    expect(out.csvRows(badges).every((r) => /^\d{10}$/.test(r[badges.key as string] as string))).toBe(true);
  });
});

describe('outside generator E (Alsace-Moselle GHT, two hospitals and an EHPAD)', () => {
  const dir = join(root, 'E-7');
  let out: ReturnType<typeof loadOutput>;
  const source = (id: string) => out.config.sources.find((s) => s.id === id) as SourceConfig & { recordsPerPerson?: string; dateFormat?: string };
  const luhn = (value: string) =>
    [...value].reverse().reduce((sum, char, i) => {
      const doubled = i % 2 === 1 ? Number(char) * 2 : Number(char);
      return sum + (doubled > 9 ? doubled - 9 : doubled);
    }, 0) %
      10 ===
    0;
  beforeAll(() => {
    generateAlsaceE({ seed: 7, outDir: dir, staff: STAFF });
    out = loadOutput(dir);
  });

  it('is deterministic from the seed, and another seed gives other data', () => {
    const again = join(root, 'E-7-again');
    const other = join(root, 'E-8');
    generateAlsaceE({ seed: 7, outDir: again, staff: STAFF });
    generateAlsaceE({ seed: 8, outDir: other, staff: STAFF });
    for (const file of readdirSync(dir)) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
    expect(readFileSync(join(other, 'truth.json')).equals(readFileSync(join(dir, 'truth.json')))).toBe(false);
  });

  it('declares three FINESS géographiques in 67/68 with a Luhn key, and the EJ apart', () => {
    const finess = out.config.establishment.finess;
    expect(finess).toHaveLength(3);
    for (const f of [...finess, out.truth.establishment.finessEj]) {
      expect(f).toMatch(/^6[78]\d{7}$/);
      expect(luhn(f), f).toBe(true);
    }
    expect(finess).not.toContain(out.truth.establishment.finessEj);
    expect(new Set(out.truth.people.map((p) => (p as unknown as { site: string }).site))).toEqual(new Set(finess));
  });

  it('lets every truth record point at a real key of its source, each key once, and at a known person', () => {
    const personIds = new Set(out.truth.people.map((p) => p.personId));
    const keysOf = new Map<string, (string | undefined)[]>();
    for (const s of out.config.sources.filter((s) => s.kind === 'csv')) keysOf.set(s.id, out.csvRows(s).map((r) => r[s.key as string]));
    const register = out.config.sources.find((s) => s.kind === 'rpps-extract') as SourceConfig;
    const registerText = new TextDecoder('windows-1252').decode(out.raw(register.path));
    keysOf.set(register.id, [...new Set(registerText.split('\n').slice(1).filter((line) => line !== '').map((line) => line.split('|')[1]))]);
    for (const [sourceId, keys] of keysOf) {
      expect(new Set(keys).size, sourceId).toBe(keys.length);
      const truthKeys = out.truth.records.filter((record) => record.sourceId === sourceId).map((record) => record.key);
      expect(truthKeys.length, sourceId).toBe(keys.length);
      expect(new Set(truthKeys), sourceId).toEqual(new Set(keys));
    }
    for (const record of out.truth.records) if (record.personId !== null) expect(personIds.has(record.personId)).toBe(true);
  });

  it('writes HR in ISO-8859-1 with umlauts, DD/MM/YYYY, sex 1/2, 6-digit matricules, NOM_MARITAL beside NOM_PATRONYMIQUE, civil given names and PRENOM_USUEL', () => {
    const hr = out.byRole('hr')[0] as SourceConfig & { dateFormat?: string };
    expect(hr.encoding).toBe('iso-8859-1');
    expect(hr.dateFormat).toBe('DD/MM/YYYY');
    const bytes = out.raw(hr.path);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const rows = out.csvRows(hr);
    expect(rows).toHaveLength(STAFF);
    expect(rows.every((r) => /^\d{6}$/.test(r.MATRICULE as string))).toBe(true);
    expect(new Set(rows.map((r) => r.SEXE))).toEqual(new Set(['1', '2']));
    expect(rows.filter((r) => r.DATE_NAISSANCE !== '').every((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r.DATE_NAISSANCE as string))).toBe(true);
    expect(rows.some((r) => r.DATE_NAISSANCE === '')).toBe(true);
    expect(rows.some((r) => /[ÄÖÜ]/.test(`${r.NOM_PATRONYMIQUE}${r.NOM_MARITAL}`))).toBe(true);
    expect(rows.every((r) => r.NOM_MARITAL !== r.NOM_PATRONYMIQUE)).toBe(true);
    expect(rows.filter((r) => r.NOM_MARITAL !== '').length).toBeGreaterThan(STAFF * 0.2);
    expect(rows.filter((r) => (r.PRENOMS as string).split(' ').length >= 3).length).toBeGreaterThan(STAFF * 0.1);
    const women = rows.filter((r) => r.SEXE === '2' && r.PRENOM_USUEL !== '');
    const usualNotFirst = women.filter((r) => !(r.PRENOM_USUEL as string).startsWith((r.PRENOMS as string).split(' ')[0] as string));
    expect(usualNotFirst.length / women.length).toBeGreaterThan(0.05);
    expect(usualNotFirst.length / women.length).toBeLessThan(0.2);
    expect(rows.some((r) => /^\S+-\S+$/.test(r.PRENOM_USUEL as string) && (r.PRENOMS as string).startsWith((r.PRENOM_USUEL as string).replace('-', ' ')))).toBe(true);
    const people = new Map(out.truth.people.map((p) => [p.hrId, p]));
    const professionals = rows.filter((r) => people.get(r.MATRICULE as string)?.rppsTrue);
    const withRpps = professionals.filter((r) => r.NUM_RPPS !== '');
    expect(withRpps.length / professionals.length).toBeGreaterThanOrEqual(0.3);
    expect(withRpps.length / professionals.length).toBeLessThanOrEqual(0.5);
    expect(withRpps.some((r) => !isValidRpps(r.NUM_RPPS as string))).toBe(true);
    expect(rows.filter((r) => r.DATE_SORTIE !== '' && r.POSITION !== 'ACTIVITE').length).toBeGreaterThan(STAFF * 0.03);
  });

  it('has real homonyms (MULLER Anne born years apart, a pair born the same year) and distinct near-identical families', () => {
    type P = Truth['people'][number] & { usageName: string; firstName: string; birthName: string };
    const people = out.truth.people as P[];
    const groups = new Map<string, P[]>();
    for (const p of people) if (p.homonymGroup) groups.set(p.homonymGroup, [...(groups.get(p.homonymGroup) ?? []), p]);
    const members = [...groups.values()].flat().length;
    expect(members / people.length).toBeGreaterThanOrEqual(0.015);
    expect(members / people.length).toBeLessThanOrEqual(0.05);
    const anne = [...groups.values()].find((g) => g.some((p) => p.usageName === 'MULLER' && p.firstName === 'Anne'));
    expect(anne && new Set(anne.map((p) => p.birthDate.slice(0, 4))).size).toBeGreaterThan(1);
    expect([...groups.values()].some((g) => g.length === 2 && g[0]?.birthDate.slice(0, 4) === g[1]?.birthDate.slice(0, 4) && g[0]?.birthDate !== g[1]?.birthDate)).toBe(true);
    const christophes = people.filter((p) => p.firstName === 'Christophe' && ['SCHMITT', 'SCHMIDT', 'SCHMIT'].includes(p.usageName));
    expect(new Set(christophes.map((p) => p.usageName)).size).toBe(3);
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    for (const [, g] of groups) expect(new Set(g.map((p) => `${fold(p.usageName)}|${fold(p.firstName)}`)).size).toBe(1);
  });

  it('writes AD as PowerShell Export-Csv: BOM, quoted values, French-culture dates, logins by era without umlauts, employeeID on 20-55 %', () => {
    const ad = out.byRole('directory')[0] as SourceConfig;
    expect(ad.kind).toBe('csv');
    const bytes = out.raw(ad.path);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF"DistinguishedName","Enabled","GivenName","Surname","DisplayName","SamAccountName",/);
    const rows = out.csvRows(ad);
    expect(new Set(rows.map((r) => r.Enabled))).toEqual(new Set(['True', 'False']));
    expect(rows.filter((r) => r.LastLogonDate !== '').every((r) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(r.LastLogonDate as string))).toBe(true);
    const logins = rows.map((r) => r.SamAccountName as string);
    expect(logins.every((l) => l.length <= 20 && !/[ÄÖÜäöü]/.test(l))).toBe(true);
    expect(rows.every((r) => !/[ÄÖÜäöü]/.test(r.Surname as string))).toBe(true);
    expect(logins.some((l) => /^[a-z]{2,8}$/.test(l))).toBe(true);
    expect(logins.some((l) => /^[a-z]{2,8}\d$/.test(l))).toBe(true);
    expect(logins.some((l) => /^[a-z-]+\.[a-z-]+\d?$/.test(l))).toBe(true);
    expect(logins.some((l) => l.startsWith('ext.'))).toBe(true);
    for (const generic of ['accueil.urgences', 'secretariat.cardio', 'svc_backup']) expect(logins).toContain(generic);
    const withId = rows.filter((r) => r.EmployeeID !== '');
    expect(withId.length / rows.length).toBeGreaterThanOrEqual(0.2);
    expect(withId.length / rows.length).toBeLessThanOrEqual(0.55);
    expect(withId.some((r) => (r.EmployeeID as string).length < 6)).toBe(true);
    expect(rows.filter((r) => r.EmailAddress !== '').every((r) => (r.EmailAddress as string).endsWith('@ghrs.fr') && (r.UserPrincipalName as string).endsWith('@ghrs.local'))).toBe(true);
    // Umlaut people: HR keeps `MÜLLER`, the directory writes `MULLER` or `MUELLER`.
    const hrUmlauts = out.truth.people.filter((p) => /[ÄÖÜ]/.test((p as unknown as { usageName: string }).usageName)).map((p) => p.personId);
    const accountOf = new Map(out.truth.records.filter((r) => r.sourceId === 'ad' && r.personId).map((r) => [r.personId, r.key]));
    const surnames = hrUmlauts.flatMap((id) => rows.filter((r) => r.SamAccountName === accountOf.get(id)).map((r) => (r.Surname as string).toUpperCase()));
    expect(surnames.some((s) => /AE|OE|UE/.test(s))).toBe(true);
    const departed = new Set(out.truth.people.filter((p) => (p as unknown as { departed: boolean }).departed).map((p) => p.personId));
    const adTruth = out.truth.records.filter((r) => r.sourceId === 'ad');
    expect(adTruth.some((r) => r.personId && departed.has(r.personId) && rows.find((row) => row.SamAccountName === r.key)?.Enabled === 'True')).toBe(true);
    expect(adTruth.filter((r) => r.personId === null).length).toBeGreaterThan(V_GENERIC_MIN);
  });

  it('writes the register as a 56-column Windows-1252 extract sorted by name, with namesakes, two-activity people, register lag and departed people still listed', () => {
    const register = out.config.sources.find((s) => s.kind === 'rpps-extract') as SourceConfig;
    expect(register.encoding).toBe('windows-1252');
    const bytes = out.raw(register.path);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const lines = new TextDecoder('windows-1252').decode(bytes).split('\n').filter((l) => l !== '');
    expect((lines[0] as string).split('|')).toHaveLength(57);
    const rows = lines.slice(1).map((l) => l.split('|'));
    for (const row of rows) {
      expect(row).toHaveLength(57);
      expect(isValidRpps(row[1] as string)).toBe(true);
      expect(row[2]).toBe(`8${row[1]}`);
    }
    const inOrder = (a: string[], b: string[]) => (a[7] as string) < (b[7] as string) || (a[7] === b[7] && (a[8] as string) <= (b[8] as string));
    expect(rows.every((row, i) => i === 0 || inOrder(rows[i - 1] as string[], row))).toBe(true);
    const perRpps = new Map<string, string[][]>();
    for (const row of rows) perRpps.set(row[1] as string, [...(perRpps.get(row[1] as string) ?? []), row]);
    expect([...perRpps.values()].some((r) => r.length >= 2)).toBe(true);
    const local = new Set(out.truth.records.filter((r) => r.sourceId === 'rpps' && r.personId).map((r) => r.key));
    const localNames = new Set([...local].map((k) => `${perRpps.get(k)?.[0]?.[7]}|${perRpps.get(k)?.[0]?.[8]}`));
    expect([...perRpps.entries()].filter(([k, r]) => !local.has(k) && localNames.has(`${r[0]?.[7]}|${r[0]?.[8]}`)).length).toBeGreaterThan(STAFF * 0.5);
    expect(perRpps.size).toBeGreaterThan(STAFF * 3);
    const establishment = new Set(out.config.establishment.finess);
    for (const p of out.truth.people) {
      if (!p.rppsTrue || !p.inRegister) continue;
      expect(perRpps.get(p.rppsTrue)?.some((r) => establishment.has(r[21] as string)), p.personId).toBe(p.registerState === 'listed');
      expect(perRpps.get(p.rppsTrue)?.every((r) => !establishment.has(r[21] as string) || r[22] === out.truth.establishment.finessEj)).toBe(true);
    }
    const states = new Set(out.truth.people.map((p) => p.registerState));
    for (const state of ['listed', 'stale-activity', 'absent', 'none']) expect(states).toContain(state);
    expect(out.truth.people.some((p) => (p as unknown as { departed: boolean }).departed && p.registerState === 'listed')).toBe(true);
    expect(rows.some((r) => r[11] === 'E')).toBe(true);
    expect(rows.some((r) => r[17] === 'L' && r[21] === '')).toBe(true);
  });

  it('writes the RIS in DICOM person-name form, the lab with titled display names and initials, the badges with several cards per person', () => {
    const ris = out.csvRows(source('ris'));
    expect(ris.every((r) => /^[A-Z][A-Z' -]*\^[A-Z-]+(\^[A-Z-]*)?(\^DR)?$/.test(r.NOM_DICOM as string))).toBe(true);
    expect(ris.some((r) => (r.NOM_DICOM as string).endsWith('^^DR'))).toBe(true);
    expect(ris.filter((r) => r.DATE_NAISSANCE !== '').every((r) => /^(19|20)\d{6}$/.test(r.DATE_NAISSANCE as string))).toBe(true);
    expect(ris.filter((r) => r.PROFIL === 'RADIOLOGUE' && r.RPPS !== '').length).toBeGreaterThan(0);
    expect(source('ris').fields?.fullName).toEqual({ column: 'NOM_DICOM', nameOrder: 'last-first' });
    const sil = out.csvRows(source('sil'));
    const display = sil.map((r) => r.NOM_AFFICHE as string);
    expect(display.some((n) => /^Dr [A-Z]{2,}/.test(n))).toBe(true);
    expect(display.some((n) => /^Dr [A-Z][a-zé]/.test(n))).toBe(true);
    expect(display.some((n) => /^Mme [A-ZÉ][a-zéèëï-]+ [A-Z]/.test(n))).toBe(true);
    expect(display.some((n) => / [A-Z]\.( |$)/.test(n) || / [A-Z]-[A-Z]( |$)/.test(n))).toBe(true);
    expect(sil.filter((r) => r.DATE_NAISSANCE !== '').every((r) => /^(19|20)\d{6}$/.test(r.DATE_NAISSANCE as string))).toBe(true);
    const badges = source('badges');
    expect(badges.recordsPerPerson).toBe('several');
    expect(badges.encoding).toBe('windows-1252');
    expect(out.raw(badges.path).includes(0x97)).toBe(true);
    const cards = out.csvRows(badges);
    expect(new Set(cards.map((r) => r.STATUT))).toEqual(new Set(['Active', 'Perdue', 'Bloquée', 'Restituée', 'Expirée']));
    const perPerson = new Map<string, number>();
    for (const r of out.truth.records) if (r.sourceId === 'badges' && r.personId) perPerson.set(r.personId, (perPerson.get(r.personId) ?? 0) + 1);
    expect([...perPerson.values()].some((n) => n >= 2)).toBe(true);
    expect(cards.some((r) => /^VISITEUR \d+$/.test(r.TITULAIRE as string))).toBe(true);
    expect(cards.every((r) => /^04[0-9A-F]{12}$/.test(r.NUM_BADGE as string))).toBe(true);
  });
});

/** Generic, interim and purged accounts of nobody here, at least. */
const V_GENERIC_MIN = 25;
