import { useState, type FormEvent } from 'react';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { NightDeskOverview, TemporaryIssuanceView } from '../../../../shared/api/nightdesk.contract';
import { useDesk } from '../../desk/DeskContext';
import { formatPersonName } from '../../viewModels/formatPerson';
import { NightDeskSettingsForm } from './NightDeskSettingsForm';
import { PersonPicker } from '../PersonPicker';
import { SecondAgentFields } from '../enrollment/SecondAgentFields';
import type { SecondAgentInput } from '../../../../shared/api/secondAgent';

interface QueuesProps {
  overview: NightDeskOverview;
  /** Badge office: regularizations, leaver reviews and holds. */
  canSettle: boolean;
  registering: boolean;
  onToggleRegistering: () => void;
  onChanged: () => void;
  onError: (reason: unknown) => void;
}

/** Pool, cards out, overdue cards, and the badge office's queues (read-only for the night desk). */
export function NightQueuesPanel({ overview, canSettle, registering, onToggleRegistering, onChanged, onError }: QueuesProps) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const act = (call: Promise<unknown>) => void call.then(onChanged, onError);

  const issuanceRows = (rows: TemporaryIssuanceView[], testId: string, returnLabel: string) => (
    <table className="results" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('nightdesk.col.holder')}</th>
          <th scope="col">{t('nightdesk.col.card')}</th>
          <th scope="col">{t('nightdesk.col.until')}</th>
          <th scope="col">{t('nightdesk.col.reason')}</th>
          <th scope="col">{t('nightdesk.col.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.holderName}</td>
            <td>{row.cardLabel}</td>
            <td>{dates.dateTime(row.endsAt)}</td>
            <td>{t(`nightdesk.reason.${row.reason}`)}</td>
            <td>
              <button type="button" onClick={() => act(api.returnTemporaryCard({ cardIdentifier: row.cardIdentifier }))}>
                {returnLabel}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="nightdesk-queues">
      <section aria-labelledby="nightdesk-out">
        <h3 id="nightdesk-out">{t('nightdesk.out.title', { count: overview.open.length })}</h3>
        {overview.open.length > 0 && issuanceRows(overview.open, 'nightdesk-open', t('nightdesk.out.return'))}
      </section>

      <section aria-labelledby="nightdesk-overdue">
        <h3 id="nightdesk-overdue">{t('nightdesk.overdue.title', { count: overview.overdue.length })}</h3>
        {overview.overdue.length > 0 && issuanceRows(overview.overdue, 'nightdesk-overdue', t('nightdesk.overdue.back'))}
      </section>

      <section aria-labelledby="nightdesk-pool">
        <h3 id="nightdesk-pool">{t('nightdesk.pool.title')}</h3>
        <p>
          <button type="button" aria-pressed={registering} onClick={onToggleRegistering}>
            {registering ? t('nightdesk.pool.stopRegistering') : t('nightdesk.pool.register')}
          </button>
        </p>
        {registering && (
          <p className="status-banner status-info" role="status">
            {t('nightdesk.pool.registering')}
          </p>
        )}
        <table className="results" data-testid="nightdesk-pool">
          <thead>
            <tr>
              <th scope="col">{t('nightdesk.col.card')}</th>
              <th scope="col">{t('nightdesk.col.identifier')}</th>
              <th scope="col">{t('nightdesk.col.state')}</th>
              <th scope="col">{t('nightdesk.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.pool.map((card) => (
              <tr key={card.identifier}>
                <td>{card.label}</td>
                <td className="mono">{card.identifier}</td>
                <td>
                  <span className={`pill pool-${card.state}`}>{t(`nightdesk.pool.state.${card.state}`)}</span> {card.holderName ?? ''}
                </td>
                <td>
                  {card.state !== 'lost' && (
                    <ReasonAction label={t('nightdesk.pool.lost')} onSubmit={(reason) => act(api.declarePoolCardLost({ identifier: card.identifier, reason }))} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {canSettle && (
        // Settings stay out of the night's work: behind their own button.
        <details className="nightdesk-settings" data-testid="nightdesk-settings">
          <summary>{t('nightdesk.settings.title')}</summary>
          <NightDeskSettingsForm settings={overview.settings} onSaved={onChanged} onError={onError} />
        </details>
      )}

      <section aria-labelledby="nightdesk-departure">
        <h3 id="nightdesk-departure">{t('nightdesk.departure.title')}</h3>
        <DepartureForm onSubmit={(identityId, reason, secondAgent) => act(api.recordImmediateDeparture({ identityId, reason, ...(secondAgent === undefined ? {} : { secondAgent }) }))} />
      </section>

      <section aria-labelledby="nightdesk-regularizations">
            <h3 id="nightdesk-regularizations">{t('nightdesk.regularization.title', { count: overview.regularizations.length })}</h3>
            <ul className="nightdesk-tasks" data-testid="nightdesk-regularizations">
              {overview.regularizations.map((task) => (
                <li key={task.id}>
                  <strong>{task.personName}</strong> {task.rpps !== null && `RPPS ${task.rpps}`} {task.profession === null ? '' : labelProfession(task.profession, i18n.language === 'en' ? 'en' : 'fr')} {dates.day(task.birthDate)} —{' '}
                  {t('nightdesk.regularization.issued', { card: task.issuance.cardLabel, agent: task.issuance.issuedByName, at: dates.dateTime(task.issuance.issuedAt) })}
                  {canSettle && (
                    <>
                      <LinkToHr onPick={(hrIdentityId) => act(api.confirmRegularization({ taskId: task.id, hrIdentityId }))} />
                      <ReasonAction label={t('nightdesk.regularization.revoke')} onSubmit={(reason) => act(api.revokeRegularization({ taskId: task.id, reason }))} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="nightdesk-leavers">
            <h3 id="nightdesk-leavers">{t('nightdesk.leavers.title', { count: overview.leaverReviews.length })}</h3>
            <ul className="nightdesk-tasks" data-testid="nightdesk-leaver-reviews">
              {overview.leaverReviews.map((review) => (
                <li key={review.id}>
                  <strong>{review.personName}</strong> — {t('nightdesk.leavers.line', { end: dates.day(review.hrEndDate), count: review.suspendedMieIds.length, due: dates.day(review.dueOn) })}{' '}
                  {canSettle && (
                    <>
                      <ReasonAction label={t('nightdesk.leavers.revoke')} onSubmit={(reason) => act(api.resolveLeaverReview({ reviewId: review.id, decision: 'revoke', reason }))} />
                      <RestoreForm
                        onSubmit={(reason, newEndDate, secondAgent) => act(api.resolveLeaverReview({ reviewId: review.id, decision: 'restore', reason, newEndDate, secondAgent }))}
                      />
                    </>
                  )}
                </li>
              ))}
            </ul>
            {overview.leaverHolds.map((hold) => (
              <div key={hold.id} className="status-banner status-warning" role="alert" data-testid="nightdesk-hold">
                <p>{t('nightdesk.hold.line', { count: hold.affected, population: hold.population, share: Math.round(hold.maxShare * 100) })}</p>
                <p className="hint">{hold.names.slice(0, 12).join(', ')}{hold.names.length > 12 ? '…' : ''}</p>
                {canSettle && (
                  <p>
                    <button type="button" onClick={() => act(api.resolveLeaverHold({ holdId: hold.id, decision: 'apply' }))}>
                      {t('nightdesk.hold.apply')}
                    </button>{' '}
                    <button type="button" onClick={() => act(api.resolveLeaverHold({ holdId: hold.id, decision: 'dismiss' }))}>
                      {t('nightdesk.hold.dismiss')}
                    </button>
                  </p>
                )}
              </div>
            ))}
      </section>
    </div>
  );
}

/** A button that asks for a reason before acting. */
function ReasonAction({ label, onSubmit }: { label: string; onSubmit: (reason: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
    setOpen(false);
  };
  return (
    <form className="nightdesk-inline" onSubmit={submit}>
      <label>
        {t('nightdesk.reason.label')}
        <input autoFocus required minLength={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit">{label}</button>
    </form>
  );
}

function LinkToHr({ onPick }: { onPick: (identityId: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('nightdesk.regularization.link')}
      </button>
    );
  }
  return <PersonPicker label={t('nightdesk.regularization.find')} onPick={(person) => onPick(person.identityId)} />;
}

/** An exception to a departure: reason, optional corrected end date, and a second agent (four eyes). */
function RestoreForm({ onSubmit }: { onSubmit: (reason: string, newEndDate: string | null, secondAgent: SecondAgentInput) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [end, setEnd] = useState('');
  const [secondAgent, setSecondAgent] = useState<SecondAgentInput>({ reader: '', pin: '' });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('nightdesk.leavers.restore')}
      </button>
    );
  }
  return (
    <form
      className="nightdesk-inline"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason, end === '' ? null : end, secondAgent);
      }}
    >
      <label>
        {t('nightdesk.reason.label')}
        <input autoFocus required minLength={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        {t('nightdesk.leavers.newEnd')}
        <input type="date" value={end} onChange={(event) => setEnd(event.target.value)} />
      </label>
      <SecondAgentFields value={secondAgent} onChange={setSecondAgent} />
      <button type="submit">{t('nightdesk.leavers.restore')}</button>
    </form>
  );
}

/** A desk agent's departure is confirmed by a second agent in person (four eyes, checked by the core). */
function DepartureForm({ onSubmit }: { onSubmit: (identityId: string, reason: string, secondAgent: SecondAgentInput | undefined) => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const [ofAgent, setOfAgent] = useState(false);
  const [secondAgent, setSecondAgent] = useState<SecondAgentInput>({ reader: '', pin: '' });
  if (person === null) return <PersonPicker label={t('nightdesk.departure.find')} onPick={(picked) => setPerson({ id: picked.identityId, name: formatPersonName(picked) })} />;
  return (
    <form
      className="nightdesk-inline"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(person.id, reason, ofAgent ? secondAgent : undefined);
        setPerson(null);
        setReason('');
        setOfAgent(false);
        setSecondAgent({ reader: '', pin: '' });
      }}
    >
      <strong>{person.name}</strong>
      <label>
        {t('nightdesk.reason.label')}
        <input autoFocus required minLength={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={ofAgent} onChange={(event) => setOfAgent(event.target.checked)} /> {t('nightdesk.departure.ofAgent')}
      </label>
      {ofAgent && <SecondAgentFields value={secondAgent} onChange={setSecondAgent} />}
      <button type="submit">{t('nightdesk.departure.submit')}</button>{' '}
      <button type="button" onClick={() => setPerson(null)}>
        {t('nightdesk.change')}
      </button>
    </form>
  );
}
