import { describe, expect, it } from 'vitest';
import { formatImportRun } from './formatImportRun';

const run = { runId: 1, status: 'held' as const, startedAt: '2026-11-29T08:00:00Z', finishedAt: '2026-11-29T08:01:00Z', error: 'too many removals', read: 1, imported: 1, rejected: 0, added: 0, updated: 0, removed: 0 };

describe('formatImportRun', () => {
  it('names the status and the end date in the agent language', () => {
    expect(formatImportRun(run, 'fr')).toEqual({ statusKey: 'sources.run.held', date: expect.stringMatching(/^29\/11\/2026 \d{2}:01$/) });
    expect(formatImportRun(run, 'en').date).toMatch(/^29 Nov 2026, \d{2}:01$/);
    expect(formatImportRun({ ...run, status: 'running', finishedAt: null }, 'en').statusKey).toBe('sources.run.running');
  });
});
