import type { PinVerification } from '../../../shared/api/cards.contract';
import type { CardInfo, CardReadError } from '../../../shared/cards/cardTypes';

/** What the PC/SC worker process tells the desk (over the child-process IPC channel). */
export type PcscWorkerEvent =
  | { type: 'status'; status: 'ready' | 'unavailable'; detail: string | null }
  /** The native binding cannot load here (not installed, not built, other ABI): final, no retry. */
  | { type: 'bindingMissing'; detail: string }
  | { type: 'reader'; name: string; state: 'attached' | 'detached' }
  | { type: 'reading'; reader: string; atr: string }
  | { type: 'card'; card: CardInfo }
  | { type: 'cardError'; error: CardReadError }
  | { type: 'removed'; reader: string };

export type PcscWorkerMessage =
  | PcscWorkerEvent
  | { type: 'pong'; id: number }
  | { type: 'pinResult'; id: number; result: PinVerification }
  | { type: 'pinError'; id: number; code: 'NO_CPS' | 'CARD_ERROR'; message: string };

export type PcscWorkerCommand = { type: 'ping'; id: number } | { type: 'verifyPin'; id: number; reader: string; pin: string };
