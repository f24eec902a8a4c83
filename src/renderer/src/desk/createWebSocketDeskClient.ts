import { deskMethodNames, type DeskApi, type DeskClient, type DeskEventName } from '../../../shared/api/contract';
import { DeskError, type DeskResult } from '../../../shared/api/errors';
import { unwrapResult } from '../../../shared/api/unwrapResult';
import { maxCallFrameBytes, tokenHeader, tokenQueryParameter, uploadPath, type CallFrame, type EventFrame, type ResultFrame } from '../../../shared/api/wire';

export interface WebSocketDeskClient extends DeskClient {
  /** Resolves once connected; rejects if the server refused the connection. */
  ready: Promise<void>;
  close(): void;
}

const disconnected = () =>
  new DeskError('UNAVAILABLE', {
    fr: 'La connexion au service du guichet est perdue. Relancez Guichet.',
    en: 'The connection to the desk service was lost. Restart Guichet.',
  });

/** Browser-mode transport: JSON call frames over one WebSocket, events pushed on the same socket. */
export function createWebSocketDeskClient(url: string, WebSocketImpl: typeof WebSocket = WebSocket): WebSocketDeskClient {
  const socket = new WebSocketImpl(url);
  const pending = new Map<number, { resolve: (result: DeskResult<unknown>) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let closed = false;

  const ready = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(disconnected()), { once: true });
  });
  socket.addEventListener('close', () => {
    closed = true;
    for (const { reject } of pending.values()) reject(disconnected());
    pending.clear();
  });
  socket.addEventListener('message', (message: MessageEvent) => {
    const frame = JSON.parse(String(message.data)) as ResultFrame | EventFrame;
    if ('id' in frame) {
      pending.get(frame.id)?.resolve(frame.result);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  });

  /** An input too big for one frame (a FIDO metadata BLOB) is streamed over HTTP first; the frame names it. */
  const uploadInput = async (text: string): Promise<string> => {
    const address = new URL(url);
    const response = await fetch(`${address.protocol === 'wss:' ? 'https:' : 'http:'}//${address.host}${uploadPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [tokenHeader]: address.searchParams.get(tokenQueryParameter) ?? '' },
      body: text,
      credentials: 'omit',
    });
    const body = (await response.json().catch(() => ({}))) as { uploadId?: unknown };
    if (!response.ok || typeof body.uploadId !== 'string') {
      throw new DeskError(
        response.status === 413 ? 'INVALID_ARGUMENT' : 'UNAVAILABLE',
        response.status === 413
          ? { fr: 'Fichier trop volumineux pour le guichet.', en: 'File too large for the desk.' }
          : { fr: `Envoi du fichier refusé (HTTP ${response.status}).`, en: `Upload refused (HTTP ${response.status}).` },
      );
    }
    return body.uploadId;
  };

  const call = async (method: string, input: unknown): Promise<unknown> => {
    await ready;
    if (closed) throw disconnected();
    const id = nextId++;
    const inputText = JSON.stringify(input ?? {});
    // Frames over the server's limit would close the socket: bytes, not characters (UTF-8 up to 3 per character).
    const frame: CallFrame =
      inputText.length * 3 + 200 > maxCallFrameBytes && new Blob([inputText]).size + 200 > maxCallFrameBytes
        ? { id, method, input: null, inputUpload: await uploadInput(inputText) }
        : { id, method, input: input ?? {} };
    const result = await new Promise<DeskResult<unknown>>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify(frame));
    });
    return unwrapResult(result);
  };

  const api = Object.fromEntries(deskMethodNames.map((method) => [method, (input: unknown) => call(method, input)])) as unknown as DeskApi;
  return {
    api,
    ready,
    close: () => socket.close(),
    on(event: DeskEventName, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
