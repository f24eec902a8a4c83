import { describe, expect, it } from 'vitest';
import { generateSyntheticHospital } from '../../../test/support/generateSyntheticHospital';
import { measureReconciliation } from '../../../test/support/measureReconciliation';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import { defaultMatchingConfig } from '../../shared/matching/matchingConfig';
import { probabilityAmongRivals, reconcileRecords, recordRef, type ReconcileRecord } from './reconcileRecords';

const today = '2026-11-29';

describe('reconcileRecords on labelled synthetic hospitals', () => {
  for (const seed of [7, 4242]) {
    it(`meets the quality targets (seed ${seed})`, { timeout: 60_000 }, () => {
      const hospital = generateSyntheticHospital({ seed, employees: 1500 });
      const truePairs = new Map<number, number>();
      // Identities are numbered in the order of their HR records.
      const personOfIdentity = hospital.records.filter((record) => record.role === 'hr').map((record) => record.personId);
      let blockedTrue = 0;
      const result = reconcileRecords({
        records: hospital.records,
        establishmentFiness: hospital.establishmentFiness,
        today,
        onCandidates: (record, identities) => {
          const truth = hospital.records[record]!.personId;
          if (truth === null) return;
          truePairs.set(record, 1);
          if (identities.some((identity) => personOfIdentity[identity] === truth)) blockedTrue += 1;
        },
      });
      const quality = measureReconciliation(hospital.records, result);
      expect(quality.automaticPrecision).toBeGreaterThanOrEqual(0.999);
      expect(quality.automaticRecall).toBeGreaterThanOrEqual(0.9);
      expect(quality.automaticOrReviewRecall).toBeGreaterThanOrEqual(0.99);
      expect(quality.reviewShare).toBeLessThanOrEqual(0.05);
      expect(quality.homonymMerges).toBe(0);
      // Blocking recall: the true identity was among the compared candidates.
      expect(blockedTrue / truePairs.size).toBeGreaterThanOrEqual(0.995);
      // Cost stays near-linear: a handful of comparisons per record, not a cross product.
      expect(result.stats.candidatePairs).toBeLessThan(hospital.records.length * 5);
      // Orphans: every generic account is reported generic, and no orphan is a linked current employee's sole account.
      const reasons = new Map(result.orphans.map((orphan) => [orphan.record, orphan.reason]));
      const generic = hospital.records.flatMap((record, index) => (record.truthOrphan === 'generic' ? [index] : []));
      expect(generic.every((index) => reasons.get(index) === 'generic')).toBe(true);
      const departed = hospital.records.flatMap((record, index) => (record.truthOrphan === 'departed' && result.links[index]!.decision === 'auto' ? [index] : []));
      expect(departed.length).toBeGreaterThan(0);
      expect(departed.every((index) => reasons.get(index) === 'departed')).toBe(true);
      expect([...reasons.values()].filter((reason) => reason === 'duplicate').length).toBeGreaterThan(0);
    });
  }
});

const hr = (key: string, lastName: string, firstName: string, birthDate: string, extra: ReconcileRecord['attributes'] = {}): ReconcileRecord => ({
  sourceId: 'sirh', role: 'hr', key, attributes: { hrId: key, lastName, firstName, birthDate, ...extra },
});
const ad = (key: string, attributes: ReconcileRecord['attributes']): ReconcileRecord => ({ sourceId: 'ad', role: 'directory', key, attributes: { adId: key, ...attributes } });

