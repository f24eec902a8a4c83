import type { EventEmitter } from 'node:events';

/**
 * The part of `@pokusew/pcsclite` the worker uses, declared here because the package is an
 * optional dependency: on a machine without libpcsclite-dev `npm ci` skips it, and the sources
 * must still typecheck and load.
 */
export interface PcscReader extends EventEmitter {
  name: string;
  state: number;
  connected: boolean;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_STATE_EMPTY: number;
  SCARD_STATE_PRESENT: number;
  SCARD_LEAVE_CARD: number;
  on(type: 'status', listener: (this: PcscReader, status: { atr?: Buffer; state: number }) => void): this;
  on(type: 'error', listener: (this: PcscReader, error: unknown) => void): this;
  on(type: 'end', listener: (this: PcscReader) => void): this;
  connect(options: { share_mode?: number; protocol?: number }, callback: (error: unknown, protocol: number) => void): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: (error: unknown, response: Buffer) => void): void;
}

export interface PcscBinding extends EventEmitter {
  on(type: 'reader', listener: (reader: PcscReader) => void): this;
  on(type: 'error', listener: (error: unknown) => void): this;
  close(): void;
}

export type CreatePcscBinding = () => PcscBinding;
