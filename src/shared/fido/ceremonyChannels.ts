/** IPC between the Electron main process and the RP-origin ceremony window's preload. */
export const fidoCeremonyRequestChannel = 'guichet-fido:ceremony';
export const fidoCeremonyResultChannel = 'guichet-fido:result';

export type FidoCeremonyResult = { id: string; ok: true; response: unknown } | { id: string; ok: false; message: string };