describe('reconcileRecords decisions', () => {
  it('applies the program rules with per-field evidence', () => {
    const result = reconcileRecords({
      today,
      records: [hr('M1', 'DUPONT', 'Anne', '1980-03-12'), ad('adupont', { hrId: 'M1', lastName: 'Dupont', firstName: 'ANNE' })],
    });
    expect(result.links[1]).toMatchObject({ identity: 0, decision: 'auto', rule: 'matricule-last-first' });
    expect(result.links[1]!.evidence.map((item) => [item.field, item.level])).toEqual(
      expect.arrayContaining([['hrId', 'exact'], ['lastName', 'exact'], ['firstName', 'exact'], ['login', 'compatible']]),
    );
  });

  it('never links a homonym automatically: a close runner-up sends the record to review', () => {
    const result = reconcileRecords({
      today,
      records: [
        hr('M1', 'MARTIN', 'Julie', '1980-03-12', { service: 'URG' }),
        hr('M2', 'MARTIN', 'Julie', '1991-07-02', { service: 'URG' }),
        ad('jmartin', { lastName: 'MARTIN', firstName: 'Julie', email: 'julie.martin@h.fr', service: 'URG' }),
      ],
    });
    expect(result.links[2]!.decision).toBe('review');
    expect(result.links[2]!.runnerUpScore).toBe(result.links[2]!.score);
    expect(result.identities).toHaveLength(2);
    // The reviewer is shown the other Julie Martin too, with the evidence for that pair.
    const other = 1 - result.links[2]!.identity!;
    expect(result.links[2]!.alternatives).toEqual([expect.objectContaining({ identity: other, score: result.links[2]!.score })]);
    expect(result.links[2]!.alternatives![0]!.evidence.map((item) => item.field)).toEqual(expect.arrayContaining(['lastName', 'firstName', 'service']));
  });

  it('keeps a register entry to one person and sends names-only matches to a human', () => {
    const result = reconcileRecords({
      today,
      establishmentFiness: ['990000011'],
      records: [
        hr('M1', 'KERBRAT', 'Loïc', '1980-03-12', { profession: 'Praticien hospitalier' }),
        { sourceId: 'rpps', role: 'register', key: '10100271385', finess: ['990000011'], attributes: { rpps: '10100271385', lastName: 'KERBRAT', firstName: 'LOIC', profession: '10' } },
        { sourceId: 'rpps', role: 'register', key: '10100271393', finess: ['750000001'], attributes: { rpps: '10100271393', lastName: 'KERBRAT', firstName: 'LOIC', profession: '10' } },
        { sourceId: 'app', role: 'application', key: 'x1', attributes: { lastName: 'Kerbrat', firstName: 'Loic' } },
      ],
    });
    expect(result.links[1]).toMatchObject({ identity: 0, decision: 'auto' });
    expect(result.links[1]!.evidence.find((item) => item.field === 'finess')?.level).toBe('exact');
    expect(result.links[2]?.decision ?? 'none').not.toBe('auto');
    expect(result.links[3]).toMatchObject({ identity: 0, decision: 'review', rule: 'last-first-only' });
  });

  it('lets human decisions win over the engine', () => {
    const records = [
      hr('M1', 'MARTIN', 'Julie', '1980-03-12'),
      hr('M2', 'MARTIN', 'Julie', '1991-07-02'),
      ad('jmartin', { lastName: 'MARTIN', firstName: 'Julie', email: 'julie.martin@h.fr' }),
      ad('pdurand', { hrId: 'M2', lastName: 'MARTIN', firstName: 'Julie' }),
    ];
    const result = reconcileRecords({
      today,
      records,
      decisions: [
        { record: recordRef(records[2]!), anchor: recordRef(records[1]!), decision: 'accept' },
        { record: recordRef(records[3]!), anchor: recordRef(records[1]!), decision: 'reject' },
      ],
    });
    expect(result.links[2]).toMatchObject({ identity: 1, decision: 'auto', validated: true, rule: 'human' });
    expect(result.links[3]!.identity).not.toBe(1);
    // The accepted and the rejected pair are labels for the next estimate of the model.
    expect(result.model?.training.labelledPairs).toBe(2);
  });

  it('reports generic, unknown and departed accounts', () => {
    const result = reconcileRecords({
      today,
      records: [
        hr('M1', 'ROUX', 'Paul', '1970-01-01', { endDate: '2026-01-31' }),
        ad('proux', { hrId: 'M1', lastName: 'ROUX', firstName: 'Paul' }),
        ad('svc_backup', {}),
        ad('zkerouac', { lastName: 'Kerouac', firstName: 'Zoé' }),
      ],
    });
    expect(result.orphans).toEqual([
      { record: 1, reason: 'departed' },
      { record: 2, reason: 'generic' },
      { record: 3, reason: 'unknown' },
    ]);
  });

  it('reads a one-column name in either order', () => {
    const result = reconcileRecords({
      today,
      records: [hr('M1', 'LECLERC', 'Christophe', '1975-05-05'), { sourceId: 'app', role: 'application', key: 'cl', attributes: { fullName: 'Christophe LECLERC', birthDate: '1975-05-05' } }],
    });
    expect(result.links[1]!.evidence.find((item) => item.field === 'lastName')?.level).toBe('exact');
    expect(result.links[1]!.identity).toBe(0);
  });

  it('links a directory account left to a reviewer once an application account tied to the person by its birth date carries its name', () => {
    const records: ReconcileRecord[] = [
      hr('M1', 'PAYET', 'Marie', '1975-05-05'),
      hr('M2', 'PAYET', 'Marie', '1988-09-17'),
      ...Array.from({ length: 30 }, (_, index) => hr(`N${index}`, `NOM${String.fromCharCode(65 + (index % 26))}${index}`, 'Paul', `19${50 + index}-01-0${1 + (index % 9)}`)),
      ad('marie.payet', { lastName: 'PAYET', firstName: 'Marie' }),
      { sourceId: 'dpi', role: 'application', key: 'MARIE.PAYET', attributes: { lastName: 'PAYET', firstName: 'Marie', birthDate: '1988-09-17' } },
    ];
    const without = reconcileRecords({ today, records: records.slice(0, -1) });
    const account = records.length - 2;
    // Two people of that name and nothing else in the account: a reviewer's call.
    expect(without.links[account]!.decision).not.toBe('auto');
    const result = reconcileRecords({ today, records });
    expect(result.links[account + 1]).toMatchObject({ identity: 1, decision: 'auto' });
    expect(result.links[account]).toMatchObject({ identity: 1, decision: 'auto', rule: 'application-account-name' });
    expect(result.links[account]!.evidence.find((item) => item.field === 'login')?.level).toBe('exact');
  });

  it('compares an account’s service only when HR names services the same way', () => {
    const person = hr('M1', 'LECLERC', 'Christophe', '1975-05-05', { service: 'Cardiologie' });
    const account = (key: string, service: string): ReconcileRecord => ({ sourceId: 'ad', role: 'directory', key, attributes: { lastName: 'LECLERC', firstName: 'Christophe', service } });
    const result = reconcileRecords({ today, records: [person, account('c.leclerc', 'Pôle Cœur-Vaisseaux'), { ...account('cleclerc', 'CARDIOLOGIE'), sourceId: 'app', role: 'application' }] });
    // A pôle is another nomenclature: neither for nor against. The same label is evidence.
    expect(result.links[1]!.evidence.find((item) => item.field === 'service')).toBeUndefined();
    expect(result.links[2]!.evidence.find((item) => item.field === 'service')?.level).toBe('exact');
  });

  it('compares a pôle with the HR services that the accounts carrying a matricule show it stands for', () => {
    const services = ['Cardiologie', 'Pneumologie', 'Orthopédie'];
    const poleOf: Record<string, string> = { Cardiologie: 'Pôle Médecine', Pneumologie: 'Pôle Médecine', Orthopédie: 'Pôle Chirurgie' };
    const surnames = ['ARNAUD', 'BESNARD', 'CHAUVET', 'DELAGE', 'ESNAULT', 'FOUCHER', 'GIRAULT', 'HAMELIN', 'JOUBERT', 'LEBRETON', 'MARCHAIS', 'NOVEL'];
    const staff = Array.from({ length: 36 }, (_, index) => hr(`M${index}`, `${surnames[index % 12]}${index < 12 ? '' : index < 24 ? 'E' : 'OT'}`, 'Paul', `19${60 + index}-01-01`, { service: services[index % 3]! }));
    const accounts: ReconcileRecord[] = staff.map((agent, index) => ad(`acct${index}`, { hrId: agent.key, lastName: agent.attributes.lastName!, firstName: 'Paul', service: poleOf[services[index % 3]!]! }));
    const person = hr('Z1', 'KERBRATOU', 'Zoélie', '1980-03-12', { service: 'Pneumologie' });
    const namesOnly = (key: string, service: string) => ad(key, { lastName: 'KERBRATOU', firstName: 'Zoélie', service });
    const result = reconcileRecords({ today, records: [...staff, ...accounts, person, namesOnly('zkerbratou', 'Pôle Médecine'), { ...namesOnly('ZK2', 'Pôle Chirurgie'), sourceId: 'app', role: 'application' }, namesOnly('zk3', 'Pôle Chirurgie')] });
    const at = staff.length * 2;
    const service = (offset: number) => result.links[at + offset]!.evidence.find((item) => item.field === 'service');
    expect(service(1)).toMatchObject({ level: 'part', left: 'PÔLE MÉDECINE', right: 'PNEUMOLOGIE', comparator: 'learned nomenclature' });
    // The other source's accounts carry no matricule: nothing learned there, the pôle says nothing.
    expect(service(2)).toBeUndefined();
    // An account of the same names in another pôle: evidence against.
    expect(service(3)).toMatchObject({ level: 'different', left: 'PÔLE CHIRURGIE' });
  });
});

