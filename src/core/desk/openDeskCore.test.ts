import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLeaverInvariant } from '../leavers/checkLeaverInvariant';
import { openDeskCore } from './openDeskCore';

const dataDir = mkdtempSync(join(tmpdir(), 'guichet-core-'));
const core = openDeskCore({ dataDir, appVersion: 'test', transport: 'cli', deskName: 'poste-test', nightDeskCheckIntervalMs: 3_600_000, logger: { info: () => {}, error: () => {} } });
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('openDeskCore', () => {
  it('checks leavers right after a reconciliation run: an HR end date it links suspends the means at once', async () => {
    const holder = core.db
      .prepare("SELECT id, hr_id FROM identities WHERE hr_id IS NOT NULL AND hr_end_date IS NULL AND status = 'active' AND id NOT IN (SELECT identity_id FROM agents) AND id NOT IN (SELECT identity_id FROM mie) LIMIT 1")
      .get() as { id: string; hr_id: string };
    core.db
      .prepare(`INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES ('m-core-test', 'badge', '04C0DE00000001', ?, 'active', '', 'test', '', 'test', '')`)
      .run(holder.id);
    // The HR record now says she left yesterday, as an import would have written it — but no check ran.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    core.db.prepare("UPDATE source_records SET attributes_json = json_set(attributes_json, '$.endDate', ?) WHERE source_id = 'sirh' AND hr_id = ?").run(yesterday, holder.hr_id);
    expect(checkLeaverInvariant(core.db, { now: new Date() }).ok).toBe(false);
    const run = await core.dispatch('runReconciliation', {}, { connectionId: 'cli', transport: 'cli' });
    expect(run.ok, JSON.stringify(run)).toBe(true);
    expect(checkLeaverInvariant(core.db, { now: new Date() })).toEqual({ ok: true, violations: [], held: 0 });
    expect(core.db.prepare('SELECT status FROM mie WHERE identity_id = ?').all(holder.id)).toEqual([{ status: 'suspended' }]);
  });
});
