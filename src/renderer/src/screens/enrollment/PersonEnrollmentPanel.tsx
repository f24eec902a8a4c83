import { useCallback, useEffect, useRef, useState } from 'react';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { labelService } from '../../../../shared/directory/serviceLabels';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { CardLookup, DeskSessionView, MieView, PersonEnrollment, ReceiptFile } from '../../../../shared/api/enrollment.contract';
import { DeskError } from '../../../../shared/api/errors';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { formatPersonName } from '../../viewModels/formatPerson';
import { listMieActions, type MieActionId } from '../../viewModels/listMieActions';
import { ReceiptViewer } from './ReceiptViewer';
import { ConfirmReasonDialog } from './ConfirmReasonDialog';
import type { SecondAgentInput } from '../../../../shared/api/secondAgent';

/** Acts confirmed in a dialog with a reason (and, to resume a leaver's means, a second agent). */
type ConfirmedAction = 'declare-lost' | 'declare-stolen' | 'revoke' | 'resume' | 'suspend' | 'return' | 'expire';

/** The core asks for a second agent (four eyes): a desk agent's means, or a leaver's reactivation. */
const needsSecondAgentError = (error: unknown): boolean => error instanceof DeskError && error.details?.rule === 'second-agent-required';

/**
 * Why "Lier" is off: the card is already bound (to this person after a bind, or to someone else),
 * or the person cannot receive means (left, or under a leaver review). The core refuses these too.
 */
function whyBindIsBlocked(enrollment: PersonEnrollment, lookup: CardLookup | null, identityId: string): 'left' | 'leaver-review' | 'bound-here' | 'bound-elsewhere' | null {
  if (enrollment.ineligibleReason !== null) return enrollment.ineligibleReason;
  if (lookup?.binding != null) return lookup.binding.identityId === identityId ? 'bound-here' : 'bound-elsewhere';
  return null;
}

