import { describe, expect, it } from 'vitest';
import { createDispatcher, type DeskHandlers } from './dispatch';
import { DeskError } from './errors';

const context = { connectionId: 'test', transport: 'cli' } as const;

function handlers(overrides: Partial<DeskHandlers>): DeskHandlers {
  const fail = () => {
    throw new Error('not under test');
  };
  return { getDeskStatus: fail, searchPeople: fail, getPerson: fail, ...overrides } as DeskHandlers;
}

describe('createDispatcher', () => {
  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    const dispatch = createDispatcher(handlers({}));
    const result = await dispatch('dropDatabase', {}, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const inherited = await dispatch('toString', {}, context);
    expect(inherited).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('validates input before calling the handler and applies defaults', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        searchPeople: (input) => {
          seen.push(input);
          return [];
        },
      }),
    );
    const bad = await dispatch('searchPeople', { query: 42 }, context);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { method: 'searchPeople' } } });
    const extra = await dispatch('searchPeople', { query: 'x', sql: 'DROP' }, context);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(seen).toEqual([]);
    const good = await dispatch('searchPeople', { query: ' dupont ' }, context);
    expect(good).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ query: 'dupont', limit: 50 }]);
  });

  it('passes typed errors through and hides unexpected ones', async () => {
    const reported: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        getPerson: () => {
          throw new DeskError('NOT_FOUND', { fr: 'Personne introuvable.', en: 'Person not found.' });
        },
        getDeskStatus: () => {
          throw new Error('disk on fire');
        },
      }),
      (method, error) => reported.push(`${method}: ${(error as Error).message}`),
    );
    expect(await dispatch('getPerson', { identityId: 'x' }, context)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: { fr: 'Personne introuvable.', en: 'Person not found.' } },
    });
    const hidden = await dispatch('getDeskStatus', {}, context);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('disk on fire');
    expect(reported).toEqual(['getDeskStatus: disk on fire']);
  });
});
