import { beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { guardHandlers } from '../../../test/support/guardHandlers';
import { createSoftwareAuthenticator } from '../../../test/fixtures/fido/createSoftwareAuthenticator';
import { createTestCertificateAuthority } from '../../../test/fixtures/fido/createTestCertificateAuthority';
import { signMetadataBlob } from '../../../test/fixtures/fido/signMetadataBlob';
import { DeskError } from '../../shared/api/errors';
import type { CardAccess } from '../agents/CardAccess';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import type { Clock } from '../clock';
import { createEventHub } from '../desk/createEventHub';
import { verifyJournal } from '../journal/verifyJournal';
import { openDatabase } from '../store/openDatabase';
import { createFidoHandlers } from './createFidoHandlers';
import type { FidoCeremonyRequest, FidoCeremonyRunner } from './FidoCeremonyRunner';
import { resolveFidoSettings, type FidoSettings } from './FidoSettings';

const origin = 'http://localhost:4321';
const desk = { connectionId: 'window-1', transport: 'browser' as const };
const yubiLike = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const compromised = '01020304-0506-0708-0102-030405060708';

let now: Date;
const clock: Clock = { now: () => now };
let db: Database.Database;

function addPerson(id: string, { status = 'active', hrEndDate = null }: { status?: string; hrEndDate?: string | null } = {}): void {
  db.prepare(
    `INSERT INTO identities (id, last_name, first_name, status, hr_end_date, search_text, created_at, updated_at) VALUES (?, ?, 'Test', ?, ?, '', ?, ?)`,
  ).run(id, id.toUpperCase(), status, hrEndDate, now.toISOString(), now.toISOString());
}

/** The card in the desk's reader: a CPS whose PIN is 1234. */
let cardRpps: string | null = null;
const cards: CardAccess = {
  readCard: (reader) =>
    cardRpps === null
      ? null
      : { reader, type: 'cps', uid: null, desfire: null, cps: { idNat: `8${cardRpps}`, rpps: cardRpps, lastName: 'SPONSOR', firstName: 'Test', profession: '10', serial: 'CPS-0001', notAfter: '2029-01-01' } },
  verifyPin: async (_reader, pin) => (pin === '1234' ? { ok: true, triesLeft: 3 } : { ok: false, reason: 'WRONG_PIN', triesLeft: 2 }),
};

function open(settings: Partial<FidoSettings> = {}, ceremonyRunner?: FidoCeremonyRunner) {
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock, events, deskName: 'desk-test', idleLockMs: 365 * 86_400_000 });
  for (const connectionId of [desk.connectionId, 'window-2']) sessions.open(connectionId, { agentIdentityId: 'agent', method: 'cps' });
  const guard = createDispatchGuard({ db, clock, sessions, deskName: 'desk-test' });
  return guardHandlers(createFidoHandlers({ db, clock, events, cards, settings: resolveFidoSettings(settings, {}), ceremonyRunner }), guard);
}


async function refusal(call: () => unknown): Promise<DeskError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

type Handlers = ReturnType<typeof open>;
type Authenticator = ReturnType<typeof createSoftwareAuthenticator>;

async function enroll(fido: Handlers, key: Authenticator, identityId: string, extra: { role?: 'primary' | 'backup'; label?: string; document?: { type: 'cni'; lastChars: string } } = {}) {
  const started = await fido.startFidoRegistration({ identityId, role: extra.role ?? 'primary', label: extra.label ?? 'Clé bleue', ...(extra.document ? { document: extra.document } : {}) }, desk);
  const checked = await fido.finishFidoRegistration({ response: key.register(started.options, origin) }, desk);
  return { checked, active: await fido.finishFidoKeyTest({ response: key.authenticate(checked.testOptions, origin) }, desk) };
}

async function vouch(fido: Handlers, key: Authenticator, sponsorId: string, enrolleeId: string) {
  const started = await fido.startSponsorCheck({ sponsorId, enrolleeId }, desk);
  return fido.finishSponsorCheck({ response: key.authenticate(started.options, origin) }, desk);
}

beforeEach(() => {
  now = new Date('2026-11-29T09:00:00Z');
  cardRpps = null;
  db = openDatabase({ path: ':memory:' });
  for (const id of ['agent', 'sponsor', 'enrollee', 'other']) addPerson(id);
  addPerson('leaver', { hrEndDate: '2026-12-10' });
  db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('agent', 'badge-office', ?)").run(now.toISOString());
});

