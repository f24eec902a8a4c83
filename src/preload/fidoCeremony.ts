import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { ipcRenderer } from 'electron';
import { fidoCeremonyRequestChannel, fidoCeremonyResultChannel, type FidoCeremonyResult } from '../shared/fido/ceremonyChannels';

/**
 * Preload of the RP-origin window: it runs in an isolated world of a page served by the RP's own
 * https origin, so `navigator.credentials` writes that origin into clientDataJSON. It exposes
 * nothing to the page; it only answers the main process.
 */
ipcRenderer.on(fidoCeremonyRequestChannel, (_event, request: { id: string; kind: 'register' | 'authenticate'; options: never }) => {
  const ceremony = request.kind === 'register' ? startRegistration({ optionsJSON: request.options }) : startAuthentication({ optionsJSON: request.options });
  ceremony.then(
    (response) => ipcRenderer.send(fidoCeremonyResultChannel, { id: request.id, ok: true, response } satisfies FidoCeremonyResult),
    (error: unknown) => ipcRenderer.send(fidoCeremonyResultChannel, { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies FidoCeremonyResult),
  );
});
