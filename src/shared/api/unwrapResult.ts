import { DeskError, isDeskErrorData, type DeskResult } from './errors';

/** Client side: returns the value or throws the typed error carried by the result. */
export function unwrapResult<T>(result: DeskResult<T> | unknown): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const typed = result as DeskResult<T>;
    if (typed.ok) return typed.value;
    if (isDeskErrorData(typed.error)) {
      throw new DeskError(typed.error.code, typed.error.message, typed.error.details);
    }
  }
  throw new DeskError('INTERNAL', {
    fr: 'Réponse illisible du service du guichet.',
    en: 'Unreadable answer from the desk service.',
  });
}
