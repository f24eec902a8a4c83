import { describe, expect, it } from 'vitest';
import { createDispatcher, type DeskHandlers, type DispatchGuard } from './dispatch';
import { DeskError } from './errors';

const context = { connectionId: 'test', transport: 'cli' } as const;
const openGuard: DispatchGuard = { authorize: () => null };

function handlers(overrides: Partial<DeskHandlers>): DeskHandlers {
  const fail = () => {
    throw new Error('not under test');
  };
  return { getDeskStatus: fail, searchPeople: fail, getPerson: fail, ...overrides } as DeskHandlers;
}

describe('createDispatcher', () => {
  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    const dispatch = createDispatcher(handlers({}), { guard: openGuard });
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
      { guard: openGuard },
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
      { guard: openGuard, reportUnexpected: (method, error) => reported.push(`${method}: ${(error as Error).message}`) },
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

  it('tells the agent in French that the store is being written when it stayed locked, without reporting a fault', async () => {
    const reported: string[] = [];
    const locked = (code: string) => Object.assign(new Error('database is locked'), { code });
    const dispatch = createDispatcher(
      handlers({
        getDeskStatus: () => {
          throw locked('SQLITE_BUSY');
        },
        getPerson: () => {
          throw locked('SQLITE_BUSY_SNAPSHOT');
        },
      }),
      { guard: openGuard, reportUnexpected: (method) => reported.push(method) },
    );
    for (const [method, input] of [['getDeskStatus', {}], ['getPerson', { identityId: 'x' }]] as const) {
      const result = await dispatch(method, input, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { method, reason: 'store-busy' } } });
      expect(result.ok === false && result.error.message.fr).toMatch(/^Le répertoire est en cours d’écriture .* rien n’a été enregistré\. Réessayez/);
    }
    expect(reported).toEqual([]);
  });

  it('checks the declared access before the handler runs and hands it the acting agent', async () => {
    const seen: unknown[] = [];
    const asked: unknown[] = [];
    const agent = { agentId: 'a1', agentName: 'Agent Un', desk: 'poste-1', role: 'badge-office' } as const;
    const guard: DispatchGuard = {
      authorize: ({ method, access, personalData }) => {
        asked.push({ method, access, personalData });
        if (access === 'mie.bind') throw new DeskError('FORBIDDEN');
        return access === 'public' ? null : agent;
      },
    };
    const dispatch = createDispatcher(
      handlers({
        bindCard: () => {
          throw new Error('must not run');
        },
        changeMieStatus: (_input, { actor }) => {
          seen.push(actor);
          return {} as never;
        },
        getDeskStatus: (_input, { actor }) => {
          seen.push(actor);
          return {} as never;
        },
      }),
      { guard },
    );
    expect(await dispatch('bindCard', { identityId: 'p', reader: 'r' }, context)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch('changeMieStatus', { mieId: 'm', action: 'declare-lost' }, context)).toMatchObject({ ok: true });
    expect(await dispatch('getDeskStatus', {}, context)).toMatchObject({ ok: true });
    expect(asked).toEqual([
      { method: 'bindCard', access: 'mie.bind', personalData: false },
      { method: 'changeMieStatus', access: 'mie.declare-lost', personalData: false },
      { method: 'getDeskStatus', access: 'public', personalData: false },
    ]);
    expect(seen).toEqual([agent, null]);
  });
});
