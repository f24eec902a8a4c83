import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondAgentInput } from '../../../../shared/api/secondAgent';
import { enrollmentDeskStore } from './enrollmentDeskStore';
import { SecondAgentFields } from './SecondAgentFields';

interface ConfirmReasonDialogProps {
  title: string;
  /** What will happen, in words (e.g. "Le badge 04AA… sera révoqué : il ne pourra plus servir."). */
  consequence: string;
  confirmLabel: string;
  /** Four eyes: a second agent confirms with their CPS and PIN. */
  needsSecondAgent?: boolean;
  onConfirm: (reason: string, secondAgent: SecondAgentInput | undefined) => void;
  onCancel: () => void;
}

/**
 * A modal confirmation for an act that cannot be undone: the reason is typed (no default), the
 * confirm button stays disabled until it is 3 characters long. Escape cancels.
 */
export function ConfirmReasonDialog({ title, consequence, confirmLabel, needsSecondAgent = false, onConfirm, onCancel }: ConfirmReasonDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [secondAgent, setSecondAgent] = useState<SecondAgentInput>({ reader: '', pin: '' });
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  useEffect(() => (needsSecondAgent ? enrollmentDeskStore.pauseFollowing() : undefined), [needsSecondAgent]);
  const ready = reason.trim().length >= 3 && (!needsSecondAgent || /^\d{4,8}$/.test(secondAgent.pin));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onConfirm(reason.trim(), needsSecondAgent ? secondAgent : undefined);
  };
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} onCancel={(event) => (event.preventDefault(), onCancel())} data-testid="confirm-dialog">
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <p>{consequence}</p>
        <label htmlFor={reasonId}>{t('enrollment.confirm.reason')}</label>
        <textarea id={reasonId} required minLength={3} maxLength={500} rows={2} autoFocus value={reason} onChange={(event) => setReason(event.target.value)} />
        {needsSecondAgent && <SecondAgentFields value={secondAgent} onChange={setSecondAgent} />}
        <p className="dialog-buttons">
          <button type="submit" className="primary" disabled={!ready}>
            {confirmLabel}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('enrollment.confirm.cancel')}
          </button>
        </p>
      </form>
    </dialog>
  );
}
