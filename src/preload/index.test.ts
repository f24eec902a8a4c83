import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deskEventNames, deskMethodNames } from '../shared/api/contract';
import { bridgeEventFunctionName } from '../shared/api/bridge';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/api/wire';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }));
let forwardEvent: ((event: unknown, frame: unknown) => void) | undefined;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (event: unknown, frame: unknown) => void) => {
      if (channel === ipcEventChannel) forwardEvent = listener;
    },
  },
}));

beforeEach(async () => {
  await import('./index');
});

describe('preload bridge', () => {
  it('exposes exactly the contract: one function per method and one onXxx per event', () => {
    const bridge = exposed.guichet as Record<string, unknown>;
    const expected = [...deskMethodNames, ...deskEventNames.map(bridgeEventFunctionName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(exposed)).toEqual(['guichet']);
  });

  it('forwards calls to the method channel and events to subscribers until they unsubscribe', async () => {
    const bridge = exposed.guichet as Record<string, (...args: unknown[]) => unknown>;
    await expect(bridge.searchPeople!({ query: 'x' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenCalledWith(ipcInvokeChannel('searchPeople'), { query: 'x' });
    const seen: unknown[] = [];
    const unsubscribe = bridge.onDirectoryChanged!((payload: unknown) => seen.push(payload)) as () => void;
    forwardEvent!({}, { event: 'directoryChanged', payload: { reason: 'import' } });
    unsubscribe();
    forwardEvent!({}, { event: 'directoryChanged', payload: { reason: 'again' } });
    expect(seen).toEqual([{ reason: 'import' }]);
    expect(() => bridge.onDirectoryChanged!('not a function')).toThrow(TypeError);
  });
});
