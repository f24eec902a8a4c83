import type { DeskResult } from './errors';

/** Browser-mode WebSocket frames (JSON). */
export interface CallFrame {
  id: number;
  method: string;
  input: unknown;
  /** Instead of `input`: the id of an input sent before by `POST uploadPath` (too big for a frame). */
  inputUpload?: string;
}

export interface ResultFrame {
  id: number;
  result: DeskResult<unknown>;
}

export interface EventFrame {
  event: string;
  payload: unknown;
}

export const apiPath = '/api';
export const tokenQueryParameter = 'token';
/** The largest WebSocket frame the server reads; a bigger call's input goes through `uploadPath`. */
export const maxCallFrameBytes = 1 << 20;
/**
 * `POST` of one call's JSON input, streamed, with the token in `tokenHeader`: answers
 * `{ uploadId }` for the next call frame. Sized for the contract's largest input (a 50 MB FIDO
 * metadata BLOB, once JSON-escaped).
 */
export const uploadPath = '/api/upload';
export const maxUploadBytes = 96 * 1024 * 1024;
export const tokenHeader = 'x-guichet-token';
/** `POST` of a one-time launch code (`?launch=` in the opened URL): answers `{ token }` once. */
export const launchPath = '/api/launch';
export const launchQueryParameter = 'launch';
/** Electron IPC channel names, derived from the contract in one place. */
export const ipcInvokeChannel = (method: string): string => `desk:${method}`;
export const ipcEventChannel = 'desk:event';