describe('Tester la clé: an enrolled key authenticates again later', () => {
  it('verifies that key only, counts its use, journals the test; another key or an enrollment finisher is refused', async () => {
    const fido = open();
    const key = createSoftwareAuthenticator({ attestation: 'self' });
    const { active } = await enroll(fido, key, 'enrollee');
    now = new Date('2026-12-20T09:00:00Z');
    const options = await fido.startFidoKeyRecheck({ credentialId: active.credentialId }, desk);
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual([active.credentialId]);
    const tested = await fido.finishFidoKeyRecheck({ response: key.authenticate(options, origin) }, desk);
    expect(tested).toMatchObject({ credentialId: active.credentialId, state: 'active', lastUsedAt: now.toISOString() });
    expect(tested.signCount).toBeGreaterThan(active.signCount);
    expect(db.prepare("SELECT COUNT(*) FROM journal WHERE action = 'fido.key-test'").pluck().get()).toBe(1);

    // Someone else's key answering the test of this one.
    const stranger = createSoftwareAuthenticator({ attestation: 'self' });
    const { active: strangerKey } = await enroll(fido, stranger, 'other');
    const again = await fido.startFidoKeyRecheck({ credentialId: active.credentialId }, desk);
    expect((await refusal(() => fido.finishFidoKeyRecheck({ response: stranger.authenticate(again, origin, strangerKey.credentialId) }, desk))).code).toBe('FORBIDDEN');
    const third = await fido.startFidoKeyRecheck({ credentialId: active.credentialId }, desk);
    expect((await refusal(() => fido.finishFidoKeyTest({ response: key.authenticate(third, origin) }, desk))).code).toBe('PRECONDITION_FAILED');
    expect((await refusal(() => fido.startFidoKeyRecheck({ credentialId: 'no-such-key' }, desk))).code).toBe('NOT_FOUND');
  });
});

