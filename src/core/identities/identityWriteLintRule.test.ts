import { describe, expect, it } from 'vitest';
import { lintLines } from '../../../test/support/lintLines';

const code = [
  "export const a = 'UPDATE identities SET rpps = NULL';",
  'export const b = `INSERT OR REPLACE INTO identity_links (record_id) VALUES (${1})`;',
  "export const c = 'delete from identity_desk_facts';",
  "export const d = 'SELECT id FROM identities WHERE rpps = ?';",
  "export const e = 'UPDATE identity_search_words SET word = 1';",
].join('\n');

const identityWriteLines = (filePath: string) => lintLines(code, filePath, 'Only the identity store');

describe('the identity store lint rule', () => {
  it('refuses raw writes to identities, links and desk facts outside src/core/identities, migrations and tests', async () => {
    expect(await identityWriteLines('src/core/reconcile/anyModule.ts')).toEqual([1, 2, 3]);
    expect(await identityWriteLines('src/cli/commands/anyCommand.ts')).toEqual([1, 2, 3]);
    expect(await identityWriteLines('src/core/identities/anyWriter.ts')).toEqual([]);
    expect(await identityWriteLines('src/core/store/migrations/0999-any.ts')).toEqual([]);
    expect(await identityWriteLines('src/core/nightdesk/any.test.ts')).toEqual([]);
  }, 60_000);
});