describe('reconcileRecords policies', () => {
  const hospital = generateSyntheticHospital({ seed: 31, employees: 400 });

  it('decides on calibrated probabilities by default and on the seed points as written when asked', () => {
    const calibrated = reconcileRecords({ records: hospital.records, establishmentFiness: hospital.establishmentFiness, today });
    expect(calibrated.model).not.toBeNull();
    const byWeights = calibrated.links.find((link) => link?.rule === 'weights' && link.decision === 'auto')!;
    expect(byWeights.probability).toBeGreaterThanOrEqual(0.99);
    // Prior plus the weights is the probability; each line keeps the seed's points beside its weight.
    expect(1 / (1 + 2 ** -(calibrated.model!.priorWeight + byWeights.evidence.reduce((sum, item) => sum + item.weight!, 0)))).toBeCloseTo(byWeights.probability!, 10);
    expect(byWeights.seedPoints).toBe(byWeights.evidence.reduce((sum, item) => sum + item.points, 0));

    const seed = reconcileRecords({ records: hospital.records, establishmentFiness: hospital.establishmentFiness, today, config: { ...defaultMatchingConfig, scoring: 'seed-points' } });
    expect(seed.model).toBeNull();
    const byPoints = seed.links.find((link) => link?.rule === 'points' && link.decision === 'auto')!;
    expect(byPoints.probability).toBeNull();
    expect(byPoints.score).toBeGreaterThanOrEqual(defaultMatchingConfig.automaticThreshold);
    expect(byPoints.evidence.every((item) => item.weight === undefined)).toBe(true);
  });

  /** Records added to the generated hospital (the model learns from the establishment's data, not from five records). */
  const withHospital = (extra: ReconcileRecord[], severalRecordsPerPerson?: ReadonlySet<string>) => {
    const records = [...hospital.records, ...extra];
    const result = reconcileRecords({ records, establishmentFiness: hospital.establishmentFiness, today, severalRecordsPerPerson });
    const at = (offset: number) => hospital.records.length + offset;
    const identityOf = (offset: number) => result.identities.findIndex((identity) => identity.anchor === at(offset));
    return { link: (offset: number) => result.links[at(offset)]!, identityOf };
  };

  it('keeps one account per person and source: a second candidate account goes to review as a possible duplicate', () => {
    const { link, identityOf } = withHospital([
      hr('Z1', 'KERBRATOU', 'Zoélie', '1980-03-12', { service: 'CARDIO' }),
      ad('zkerbratou', { hrId: 'Z1', lastName: 'Kerbratou', firstName: 'Zoélie', service: 'CARDIO' }),
      ad('zoelie.kerbratou', { hrId: 'Z1', lastName: 'KERBRATOU', firstName: 'ZOELIE', service: 'CARDIO' }),
    ]);
    expect(link(1).identity).toBe(identityOf(0));
    expect(link(2).identity).toBe(identityOf(0));
    expect([link(1).decision, link(2).decision].sort()).toEqual(['auto', 'review']);
    expect([link(1), link(2)].find((candidate) => candidate.decision === 'review')!.rule).toBe('possible-duplicate-account');
  });

  it('links every record of a source declared with several records per person, unless one disagrees with the person (a namesake)', () => {
    const badge = (key: string, firstName: string, lastName: string, extra: ReconcileRecord['attributes']): ReconcileRecord => ({
      sourceId: 'badges', role: 'application', key, attributes: { fullName: `${firstName} ${lastName}`, firstName, lastName, service: 'CARDIO', ...extra },
    });
    const records = [
      hr('Z1', 'KERBRATOU-LEGOFFIC', 'Zoélie', '1980-03-12', { service: 'CARDIO', sex: 'F' }),
      // The card in use, and the lost one the badge base keeps, blocked.
      badge('0A1B2C3D', 'Zoélie', 'Kerbratou-Legoffic', { enabled: true }),
      badge('9F8E7D6C', 'Zoélie', 'Kerbratou-Legoffic', { enabled: false }),
      // A card of the same name held by a man: the names and the service say the person (it even scores
      // highest: the sex weighs little here), the sex says otherwise.
      badge('55AA55AA', 'Zoélie', 'Kerbratou-Legoffic', { enabled: true, sex: 'M' }),
      // A card of a name one letter off: maybe another person's (an interim's card), not a lost one.
      badge('77BB77BB', 'Zoélia', 'Kerbratou-Legoffic', { enabled: true }),
    ];
    const several = withHospital(records, new Set(['badges']));
    expect(several.link(1)).toMatchObject({ identity: several.identityOf(0), decision: 'auto' });
    expect(several.link(2)).toMatchObject({ identity: several.identityOf(0), decision: 'auto' });
    expect(several.link(3)).toMatchObject({ identity: several.identityOf(0), decision: 'review', rule: 'possible-duplicate-account' });
    expect(several.link(4)).toMatchObject({ identity: several.identityOf(0), decision: 'review' });
    // Undeclared, the source keeps one record per person: the lost card goes to a reviewer too.
    const one = withHospital(records);
    expect([1, 2, 3, 4].filter((offset) => one.link(offset).decision === 'auto')).toHaveLength(1);
    expect(one.link(2).decision).toBe('review');
  });

  it('holds a link that rests on names alone to its own, stricter band', () => {
    const records = [
      hr('Z1', 'KERBRATOU', 'Zoélie', '1980-03-12', { service: 'CARDIO' }),
      ad('zkerbratou', { lastName: 'KERBRATOU', firstName: 'Zoélie' }),
      { sourceId: 'app1', role: 'application', key: 'ZKE', attributes: { lastName: 'KERBRATOU', firstName: 'Zoélie', birthDate: '1980-03-12' } },
    ] satisfies ReconcileRecord[];
    const run = (namesOnlyProbability: number) => {
      const all = [...hospital.records, ...records];
      const config = { ...defaultMatchingConfig, calibrated: { ...defaultMatchingConfig.calibrated, namesOnlyProbability } };
      const result = reconcileRecords({ records: all, establishmentFiness: hospital.establishmentFiness, today, config });
      return { names: result.links[hospital.records.length + 1]!, born: result.links[hospital.records.length + 2]! };
    };
    const usual = run(defaultMatchingConfig.calibrated.namesOnlyProbability!);
    expect(usual.names.probability!).toBeGreaterThan(defaultMatchingConfig.calibrated.namesOnlyProbability!);
    expect(usual.names.decision).toBe('auto');
    // Asked for more certainty than two names give, the account goes to a human; the birth date still links the application account.
    const strict = run(1 - (1 - usual.names.probability!) / 2);
    expect(strict.names).toMatchObject({ decision: 'review', identity: usual.names.identity });
    expect(strict.born).toMatchObject({ decision: 'auto', identity: usual.names.identity });
  }, 30_000);

  it('never links automatically a name two people here share without a key telling them apart', () => {
    const { link, identityOf } = withHospital([
      hr('G1', 'GUILLOUVIC', 'Anneline', '1980-03-12', { service: 'CARDIO' }),
      hr('G2', 'GUILLOUVIC', 'Anneline', '1991-07-02', { service: 'CARDIO' }),
      ad('aguillouvic', { lastName: 'GUILLOUVIC', firstName: 'Anneline', service: 'CARDIO' }),
      { sourceId: 'app1', role: 'application', key: 'AGU2', attributes: { lastName: 'GUILLOUVIC', firstName: 'Anneline', birthDate: '1991-07-02' } },
    ]);
    expect(link(2).decision).toBe('review');
    // The birth date tells the two apart.
    expect(link(3)).toMatchObject({ identity: identityOf(1), decision: 'auto' });
  });

  const entry = (rpps: string, lastName: string, firstName: string, profession: string, finess: string[]): ReconcileRecord => ({
    sourceId: 'rpps', role: 'register', key: rpps, finess, attributes: { rpps, lastName, firstName, profession },
  });
  const here = () => [hospital.establishmentFiness[0]!];

  it('never links automatically an account whose RPPS the register gives to a professional of another profession than the person of that name', () => {
    const rpps = appendRppsCheckDigit('1024359545');
    const records = [
      hr('S1', 'MASSONNEAU', 'Céline', '2001-04-07', { profession: 'Aide-soignant(e)', service: 'PSY' }),
      // An interim doctor of the same name, registered at a clinic elsewhere, prescribes here.
      entry(rpps, 'MASSONNEAU', 'CELINE', '10', ['720054972']),
      { sourceId: 'presc', role: 'application', key: 'cmassonneau', attributes: { fullName: 'MASSONNEAU CELINE', lastName: 'MASSONNEAU', firstName: 'CELINE', rpps } } satisfies ReconcileRecord,
    ];
    const { link, identityOf } = withHospital(records);
    expect(link(2)).toMatchObject({ identity: identityOf(0), decision: 'review', rule: 'shared-name' });
    expect(link(2).evidence.find((item) => item.field === 'profession')?.level).toBe('different');
    // The same account without the RPPS says nothing against the person: it links.
    const plain = withHospital([records[0]!, records[1]!, { ...records[2]!, attributes: { ...records[2]!.attributes, rpps: undefined } }]);
    expect(plain.link(2)).toMatchObject({ identity: plain.identityOf(0), decision: 'auto' });
    // The same when the account carries the birth name of a person known here by her usage name.
    const other = appendRppsCheckDigit('1007645690');
    const married = withHospital([
      hr('S2', 'MEYERAND', 'Karine', '1984-08-26', { birthName: 'BOISOTAND', profession: 'Aide-soignant(e)' }),
      entry(other, 'DU BOISOTAND', 'KARINE', '10', ['720054972']),
      { sourceId: 'presc', role: 'application', key: 'kduboisotand', attributes: { fullName: 'DU BOISOTAND KARINE', lastName: 'DU BOISOTAND', firstName: 'KARINE', rpps: other } },
    ]);
    expect(married.link(2)).toMatchObject({ identity: married.identityOf(0), decision: 'review', rule: 'shared-name' });
    // And when HR gives the person of that name an administrative grade (no profession to compare).
    const third = appendRppsCheckDigit('1019631375');
    const clerk = withHospital([
      hr('S3', 'GAUDELLIN', 'Sandrine', '1980-12-20', { profession: 'Assistant(e) médico-administratif(ve)' }),
      entry(third, 'GAUDELLIN', 'SANDRINE', '10', ['490999999']),
      { sourceId: 'presc', role: 'application', key: 'sgaudellin', attributes: { fullName: 'GAUDELLIN SANDRINE', lastName: 'GAUDELLIN', firstName: 'SANDRINE', rpps: third } },
    ]);
    expect(clerk.link(2)).toMatchObject({ identity: clerk.identityOf(0), decision: 'review', rule: 'shared-name' });
  });

  it('tells two namesakes here apart by the profession of a register entry at the establishment', () => {
    const told = withHospital([
      hr('N1', 'LOCMARIAQUER', 'Soazig', '1980-03-12', { profession: 'Infirmière en soins généraux' }),
      hr('N2', 'LOCMARIAQUER', 'Soazig', '1991-07-02', { profession: 'Praticien hospitalier' }),
      entry('10100000001', 'LOCMARIAQUER', 'SOAZIG', '60', here()),
    ]);
    expect(told.link(2)).toMatchObject({ identity: told.identityOf(0), decision: 'auto' });
    // Two nurses of one name: nothing in the entry tells them apart.
    const alike = withHospital([
      hr('N1', 'LOCMARIAQUER', 'Soazig', '1980-03-12', { profession: 'Infirmière en soins généraux' }),
      hr('N2', 'LOCMARIAQUER', 'Soazig', '1991-07-02', { profession: 'Infirmière en soins généraux' }),
      entry('10100000001', 'LOCMARIAQUER', 'SOAZIG', '60', here()),
    ]);
    expect(alike.link(2).decision).toBe('review');
    const [first, second] = [alike.identityOf(0), alike.identityOf(1)];
    expect(alike.link(2).alternatives?.map((alternative) => alternative.identity)).toEqual([alike.link(2).identity === first ? second : first]);
    // An automatic link names no alternative.
    expect(told.link(2).alternatives).toBeUndefined();
  });

  it('proposes a register entry still at the previous employer for a newcomer only, at its chance among the entries of her names', () => {
    const elsewhere = ['350000001'];
    const arrived = hr('P1', 'PENHOATOU', 'Maïwenn', '1990-01-05', { profession: 'Infirmière', startDate: '2026-08-01' });
    const newcomer = withHospital([arrived, entry('10100000002', 'PENHOATOU', 'MAIWENN', '60', elsewhere)]);
    expect(newcomer.link(1)).toMatchObject({ identity: newcomer.identityOf(0), decision: 'review' });
    expect(newcomer.link(1).probability).toBeGreaterThanOrEqual(0.5);
    // Two entries of her names and profession elsewhere: at most one is hers, and neither is more
    // likely than not — a reviewer could only guess; her card at the desk will say.
    const twice = withHospital([arrived, entry('10100000002', 'PENHOATOU', 'MAIWENN', '60', elsewhere), entry('10100000003', 'PENHOATOU', 'MAIWENN', '60', ['290000002'])]);
    expect([twice.link(1), twice.link(2)].filter((link) => link?.decision === 'review')).toHaveLength(0);
    expect(probabilityAmongRivals(-10, 20, [20])).toBeLessThan(0.5);
    expect(probabilityAmongRivals(-10, 20, [])).toBeCloseTo(1 / (1 + 2 ** -10), 6);
    // Here for fifteen years: a namesake elsewhere is somebody else.
    const settled = withHospital([
      hr('P1', 'PENHOATOU', 'Maïwenn', '1970-01-05', { profession: 'Infirmière', startDate: '2011-09-01' }),
      entry('10100000002', 'PENHOATOU', 'MAIWENN', '60', elsewhere),
    ]);
    expect(settled.link(1)?.decision ?? 'none').toBe('none');
  });

  it('counts a namesake registered elsewhere under another profession, kept aside unscored, when a name must be alone in the register', () => {
    const elsewhere = ['350000001'];
    const nurse = entry(appendRppsCheckDigit('1010000004'), 'PENHOATOU', 'MAIWENN', '60', elsewhere);
    // Arrival unknown: the one entry of that name, with the person's profession, goes to a human.
    const alone = withHospital([hr('P1', 'PENHOATOU', 'Maïwenn', '1990-01-05', { profession: 'Infirmière' }), nurse]);
    expect(alone.link(1)).toMatchObject({ identity: alone.identityOf(0), decision: 'review' });
    // A doctor of that name practising elsewhere can be nobody here; still, the nurse's entry is no longer the one of that name.
    const doctor = entry(appendRppsCheckDigit('1010000005'), 'PENHOATOU', 'MAIWENN', '10', ['290000002']);
    const namesakes = withHospital([hr('P1', 'PENHOATOU', 'Maïwenn', '1990-01-05', { profession: 'Infirmière' }), nurse, doctor]);
    expect(namesakes.link(1)?.decision ?? 'none').toBe('none');
    expect(namesakes.link(2)?.decision ?? 'none').toBe('none');
  });

  it('reads an interim account (ext.…) as evidence against, in the explanation too', () => {
    const { link } = withHospital([
      hr('E1', 'QUEMENEURIC', 'Tugdual', '1985-04-04', { service: 'CARDIO' }),
      ad('ext.quemeneuric.t', { lastName: 'Quemeneuric', firstName: 'Tugdual' }),
      ad('tquemeneuric', { lastName: 'Quemeneuric', firstName: 'Tugdual' }),
    ]);
    const external = link(1);
    const staff = link(2);
    expect(external.evidence.find((item) => item.field === 'login')).toMatchObject({ level: 'different', comparator: 'external account' });
    expect(external.score).toBeLessThanOrEqual(staff.score - 6);
    expect(external.decision).not.toBe('auto');
  });

  it('does not count an account name twice when the given name in use is one of the civil given names', () => {
    const { link, identityOf } = withHospital([
      hr('C1', 'KERGUIDUFFEC', 'Morgane Valérie', '1998-12-27', { service: 'ONCO' }),
      hr('C2', 'KERGUIDUFFEC', 'Morgane', '1986-07-04', { service: 'REA' }),
      ad('kerguiduffec.morgane', { lastName: 'Kerguiduffec', firstName: 'Morgane', service: 'REA' }),
    ]);
    expect(link(2).identity).toBe(identityOf(1));
    const login = link(2).evidence.find((item) => item.field === 'login');
    expect(login?.weight ?? 0).toBe(0);
  });

  it('does not count a mailbox or an account name built from the record’s own names, whatever the person’s', () => {
    const { link, identityOf } = withHospital([
      hr('B1', 'BELMAZEC', 'Julienne', '1979-02-11', { service: 'EHPAD', birthName: 'TRELANVIC' }),
      hr('B2', 'BELMAZEC-LANCORREC', 'Julienne', '1988-09-30', { service: 'CARDIO' }),
      { sourceId: 'mss', role: 'application', key: 'julienne.belmazec@mssante.fr', attributes: { email: 'julienne.belmazec@mssante.fr', lastName: 'BELMAZEC', firstName: 'Julienne' } },
      ad('jbelmazec', { lastName: 'BELMAZEC', firstName: 'Julienne' }),
    ]);
    // The mailbox and the login say BELMAZEC Julienne, which the names said already: the person whose
    // names agree wins over the one whose surname only begins alike.
    for (const offset of [2, 3]) {
      expect(link(offset).identity).toBe(identityOf(0));
      for (const field of ['email', 'login'] as const) expect(link(offset).evidence.find((item) => item.field === field)?.weight ?? 0).toBe(0);
    }
    // A mailbox is still evidence where the record has no names of its own.
    const bare = withHospital([hr('B3', 'KERVAZIOU', 'Maëlwenn', '1990-05-05', { service: 'ONCO' }), { sourceId: 'mss', role: 'application', key: 'maelwenn.kervaziou@mssante.fr', attributes: { email: 'maelwenn.kervaziou@mssante.fr' } }]);
    expect(bare.link(1).identity).toBe(bare.identityOf(0));
    expect(bare.link(1).evidence.find((item) => item.field === 'email')?.weight ?? 0).toBeGreaterThan(0);
  });

  it('never links automatically to one of two people whose names are one keystroke apart when one spelling is borne by nobody else (an HR typo)', () => {
    const typo = withHospital([
      hr('M1', 'MORVANIC', 'Ysaline', '1990-01-27', { service: 'PNEUMO' }),
      hr('M2', 'MOVANIC', 'Ysaline', '2001-07-09', { service: 'ORTHO' }),
      ad('ymorvanic', { lastName: 'MORVANIC', firstName: 'Ysaline' }),
    ]);
    expect(typo.link(2)).toMatchObject({ identity: typo.identityOf(0), decision: 'review', rule: 'shared-name' });
    // Both spellings borne by accounts too: two real surnames, each links to its own person.
    const real = withHospital([
      hr('M1', 'MORVANIC', 'Ysaline', '1990-01-27', { service: 'PNEUMO' }),
      hr('M2', 'MOVANIC', 'Ysaline', '2001-07-09', { service: 'ORTHO' }),
      ad('ymorvanic', { lastName: 'MORVANIC', firstName: 'Ysaline' }),
      ad('ymovanic', { lastName: 'MOVANIC', firstName: 'Ysaline' }),
    ]);
    expect(real.link(2)).toMatchObject({ identity: real.identityOf(0), decision: 'auto' });
    expect(real.link(3)).toMatchObject({ identity: real.identityOf(1), decision: 'auto' });
    // A register entry at the establishment spelled right: nothing tells the two nurses apart.
    const register = withHospital([
      hr('M1', 'MORVANIC', 'Ysaline', '1990-01-27', { profession: 'Infirmière en soins généraux' }),
      hr('M2', 'MOVANIC', 'Ysaline', '2001-07-09', { profession: 'Infirmière en soins généraux' }),
      entry('10100000009', 'MORVANIC', 'YSALINE', '60', here()),
    ]);
    expect(register.link(2)).toMatchObject({ identity: register.identityOf(0), decision: 'review' });
  });

  it('settles a source by elimination: the account left links to the one person without an account there, never to a free person when its best is taken', () => {
    const people = hospital.records.filter((record) => record.role === 'hr' && record.attributes.birthDate !== undefined && record.attributes.lastName !== undefined);
    const [weakPerson, other] = [people[0]!, people[1]!];
    // A payroll-like application holding every person's account, names and birth date as HR has them…
    const accounts: ReconcileRecord[] = people.slice(1).map((person, index) => ({
      sourceId: 'paie', role: 'application', key: `P${index}`, attributes: { lastName: person.attributes.lastName, firstName: person.attributes.firstName, birthDate: person.attributes.birthDate },
    }));
    // …but one: only the birth date (not enough on its own).
    const weak: ReconcileRecord = { sourceId: 'paie', role: 'application', key: 'WEAK', attributes: { birthDate: weakPerson.attributes.birthDate } };
    const records = [...hospital.records, ...accounts, weak];
    const result = reconcileRecords({ records, establishmentFiness: hospital.establishmentFiness, today });
    const identityOfRecord = (record: ReconcileRecord) => result.identities.findIndex((identity) => records[identity.anchor] === record);
    expect(result.links[records.length - 1]).toMatchObject({ identity: identityOfRecord(weakPerson), decision: 'auto', rule: 'one-account-per-source' });
    expect(result.links[records.length - 1]!.probability).toBeGreaterThanOrEqual(0.99);
    // The same weak account, when the person it resembles most already has an account there: no elimination onto someone else.
    const duplicate: ReconcileRecord = { ...weak, key: 'DUP', attributes: { birthDate: other.attributes.birthDate } };
    const again = reconcileRecords({ records: [...hospital.records, ...accounts, duplicate], establishmentFiness: hospital.establishmentFiness, today });
    const last = again.links[hospital.records.length + accounts.length]!;
    expect(last.rule).not.toBe('one-account-per-source');
  });

  it('never links by weights alone an account that shares no name nor identifier with the person (a birth date and a service)', () => {
    const people = hospital.records.filter((record) => record.role === 'hr' && record.attributes.birthDate !== undefined && record.attributes.service !== undefined);
    const dates = new Map<string, number>();
    for (const person of people) dates.set(person.attributes.birthDate!, (dates.get(person.attributes.birthDate!) ?? 0) + 1);
    const person = people.find((candidate) => dates.get(candidate.attributes.birthDate!) === 1)!;
    const account: ReconcileRecord = { sourceId: 'badgeuse', role: 'application', key: 'B1', attributes: { birthDate: person.attributes.birthDate, service: person.attributes.service, sex: person.attributes.sex } };
    const records = [...hospital.records, account];
    const result = reconcileRecords({ records, establishmentFiness: hospital.establishmentFiness, today });
    const identity = result.identities.findIndex((candidate) => records[candidate.anchor] === person);
    // The birth date is the person's alone here: the weights point to them, a human decides.
    expect(result.links[records.length - 1]).toMatchObject({ identity, decision: 'review', rule: 'nothing-that-names' });
    // With a name in common, the same evidence links by itself.
    const named: ReconcileRecord = { ...account, key: 'B2', attributes: { ...account.attributes, lastName: person.attributes.lastName } };
    const again = reconcileRecords({ records: [...hospital.records, named], establishmentFiness: hospital.establishmentFiness, today });
    expect(again.links[records.length - 1]).toMatchObject({ identity, decision: 'auto' });
  });

  it('leaves to a human an account last used years before the person joined', () => {
    const { link, identityOf } = withHospital([
      hr('L1', 'LEBIHANEC', 'Anthony', '1990-02-02', { service: 'PNEUMO', startDate: '2021-03-01' }),
      ad('lebihaneca', { lastName: 'Le Bihanec', firstName: 'Anthony', birthDate: '1990-02-02', service: 'PNEUMO', lastLogin: '2014-07-16' }),
      { sourceId: 'app1', role: 'application', key: 'ALEBIHANEC', attributes: { lastName: 'LEBIHANEC', firstName: 'Anthony', birthDate: '1990-02-02', service: 'PNEUMO', lastLogin: '2020-09-30' } },
    ]);
    expect(link(1)).toMatchObject({ identity: identityOf(0), decision: 'review', rule: 'account-before-arrival' });
    // Used a few months before the start date (a new contract's): linked as usual.
    expect(link(2)).toMatchObject({ identity: identityOf(0), decision: 'auto' });
  });

  it('treats matricules as numbers: 0041234 and 41234 are one agent', () => {
    const result = reconcileRecords({ today, records: [hr('0041234', 'MORVAN', 'Erwan', '1985-02-02'), ad('emorvan', { hrId: '41234', lastName: 'Morvan', firstName: 'Erwan' })] });
    expect(result.links[1]).toMatchObject({ identity: 0, decision: 'auto', rule: 'matricule-last-first' });
  });
});
