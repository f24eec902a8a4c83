import type { DeskResult } from './errors';

/** Browser-mode WebSocket frames (JSON). */
export interface CallFrame {
  id: number;
  method: string;
  input: unknown;
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
/** Electron IPC channel names, derived from the contract in one place. */
export const ipcInvokeChannel = (method: string): string => `desk:${method}`;
export const ipcEventChannel = 'desk:event';
