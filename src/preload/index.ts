import { contextBridge, ipcRenderer } from 'electron';
import { bridgeEventFunctionName, bridgeGlobalName } from '../shared/api/bridge';
import { deskEventNames, deskMethodNames, type DeskEventName } from '../shared/api/contract';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/api/wire';

// Only the contract's named functions cross the bridge; ipcRenderer itself never does.
const listeners = new Map<DeskEventName, Set<(payload: unknown) => void>>();
ipcRenderer.on(ipcEventChannel, (_event, frame: { event: DeskEventName; payload: unknown }) => {
  for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
});

const bridge: Record<string, unknown> = {};
for (const method of deskMethodNames) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke(ipcInvokeChannel(method), input);
}
for (const event of deskEventNames) {
  bridge[bridgeEventFunctionName(event)] = (listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
}
contextBridge.exposeInMainWorld(bridgeGlobalName, Object.freeze(bridge));
