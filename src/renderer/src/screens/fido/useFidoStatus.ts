import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../../shared/api/errors';
import { describeError } from '../../desk/describeError';
import { classifyCeremonyError } from './classifyCeremonyError';

export type FidoStatus = { tone: 'info' | 'success' | 'error'; text: string } | null;

/** One large status line for the screen; `run` shows progress, then success or the refusal. */
export function useFidoStatus() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<FidoStatus>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(progress: string, action: () => Promise<T>, success: (value: T) => string): Promise<T | null> {
    setBusy(true);
    setStatus({ tone: 'info', text: progress });
    const started = Date.now();
    try {
      const value = await action();
      setStatus({ tone: 'success', text: success(value) });
      return value;
    } catch (error) {
      const message = describeError(error, i18n.language);
      // Errors from the browser's WebAuthn call (already registered, cancelled, timed out) are not desk refusals.
      if (error instanceof DeskError) setStatus({ tone: 'error', text: t('fido.error', { message }) });
      else {
        const failure = classifyCeremonyError(error, Date.now() - started);
        setStatus({ tone: 'error', text: failure === 'other' ? t('fido.cancelled', { message }) : t(`fido.ceremony.${failure}`) });
      }
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { status, setStatus, busy, run };
}
