import { randomUUID } from 'node:crypto';
import { createDeskSessions } from '../../src/core/agents/createDeskSessions';
import { createDispatchGuard } from '../../src/core/agents/createDispatchGuard';
import { systemClock } from '../../src/core/clock';
import { createEventHub } from '../../src/core/desk/createEventHub';
import { createFidoHandlers } from '../../src/core/fido/createFidoHandlers';
import { resolveFidoSettings } from '../../src/core/fido/FidoSettings';
import { openDatabase } from '../../src/core/store/openDatabase';
import { guardHandlers } from '../support/guardHandlers';
import { createSoftwareAuthenticator } from '../fixtures/fido/createSoftwareAuthenticator';
import { createTestCertificateAuthority } from '../fixtures/fido/createTestCertificateAuthority';
import { signMetadataBlob } from '../fixtures/fido/signMetadataBlob';

export const name = 'fido';
export const description = 'offline MDS3 BLOB import at real size, and the core side of key enrollment (register + test authentication)';

export async function run(): Promise<void> {
  const db = openDatabase({ path: ':memory:' });
  const now = systemClock.now().toISOString();
  db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('agent', 'AGENT', 'A', 'active', '', ?, ?)").run(now, now);
  db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('agent', 'admin', ?)").run(now);
  const ca = await createTestCertificateAuthority();
  const vendor = await createTestCertificateAuthority('Vendor root');
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock: systemClock, events, deskName: 'bench', idleLockMs: 3_600_000 });
  const context = { connectionId: 'bench', transport: 'browser' as const };
  sessions.open(context.connectionId, { agentIdentityId: 'agent', method: 'cps' });
  const cards = { readCard: () => null, verifyPin: async () => ({ ok: false as const, reason: 'PIN_BLOCKED' as const }) };
  const guard = createDispatchGuard({ db, clock: systemClock, sessions, deskName: 'bench' });
  const fido = guardHandlers(createFidoHandlers({ db, clock: systemClock, events, cards, settings: resolveFidoSettings({ mdsTrustAnchors: [ca.root.pem] }, {}) }), guard);

  // The FIDO Alliance BLOB is a few MB with about 1,200 entries, most with root certificates.
  const root = Buffer.from(vendor.root.der).toString('base64');
  const entries = Array.from({ length: 1200 }, (_, index) => ({
    aaguid: randomUUID(),
    metadataStatement: { description: `Modèle ${index}`, attestationRootCertificates: [root, root] },
    statusReports: [{ status: index % 50 === 0 ? 'REVOKED' : 'FIDO_CERTIFIED_L1', effectiveDate: '2025-01-01' }],
  }));
  const blob = await signMetadataBlob({ no: 1, nextUpdate: '2099-01-01', entries }, await ca.issue({ subject: 'CN=Bench MDS signer' }));
  let started = performance.now();
  await fido.importFidoMetadata({ kind: 'mds-blob', content: blob }, context);
  console.log(`MDS3 BLOB of ${(blob.length / 1_000_000).toFixed(1)} MB, ${entries.length} entries: verified and imported in ${(performance.now() - started).toFixed(0)} ms`);

  const keys = 200;
  const insert = db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'P', 'P', 'active', '', ?, ?)");
  for (let index = 0; index < keys; index += 1) insert.run(`p${index}`, now, now);
  const authenticator = createSoftwareAuthenticator({ attestation: 'self' });
  const origin = 'http://localhost:1';
  started = performance.now();
  for (let index = 0; index < keys; index += 1) {
    const options = await fido.startFidoRegistration({ identityId: `p${index}`, role: 'primary', label: `Clé ${index}` }, context);
    const checked = await fido.finishFidoRegistration({ response: authenticator.register(options.options, origin) }, context);
    await fido.finishFidoKeyTest({ response: authenticator.authenticate(checked.testOptions, origin) }, context);
  }
  const perKey = (performance.now() - started) / keys;
  console.log(`Key enrollment, core side (options, registration check, metadata policy, test authentication, MIE + journal): ${perKey.toFixed(1)} ms per key over ${keys} keys`);
  db.close();
}