interface PersonEnrollmentPanelProps {
  identityId: string;
  session: DeskSessionView;
  /** The card currently presented, when there is one. */
  lookup: CardLookup | null;
  reader: string;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The chosen person: eligibility, bind the presented card, their MIE with lifecycle acts, history. */
export function PersonEnrollmentPanel({ identityId, session, lookup, reader }: PersonEnrollmentPanelProps) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const client = useDesk();
  const { api } = client;
  const [enrollment, setEnrollment] = useState<PersonEnrollment | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [additional, setAdditional] = useState(false);
  const [pairing, setPairing] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [validUntil, setValidUntil] = useState('');
  const [confirming, setConfirming] = useState<{ mie: MieView; action: ConfirmedAction; onAgent: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    api.getPersonEnrollment({ identityId }).then(setEnrollment, (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }));
  }, [api, identityId, i18n.language]);

  useEffect(() => {
    setEnrollment(null);
    setNotice(null);
    setPairing(null);
    setReceipt(null);
    setValidUntil('');
    setConfirming(null);
    load();
    return client.on('mieChanged', (event) => event.identityId === identityId && load());
  }, [client, identityId, load]);
  useEffect(() => heading.current?.focus(), [identityId, enrollment === null]);
  useEffect(() => confirmButton.current?.focus(), [pairing]);

  const run = (work: () => Promise<string>) => {
    setBusy(true);
    work().then(
      (text) => setNotice({ kind: 'ok', text }),
      (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }),
    ).finally(() => {
      setBusy(false);
      load();
    });
  };

  if (enrollment === null) return notice === null ? null : <p className="status-banner status-error" role="alert">{notice.text}</p>;
  const name = formatPersonName(enrollment.person);
  const canBind = session.allowedActs.includes('mie.bind');
  const bindBlock = whyBindIsBlocked(enrollment, lookup, identityId);
  const today = new Date().toISOString().slice(0, 10);
  // The means ends with the contract when HR knows its end; the agent may shorten it.
  const defaultValidUntil = enrollment.hrEndDate !== null && enrollment.hrEndDate >= today ? enrollment.hrEndDate : '';
  const chosenValidUntil = validUntil === '' ? defaultValidUntil : validUntil;

  const bind = (confirmPairing: boolean) =>
    run(async () => {
      try {
        await api.bindCard({ identityId, reader, additional, confirmPairing, ...(chosenValidUntil === '' ? {} : { validUntil: chosenValidUntil }) });
        setPairing(null);
        return t('enrollment.bind.done', { name });
      } catch (error) {
        if (error instanceof DeskError && error.details?.rule === 'pairing-needs-confirmation') {
          setPairing(String(error.details.cardRpps));
          return t('enrollment.bind.confirmPairing', { rpps: String(error.details.cardRpps), name });
        }
        throw error;
      }
    });

  const leaver = enrollment.ineligibleReason !== null;
  const act = (mie: MieView, action: MieActionId) => {
    if (action === 'declare-lost' || action === 'declare-stolen' || action === 'revoke' || (action === 'resume' && leaver)) {
      setConfirming({ mie, action, onAgent: false });
      return;
    }
    if (action === 'receipt') {
      run(async () => {
        setReceipt(await api.getReceipt({ mieId: mie.id }));
        return t('enrollment.receipt.title');
      });
      return;
    }
    run(async () => {
      try {
        const changed = action === 'replace' ? await api.replaceMie({ mieId: mie.id, reader }) : await api.changeMieStatus({ mieId: mie.id, action });
        return t('enrollment.action.done', { identifier: changed.identifier, status: t(`enrollment.mieStatus.${changed.status}`) });
      } catch (error) {
        // A desk agent's means: ask for the reason and the second agent, then try again.
        if (needsSecondAgentError(error) && (action === 'suspend' || action === 'return' || action === 'expire')) {
          setConfirming({ mie, action, onAgent: true });
          return t('enrollment.confirm.onAgent.needed');
        }
        throw error;
      }
    });
  };

  const confirm = (reason: string, secondAgent: SecondAgentInput | undefined) => {
    if (confirming === null) return;
    const { mie, action, onAgent } = confirming;
    setConfirming(null);
    run(async () => {
      try {
        const changed = await api.changeMieStatus({ mieId: mie.id, action, reason, ...(secondAgent === undefined ? {} : { secondAgent }) });
        return t('enrollment.action.done', { identifier: changed.identifier, status: t(`enrollment.mieStatus.${changed.status}`) });
      } catch (error) {
        if (needsSecondAgentError(error) && !onAgent && secondAgent === undefined) {
          setConfirming({ mie, action, onAgent: true });
          return t('enrollment.confirm.onAgent.needed');
        }
        throw error;
      }
    });
  };

  return (
    <section className="person-enrollment" aria-labelledby="enrollment-person-heading" data-testid="person-enrollment">
      {confirming !== null && (
        <ConfirmReasonDialog
          title={
            confirming.onAgent
              ? t('enrollment.confirm.onAgent.title', { action: t(`enrollment.action.${confirming.action}`), identifier: confirming.mie.identifier })
              : t(`enrollment.confirm.${confirming.action}.title`, { identifier: confirming.mie.identifier })
          }
          consequence={
            confirming.onAgent
              ? t('enrollment.confirm.onAgent.consequence', { identifier: confirming.mie.identifier, name })
              : t(`enrollment.confirm.${confirming.action}.consequence`, { identifier: confirming.mie.identifier, name })
          }
          confirmLabel={t(`enrollment.action.${confirming.action}`)}
          needsSecondAgent={confirming.action === 'resume' || confirming.onAgent}
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        />
      )}
      <h2 id="enrollment-person-heading" tabIndex={-1} ref={heading}>
        {name}
      </h2>
      <dl className="facts">
        <dt>{t('person.birthDate')}</dt>
        <dd>{dates.day(enrollment.person.birthDate)}</dd>
        <dt>{t('person.hrId')}</dt>
        <dd>{enrollment.person.hrId ?? '—'}</dd>
        <dt>{t('person.rpps')}</dt>
        <dd>{enrollment.person.rpps ?? '—'}</dd>
        <dt>{t('person.profession')}</dt>
        <dd>{labelProfession(enrollment.person.profession, i18n.language === 'en' ? 'en' : 'fr')}</dd>
        <dt>{t('person.service')}</dt>
        <dd>{labelService(enrollment.person.service, i18n.language === 'en' ? 'en' : 'fr')}</dd>
        <dt>{t('enrollment.person.hrEndDate')}</dt>
        <dd>{dates.day(enrollment.hrEndDate)}</dd>
      </dl>
      <p className={`status-banner ${enrollment.ineligibleReason === null ? 'status-ok' : 'status-error'}`} data-testid="eligibility">
        {enrollment.ineligibleReason === null && t('enrollment.person.eligible')}
        {enrollment.ineligibleReason === 'left' && t('enrollment.person.leftOn', { date: dates.day(enrollment.hrEndDate) })}
        {enrollment.ineligibleReason === 'leaver-review' &&
          t('enrollment.person.leaverReview', { date: dates.day(enrollment.leaverReview?.hrEndDate ?? null), due: dates.day(enrollment.leaverReview?.dueOn ?? null) })}
      </p>
      {`${enrollment.person.lastName}${enrollment.person.firstName}`.trim() === '' && (
        <p className="status-banner status-warning" data-testid="nameless">
          {t('enrollment.person.nameless')}
        </p>
      )}
      {enrollment.leaverReview !== null && <p className="hint" data-testid="leaver-review-hint">{t('enrollment.person.leaverReviewHint', { due: dates.day(enrollment.leaverReview.dueOn) })}</p>}

      <div role="status" aria-live="polite" data-testid="enrollment-notice">
        {notice !== null && <p className={`status-banner ${notice.kind === 'ok' ? 'status-ok' : 'status-error'}`}>{notice.text}</p>}
      </div>

      {canBind && (
        <section aria-labelledby="bind-heading" className="bind">
          <h3 id="bind-heading">{t('enrollment.bind.title')}</h3>
          {lookup === null ? (
            <p>{t('enrollment.bind.noCard')}</p>
          ) : (
            <>
              {lookup.card.kind === 'badge' && (
                <label className="checkbox">
                  <input type="checkbox" checked={additional} onChange={(event) => setAdditional(event.target.checked)} /> {t('enrollment.bind.additional')}
                </label>
              )}
              <label className="valid-until">
                {t('enrollment.bind.validUntil')}{' '}
                <input type="date" min={today} value={chosenValidUntil} onChange={(event) => setValidUntil(event.target.value)} />
              </label>
              {defaultValidUntil !== '' && validUntil === '' && <span className="hint"> {t('enrollment.bind.validUntilContract')}</span>}
              <p>
                <button type="button" className="primary" disabled={busy || bindBlock !== null} aria-describedby={bindBlock === null ? undefined : 'bind-blocked'} onClick={() => bind(false)}>
                  {t('enrollment.bind.submit', { name })}
                </button>
              </p>
              {bindBlock !== null && (
                <p id="bind-blocked" className="hint" data-testid="bind-blocked">
                  {t(`enrollment.bind.blocked.${bindBlock}`, { holder: lookup.binding?.holderName ?? '' })}
                </p>
              )}
              {pairing !== null && (
                <div className="confirm" role="group" aria-label={t('enrollment.bind.confirm')}>
                  <button type="button" className="primary" ref={confirmButton} disabled={busy} onClick={() => bind(true)}>
                    {t('enrollment.bind.confirm')}
                  </button>{' '}
                  <button type="button" onClick={() => setPairing(null)}>
                    {t('enrollment.bind.cancel')}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      )}

      <h3>{t('enrollment.mies.title')}</h3>
      {enrollment.mies.length === 0 ? (
        <p>{t('enrollment.mies.none')}</p>
      ) : (
        <table className="results" data-testid="mies">
          <thead>
            <tr>
              <th scope="col">{t('enrollment.mies.kind')}</th>
              <th scope="col">{t('enrollment.mies.identifier')}</th>
              <th scope="col">{t('enrollment.mies.status')}</th>
              <th scope="col">{t('enrollment.mies.validity')}</th>
              <th scope="col">{t('enrollment.mies.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {enrollment.mies.map((mie) => (
              <tr key={mie.id} data-mie={mie.identifier}>
                <td>
                  {t(`enrollment.kind.${mie.kind}`)}
                  {mie.additional && ` (${t('enrollment.mies.additional')})`}
                </td>
                {/* A FIDO key is known by its label (the credential id is unreadable); the id stays as a hint. */}
                <td className={mie.kind === 'fido' && mie.label !== null ? undefined : 'mono'} title={mie.kind === 'fido' ? mie.identifier : undefined}>
                  {mie.kind === 'fido' && mie.label !== null ? mie.label : mie.identifier}
                </td>
                <td>
                  <span className={`pill pill-mie-${mie.status}`}>{t(`enrollment.mieStatus.${mie.status}`)}</span>
                </td>
                <td>
                  {dates.day(mie.validFrom)} → {mie.validUntil === null ? '—' : dates.day(mie.validUntil)}
                </td>
                <td className="actions">
                  {listMieActions(mie, session.allowedActs, session.agent?.identityId ?? null).map((action) => (
                    <button
                      key={action}
                      type="button"
                      disabled={busy || (action === 'replace' && lookup === null)}
                      aria-label={t('enrollment.action.on', { action: t(`enrollment.action.${action}`), identifier: mie.identifier })}
                      onClick={() => act(mie, action)}
                    >
                      {t(`enrollment.action.${action}`)}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {receipt !== null && <ReceiptViewer receipt={receipt} onClose={() => setReceipt(null)} />}

      <h3>{t('enrollment.history.title')}</h3>
      {enrollment.history.length === 0 ? (
        <p>{t('enrollment.history.none')}</p>
      ) : (
        <table className="results" data-testid="history">
          <thead>
            <tr>
              <th scope="col">{t('enrollment.history.at')}</th>
              <th scope="col">{t('enrollment.history.act')}</th>
              <th scope="col">{t('enrollment.history.mie')}</th>
              <th scope="col">{t('enrollment.history.change')}</th>
              <th scope="col">{t('enrollment.history.agent')}</th>
              <th scope="col">{t('enrollment.history.desk')}</th>
            </tr>
          </thead>
          <tbody>
            {enrollment.history.map((entry) => (
              <tr key={entry.id}>
                <td>{dates.dateTime(entry.at)}</td>
                <td>{entry.action}</td>
                <td className="mono">{entry.mieIdentifier}</td>
                <td>
                  {entry.fromStatus === null ? '' : `${t(`enrollment.mieStatus.${entry.fromStatus}`)} → `}
                  {t(`enrollment.mieStatus.${entry.toStatus}`)}
                </td>
                <td>{entry.agentName}</td>
                <td>{entry.desk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
