import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskSessionView } from '../../../../shared/api/enrollment.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { useCardReaders } from './useCardReaders';
import { formatIdleDuration } from './formatIdleDuration';

/** Agent login: their own CPS in a reader and the PIN, checked by the card. */
export function LoginPanel({ session, onOpened }: { session: DeskSessionView; onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useDesk();
  const readers = useCardReaders();
  const [reader, setReader] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readerId = useId();
  const pinId = useId();

  const withCps = readers?.readers.find((candidate) => candidate.card?.cps !== null && candidate.card?.cps !== undefined);
  useEffect(() => {
    if (reader === '' && readers !== null && readers.readers.length > 0) setReader((withCps ?? readers.readers[0]!).name);
  }, [reader, readers, withCps]);
  const chosen = readers?.readers.find((candidate) => candidate.name === reader);
  const cps = chosen?.card?.cps ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api.openDeskSession({ reader, pin }).then(
      () => {
        setPin('');
        onOpened();
      },
      (reason: unknown) => {
        setPin('');
        setError(describeError(reason, i18n.language));
      },
    ).finally(() => setBusy(false));
  };

  return (
    <section className="enrollment-login" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('enrollment.login.title')}</h2>
      {session.state === 'locked' && session.lockReason !== null && (
        <p className="status-banner status-warning" role="status">
          {t(`enrollment.locked.${session.lockReason}`, { duration: formatIdleDuration(session.idleLockSeconds) })}
        </p>
      )}
      <p>{t('enrollment.login.intro')}</p>
      <form onSubmit={submit} className="login-form">
        <label htmlFor={readerId}>{t('enrollment.login.reader')}</label>
        <select id={readerId} value={reader} onChange={(event) => setReader(event.target.value)}>
          {readers?.readers.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </select>
        <p className="card-line" role="status" aria-live="polite" data-testid="login-card">
          {readers !== null && readers.readers.length === 0
            ? t('enrollment.login.noReader')
            : cps !== null
              ? t('enrollment.login.cardOf', { name: `${cps.firstName} ${cps.lastName}` })
              : t('enrollment.login.noCard')}
        </p>
        <label htmlFor={pinId}>{t('enrollment.login.pin')}</label>
        <input
          id={pinId}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]{4,8}"
          maxLength={8}
          required
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" disabled={busy || cps === null || pin.length < 4}>
          {busy ? t('enrollment.login.checking') : t('enrollment.login.submit')}
        </button>
      </form>
      {error !== null && (
        <p className="status-banner status-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * On a screen that reads without a session but acts with one: the login panel, folded under what
 * logging in allows, while this window has no open session (nothing otherwise).
 */
export function LoginToAct({ session, onOpened, summary }: { session: DeskSessionView | null; onOpened: () => void; summary: string }) {
  if (session === null || session.state === 'open') return null;
  return (
    <details className="login-to-act" open>
      <summary>{summary}</summary>
      <LoginPanel session={session} onOpened={onOpened} />
    </details>
  );
}