describe('FIDO key enrollment', () => {
  it('registers a key, keeps it pending until the test authentication, then binds it as a FIDO MIE', async () => {
    const fido = open();
    const key = createSoftwareAuthenticator({ attestation: 'self' });
    const started = await fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Clé bleue', serial: '12345678' }, desk);
    expect(started.options.rp.id).toBe('localhost');
    const checked = await fido.finishFidoRegistration({ response: key.register(started.options, origin) }, desk);
    expect(checked.key).toMatchObject({ state: 'pending', label: 'Clé bleue', serial: '12345678', attestation: 'self', attestationFormat: 'packed', model: null });
    expect(checked.warnings.map((w) => w.code)).toEqual(['unknown-model']);
    expect((await fido.listFidoKeys({ identityId: 'enrollee' }, desk)).keys[0]!.state).toBe('pending');

    const active = await fido.finishFidoKeyTest({ response: key.authenticate(checked.testOptions, origin) }, desk);
    expect(active).toMatchObject({ state: 'active', mieStatus: 'active', role: 'primary', signCount: 2 });
    expect(active.lastUsedAt).toBe(now.toISOString());
    const mie = db.prepare('SELECT kind, identifier, label, status FROM mie WHERE id = ?').get(active.mieId);
    expect(mie).toEqual({ kind: 'fido', identifier: active.credentialId, label: 'Clé bleue', status: 'active' });
    expect(db.prepare("SELECT action FROM journal WHERE action LIKE 'fido.%'").all()).toEqual([{ action: 'fido.enroll' }]);
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('uses each challenge once, only on its own connection, and not after it expires', async () => {
    const fido = open();
    const key = createSoftwareAuthenticator();
    const started = await fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Clé' }, desk);
    const response = key.register(started.options, origin);
    expect((await refusal(() => fido.finishFidoRegistration({ response }, { ...desk, connectionId: 'window-2' }))).details?.rule).toBe('unknown-challenge');
    await fido.finishFidoRegistration({ response }, desk);
    expect((await refusal(() => fido.finishFidoRegistration({ response }, desk))).details?.rule).toBe('unknown-challenge');

    const late = await fido.startFidoRegistration({ identityId: 'other', role: 'primary', label: 'Clé' }, desk);
    now = new Date(now.getTime() + 6 * 60_000);
    expect((await refusal(() => fido.finishFidoRegistration({ response: key.register(late.options, origin) }, desk))).details?.rule).toBe('challenge-expired');
  });

  it('refuses a foreign origin and a test signed by another key', async () => {
    const fido = open();
    const key = createSoftwareAuthenticator();
    const started = await fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Clé' }, desk);
    expect((await refusal(() => fido.finishFidoRegistration({ response: key.register(started.options, 'https://evil.example') }, desk))).details?.rule).toBe('origin');

    const again = await fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Clé' }, desk);
    const checked = await fido.finishFidoRegistration({ response: key.register(again.options, origin) }, desk);
    const impostor = createSoftwareAuthenticator();
    const impostorId = impostor.register(again.options, origin).id;
    const forged = { ...impostor.authenticate(checked.testOptions, origin, impostorId), id: checked.key.credentialId, rawId: checked.key.credentialId };
    expect((await refusal(() => fido.finishFidoKeyTest({ response: forged }, desk))).code).toBe('FORBIDDEN');
    expect((await fido.listFidoKeys({ identityId: 'enrollee' }, desk)).keys.every((k) => k.state === 'pending')).toBe(true);
  });

  it('enrolls for the hospital RP ID through the Electron RP-origin ceremony runner, and refuses the localhost origin there', async () => {
    const key = createSoftwareAuthenticator();
    const ran: FidoCeremonyRequest[] = [];
    const runner: FidoCeremonyRunner = {
      run: async (request) => {
        ran.push(request);
        return request.kind === 'register' ? key.register(request.options, 'https://sso.hopital.fr') : key.authenticate(request.options, 'https://sso.hopital.fr');
      },
    };
    const fido = open({ rpId: 'sso.hopital.fr' }, runner);
    expect(await fido.getFidoMetadataStatus({}, desk)).toMatchObject({ rpId: 'sso.hopital.fr', ceremony: 'rp-origin-window' });
    const started = await fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Clé SSO' }, desk);
    expect(started.options.rp.id).toBe('sso.hopital.fr');
    // The renderer names the ceremony; the runner gets the options the core issued, nothing else.
    const response = await fido.runFidoCeremony({ challenge: started.options.challenge }, desk);
    const checked = await fido.finishFidoRegistration({ response: response as never }, desk);
    const tested = await fido.runFidoCeremony({ challenge: checked.testOptions.challenge }, desk);
    await expect(fido.finishFidoKeyTest({ response: tested as never }, desk)).resolves.toMatchObject({ state: 'active' });

    const again = await fido.startFidoRegistration({ identityId: 'other', role: 'primary', label: 'Clé' }, desk);
    expect((await refusal(() => fido.finishFidoRegistration({ response: key.register(again.options, origin) }, desk))).details?.rule).toBe('origin');
    expect((await refusal(() => open().runFidoCeremony({ challenge: started.options.challenge }, desk))).details?.rule).toBe('no-ceremony-runner');
    // Each issued ceremony runs once, on its own connection only; an id the core never issued is refused.
    expect((await refusal(() => fido.runFidoCeremony({ challenge: started.options.challenge }, desk))).details?.rule).toBe('unknown-ceremony');
    expect((await refusal(() => fido.runFidoCeremony({ challenge: again.options.challenge }, { ...desk, connectionId: 'window-2' }))).details?.rule).toBe('unknown-ceremony');
    expect((await refusal(() => fido.runFidoCeremony({ challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, desk))).details?.rule).toBe('unknown-ceremony');
    expect(ran.map((request) => request.options.challenge)).toEqual([started.options.challenge, checked.testOptions.challenge]);
  });

  it('requires a label, and a sponsor for any key after the first', async () => {
    const fido = open();
    await enroll(fido, createSoftwareAuthenticator(), 'enrollee');
    expect((await refusal(() => fido.startFidoRegistration({ identityId: 'enrollee', role: 'primary', label: 'Autre' }, desk))).details?.rule).toBe('primary-exists');
    expect((await refusal(() => fido.startFidoRegistration({ identityId: 'enrollee', role: 'backup', label: 'Secours', document: { type: 'cni', lastChars: '1234' } }, desk))).details?.rule).toBe('sponsor-required');
    expect(() => db.prepare("UPDATE fido_credentials SET label = ''").run()).toThrow(/CHECK/);
  });
});

describe('offline FIDO metadata', () => {
  it('imports a signed MDS3 BLOB, names the model, trusts its attestation, and refuses a compromised model', async () => {
    const ca = await createTestCertificateAuthority();
    const signer = await ca.issue({ subject: 'CN=Test MDS signer, O=Guichet Tests, C=FR' });
    const vendor = await createTestCertificateAuthority('Vendor Attestation Root');
    const attestationCertificate = await vendor.issue({ subject: 'CN=Batch 1, OU=Authenticator Attestation, O=Vendor, C=FR', aaguid: yubiLike });
    const entries = [
      {
        aaguid: yubiLike,
        metadataStatement: { description: 'Clé Test 5 NFC', attestationRootCertificates: [Buffer.from(vendor.root.der).toString('base64')] },
        statusReports: [{ status: 'FIDO_CERTIFIED_L1', effectiveDate: '2024-01-01' }],
      },
      {
        aaguid: compromised,
        metadataStatement: { description: 'Clé compromise', attestationRootCertificates: [] },
        statusReports: [
          { status: 'FIDO_CERTIFIED_L1', effectiveDate: '2023-01-01' },
          { status: 'ATTESTATION_KEY_COMPROMISE', effectiveDate: '2025-06-01' },
        ],
      },
    ];
    const fido = open({ mdsTrustAnchors: [ca.root.pem] });
    const blob = await signMetadataBlob({ no: 42, nextUpdate: '2026-12-15', entries }, signer);

    const tampered = blob.replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ no: 43, nextUpdate: '2027-01-01', entries: [] })).toString('base64url')}.`);
    expect((await refusal(() => fido.importFidoMetadata({ kind: 'mds-blob', content: tampered }, desk))).message).toMatch(/signature/);
    const foreign = await createTestCertificateAuthority('Someone else');
    const foreignBlob = await signMetadataBlob({ no: 50, nextUpdate: '2026-12-15', entries }, await foreign.issue({ subject: 'CN=Foreign signer' }));
    expect((await refusal(() => fido.importFidoMetadata({ kind: 'mds-blob', content: foreignBlob }, desk))).message).toMatch(/trusted root/);
    expect((await fido.getFidoMetadataStatus({}, desk)).entries).toBe(0);

    const status = await fido.importFidoMetadata({ kind: 'mds-blob', content: blob }, desk);
    expect(status).toMatchObject({ entries: 2, stale: false, lastImport: { kind: 'mds-blob', blobNumber: 42, nextUpdate: '2026-12-15' } });
    expect((await refusal(() => fido.importFidoMetadata({ kind: 'mds-blob', content: blob }, desk))).details).toMatchObject({ lastBlobNumber: 42 });

    const { checked, active } = await enroll(fido, createSoftwareAuthenticator({ aaguid: yubiLike, attestation: attestationCertificate }), 'enrollee');
    expect(checked.warnings).toEqual([]);
    expect(active).toMatchObject({ model: 'Clé Test 5 NFC', certification: 'FIDO_CERTIFIED_L1', attestation: 'trusted' });

    const counterfeitCertificate = await foreign.issue({ subject: 'CN=Fake, OU=Authenticator Attestation, O=Fake, C=FR', aaguid: yubiLike });
    const counterfeit = await refusal(() => enroll(fido, createSoftwareAuthenticator({ aaguid: yubiLike, attestation: counterfeitCertificate }), 'other'));
    expect(counterfeit.details?.rule).toBe('attestation-untrusted');
    const refused = await refusal(() => enroll(fido, createSoftwareAuthenticator({ aaguid: compromised, attestation: 'self' }), 'other'));
    expect(refused.details).toMatchObject({ rule: 'key-model-refused', status: 'ATTESTATION_KEY_COMPROMISE' });
    expect((await fido.listFidoKeys({ identityId: 'other' }, desk)).keys).toEqual([]);

    now = new Date('2026-12-20T09:00:00Z');
    expect((await fido.getFidoMetadataStatus({}, desk)).stale).toBe(true);
  });

  it('loads a statements file without letting it override a verified BLOB entry, and enforces an allow-list only with verified attestation', async () => {
    const fido = open({ allowedAaguids: [yubiLike] });
    const statements = [{ aaguid: yubiLike, description: 'Clé locale', attestationRootCertificates: [] }];
    expect((await refusal(() => fido.importFidoMetadata({ kind: 'statements', content: '{"not":"an array"}' }, desk))).message).toMatch(/array/);
    expect((await refusal(() => fido.importFidoMetadata({ kind: 'statements', content: JSON.stringify([{ aaguid: 'nope', description: 'x' }]) }, desk))).message).toMatch(/AAGUID/);
    await fido.importFidoMetadata({ kind: 'statements', content: JSON.stringify(statements) }, desk);
    const listedButUnverified = await refusal(() => enroll(fido, createSoftwareAuthenticator({ aaguid: yubiLike, attestation: 'self' }), 'enrollee'));
    expect(listedButUnverified.details).toMatchObject({ rule: 'aaguid-not-allowed', attestation: 'self' });
    const unlisted = await refusal(() => enroll(fido, createSoftwareAuthenticator({ aaguid: compromised, attestation: 'self' }), 'enrollee'));
    expect(unlisted.message).toMatch(/allow-list/);
  });
});

describe('sponsored backup keys (parrainage)', () => {
  async function withPrimaryKeys(settings: Partial<FidoSettings> = {}) {
    const fido = open(settings);
    const sponsorKey = createSoftwareAuthenticator();
    const enrolleeKey = createSoftwareAuthenticator();
    await enroll(fido, sponsorKey, 'sponsor');
    await enroll(fido, enrolleeKey, 'enrollee');
    return { fido, sponsorKey, enrolleeKey };
  }

  it('enrolls a backup key vouched by a sponsor, journals who vouched, and revoking the sponsorship revokes the key', async () => {
    const { fido, sponsorKey } = await withPrimaryKeys();
    const verified = await vouch(fido, sponsorKey, 'sponsor', 'enrollee');
    expect(verified).toMatchObject({ sponsorId: 'sponsor', enrolleeId: 'enrollee' });
    const backupKey = createSoftwareAuthenticator();
    const { active } = await enroll(fido, backupKey, 'enrollee', { role: 'backup', label: 'Secours', document: { type: 'cni', lastChars: 'ab12' } });
    expect(active).toMatchObject({ role: 'backup', state: 'active', sponsorName: 'Test SPONSOR' });
    const { sponsorships, keys } = await fido.listFidoKeys({ identityId: 'enrollee' }, desk);
    expect(sponsorships).toEqual([expect.objectContaining({ sponsorId: 'sponsor', enrolleeId: 'enrollee', agentId: 'agent', documentType: 'cni', documentLastChars: 'AB12', status: 'active' })]);
    const entry = db.prepare("SELECT after_json FROM journal WHERE action = 'fido.sponsorship'").get() as { after_json: string };
    expect(JSON.parse(entry.after_json)).toMatchObject({ sponsorId: 'sponsor', enrolleeId: 'enrollee', agentId: 'agent', credentialId: active.credentialId });

    // The verified sponsor served once: another backup key needs a new authentication.
    expect((await refusal(() => fido.startFidoRegistration({ identityId: 'enrollee', role: 'backup', label: 'Encore', document: { type: 'cni', lastChars: 'AB12' } }, desk))).details?.rule).toBe('sponsor-required');

    const result = await fido.revokeSponsorship({ sponsorshipId: sponsorships[0]!.id, reason: 'parrain mal informé' }, desk);
    expect(result.revokedKeys).toBe(1);
    const after = (await fido.listFidoKeys({ identityId: 'enrollee' }, desk)).keys;
    expect(after.find((k) => k.role === 'backup')).toMatchObject({ state: 'revoked', mieStatus: 'expired' });
    expect(after.find((k) => k.role === 'primary')).toMatchObject({ state: 'active' });
    expect(keys).toHaveLength(2);
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('refuses the enrollee as sponsor, a leaving sponsor, a sponsor without an active MIE, and a sponsor over quota', async () => {
    const { fido, sponsorKey } = await withPrimaryKeys({ sponsorQuota: { count: 1, days: 30 } });
    expect((await refusal(() => fido.startSponsorCheck({ sponsorId: 'enrollee', enrolleeId: 'enrollee' }, desk))).details?.rule).toBe('sponsor-is-enrollee');
    expect((await refusal(() => fido.startSponsorCheck({ sponsorId: 'agent', enrolleeId: 'enrollee' }, desk))).details?.rule).toBe('sponsor-is-agent');
    await enroll(fido, createSoftwareAuthenticator(), 'leaver');
    expect((await refusal(() => fido.startSponsorCheck({ sponsorId: 'leaver', enrolleeId: 'enrollee' }, desk))).details?.rule).toBe('sponsor-leaving');
    expect((await refusal(() => fido.startSponsorCheck({ sponsorId: 'other', enrolleeId: 'enrollee' }, desk))).details?.rule).toBe('sponsor-without-mie');

    await vouch(fido, sponsorKey, 'sponsor', 'enrollee');
    await enroll(fido, createSoftwareAuthenticator(), 'enrollee', { role: 'backup', label: 'Secours', document: { type: 'cni', lastChars: '1234' } });
    await enroll(fido, createSoftwareAuthenticator(), 'other');
    expect((await refusal(() => fido.startSponsorCheck({ sponsorId: 'sponsor', enrolleeId: 'other' }, desk))).details?.rule).toBe('sponsor-quota');
    now = new Date(now.getTime() + 31 * 86_400_000);
    await expect(fido.startSponsorCheck({ sponsorId: 'sponsor', enrolleeId: 'other' }, desk)).resolves.toMatchObject({ sponsorName: 'Test SPONSOR' });
  });

  it('lets the sponsor authenticate with their own CPS and PIN instead of a key', async () => {
    const { fido } = await withPrimaryKeys();
    db.prepare("UPDATE identities SET rpps = '10000000001' WHERE id = 'sponsor'").run();
    const request = { sponsorId: 'sponsor', enrolleeId: 'enrollee', reader: 'Lecteur 1', pin: '1234' };
    expect((await refusal(() => fido.verifySponsorWithCps(request, desk))).details?.rule).toBe('cps-expected');
    cardRpps = '10000000099';
    expect((await refusal(() => fido.verifySponsorWithCps(request, desk))).details?.rule).toBe('sponsor-card-mismatch');
    cardRpps = '10000000001';
    expect((await refusal(() => fido.verifySponsorWithCps({ ...request, pin: '9999' }, desk))).details).toMatchObject({ rule: 'sponsor-pin', reason: 'WRONG_PIN' });
    await expect(fido.verifySponsorWithCps(request, desk)).resolves.toMatchObject({ sponsorName: 'Test SPONSOR', method: 'cps' });
    await enroll(fido, createSoftwareAuthenticator(), 'enrollee', { role: 'backup', label: 'Secours', document: { type: 'cni', lastChars: '5678' } });
    expect(db.prepare('SELECT sponsor_method, sponsor_means FROM fido_sponsorships').get()).toEqual({ sponsor_method: 'cps', sponsor_means: 'CPS-0001' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM journal WHERE action = 'fido.sponsor-refused'").get()).toEqual({ n: 1 });
  });

  it('refuses an assertion from a key that is not the sponsor’s, and revokes one key through its MIE', async () => {
    const { fido, enrolleeKey } = await withPrimaryKeys();
    const started = await fido.startSponsorCheck({ sponsorId: 'sponsor', enrolleeId: 'enrollee' }, desk);
    const [enrolleeCredential] = (await fido.listFidoKeys({ identityId: 'enrollee' }, desk)).keys;
    const wrong = enrolleeKey.authenticate(started.options, origin, enrolleeCredential!.credentialId);
    expect((await refusal(() => fido.finishSponsorCheck({ response: wrong }, desk))).details?.rule).toBe('unknown-credential');

    const revoked = await fido.revokeFidoKey({ credentialId: enrolleeCredential!.credentialId, action: 'declare-lost', reason: 'perdue au self' }, desk);
    expect(revoked).toMatchObject({ state: 'revoked', mieStatus: 'lost' });
    expect((await refusal(() => fido.revokeFidoKey({ credentialId: enrolleeCredential!.credentialId, action: 'return' }, desk))).details?.rule).toBe('already-revoked');
    // With its only key revoked, the person may receive a new primary key.
    await expect(enroll(fido, createSoftwareAuthenticator(), 'enrollee')).resolves.toBeDefined();
  });
});
