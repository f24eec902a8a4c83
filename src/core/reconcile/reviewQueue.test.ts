import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileReportView, ReviewQueue } from '../../shared/api/reconcile.contract';
import { openDeskCore, type DeskCore } from '../desk/openDeskCore';

let core: DeskCore;
let dataDir: string;
const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
const desk = { connectionId: 'desk-1', transport: 'browser' as const };

async function call<T>(method: string, input: unknown, context = desk): Promise<T> {
  const result = await core.dispatch(method, input, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value as T;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-review-'));
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', clock, demo: true, logger: { info: () => {}, error: () => {} } });
  const badgeAgent = core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
  core.sessions.open(desk.connectionId, { agentIdentityId: badgeAgent.id, method: 'cps' });
}, 60_000);
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('review queue (desk API)', () => {
  it('lists proposals with both sides and per-field evidence', async () => {
    const queue = await call<ReviewQueue>('listReviewProposals', {});
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.lastRun?.identities).toBeGreaterThan(300);
    const [first] = queue.proposals;
    expect(first!.evidence.length).toBeGreaterThan(0);
    expect(first!.evidence[0]).toEqual(expect.objectContaining({ field: expect.any(String), level: expect.any(String), points: expect.any(Number) }));
    expect(first!.identity.lastName).not.toBe('');
  });

  it('refuses a decision without a desk session or without a reason', async () => {
    const [proposal] = (await call<ReviewQueue>('listReviewProposals', {})).proposals;
    const anonymous = await core.dispatch('decideReviewProposal', { recordId: proposal!.recordId, identityId: proposal!.identity.identityId, decision: 'accept', reason: 'vu au guichet' }, { connectionId: 'other', transport: 'browser' });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const noReason = await core.dispatch('decideReviewProposal', { recordId: proposal!.recordId, identityId: proposal!.identity.identityId, decision: 'accept', reason: '' }, desk);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('applies accept and reject at once, and they win over the next automatic run', async () => {
    const before = await call<ReviewQueue>('listReviewProposals', {});
    const [accepted, rejected] = before.proposals;
    const identityOf = (recordId: number) => (core.db.prepare('SELECT identity_id AS id, decision, validated_by AS by FROM identity_links WHERE record_id = ?').get(recordId) as { id: string; decision: string; by: string } | undefined);
    const { remaining } = await call<{ remaining: number }>('decideReviewProposal', { recordId: accepted!.recordId, identityId: accepted!.identity.identityId, decision: 'accept', reason: 'même personne, pièce d’identité vue' });
    await call('decideReviewProposal', { recordId: rejected!.recordId, identityId: rejected!.identity.identityId, decision: 'reject', reason: 'homonyme, autre service' });
    expect(remaining).toBe(before.total - 1);
    expect(identityOf(accepted!.recordId)).toMatchObject({ id: accepted!.identity.identityId, decision: 'validated', by: expect.stringContaining('(') });
    expect(identityOf(rejected!.recordId)).toBeUndefined();
    const again = await core.dispatch('decideReviewProposal', { recordId: accepted!.recordId, identityId: accepted!.identity.identityId, decision: 'reject', reason: 'changement d’avis' }, desk);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const journaled = core.db.prepare("SELECT action, agent_id AS agentId, subject_type AS type, after_json AS after FROM journal WHERE action LIKE 'identity-link.%' ORDER BY seq").all() as { action: string; agentId: string; type: string; after: string }[];
    expect(journaled.map(({ action, type }) => [action, type])).toEqual([['identity-link.accept', 'source-record'], ['identity-link.reject', 'source-record']]);
    expect(journaled.every((entry) => entry.agentId !== null)).toBe(true);
    expect(JSON.parse(journaled[1]!.after)).toEqual({ identityId: null, decision: 'rejected', reason: 'homonyme, autre service' });

    const anonymousRun = await core.dispatch('runReconciliation', {}, { connectionId: 'other', transport: 'browser' });
    expect(anonymousRun).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const identitiesBefore = core.db.prepare('SELECT id, hr_id FROM identities ORDER BY id').all();
    const report = await call<ReconcileReportView>('runReconciliation', {});
    expect(report.reviewCount).toBe(before.total - 2);
    expect(core.db.prepare('SELECT id, hr_id FROM identities ORDER BY id').all()).toEqual(identitiesBefore);
    expect(identityOf(accepted!.recordId)).toMatchObject({ id: accepted!.identity.identityId, decision: 'validated' });
    expect(identityOf(rejected!.recordId)?.id).not.toBe(rejected!.identity.identityId);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE action = 'directory.reconcile'").get()).toEqual({ n: 1 });
    // A reconciliation runs inside: seconds on a loaded 2-core CI machine.
  }, 30_000);

  it('names a proposal’s namesakes, and lets the reviewer choose one of them instead', async () => {
    const queue = await call<ReviewQueue>('listReviewProposals', { limit: 200 });
    const proposal = queue.proposals.find((item) => item.alternatives.length > 0);
    expect(proposal, 'the demo hospital has namesakes the guard holds back').toBeDefined();
    const [alternative] = proposal!.alternatives;
    expect(alternative!.identity.identityId).not.toBe(proposal!.identity.identityId);
    expect(alternative!.evidence.length).toBeGreaterThan(0);
    expect(alternative!.identity.lastName).not.toBe('');
    // A person neither proposed nor an alternative is refused.
    const stranger = core.db.prepare('SELECT id FROM identities WHERE id NOT IN (?, ?) LIMIT 1').pluck().get(proposal!.identity.identityId, alternative!.identity.identityId) as string;
    const refused = await core.dispatch('decideReviewProposal', { recordId: proposal!.recordId, identityId: stranger, decision: 'accept', reason: 'au hasard' }, desk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await call('decideReviewProposal', { recordId: proposal!.recordId, identityId: alternative!.identity.identityId, decision: 'accept', reason: 'l’autre homonyme, même service' });
    const linkOf = () => core.db.prepare('SELECT identity_id AS id, decision FROM identity_links WHERE record_id = ?').get(proposal!.recordId);
    expect(linkOf()).toEqual({ id: alternative!.identity.identityId, decision: 'validated' });
    const journaled = core.db.prepare("SELECT before_json AS before, after_json AS after FROM journal WHERE action = 'identity-link.accept' ORDER BY seq DESC LIMIT 1").get() as { before: string; after: string };
    expect(JSON.parse(journaled.before)).toMatchObject({ identityId: proposal!.identity.identityId, alternative: alternative!.identity.identityId });
    expect(JSON.parse(journaled.after)).toMatchObject({ identityId: alternative!.identity.identityId, decision: 'validated' });
    // The next run obeys the choice.
    await call<ReconcileReportView>('runReconciliation', {});
    expect(linkOf()).toEqual({ id: alternative!.identity.identityId, decision: 'validated' });
  }, 30_000);
});
