import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { labelService } from '../../../../shared/directory/serviceLabels';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { ReviewPerson, ReviewQueue } from '../../../../shared/api/reconcile.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { formatPersonName } from '../../viewModels/formatPerson';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';
import { EvidenceTable } from './EvidenceTable';
import { EvidenceWaterfall } from './EvidenceWaterfall';
import { formatProbability, listRecordFacts, reviewActionForKey, ruleKeyOf } from './reviewViewModel';

/**
 * The review queue: one proposed link at a time, the source record and the proposed person side
 * by side with the evidence, accepted or rejected with one key; the reason is recorded.
 */
export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const { api, on } = useDesk();
  const { session, refresh: refreshSession } = useDeskSession();
  const canDecide = sessionAllows(session, 'directory.review');
  const canRerun = sessionAllows(session, 'directory.reconcile');
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [position, setPosition] = useState(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const reasonId = useId();
  const hintId = useId();

  // Loads can overlap (a decision's own reload and the queue-changed event): only the latest one is shown.
  const lastLoad = useRef(0);
  const load = useCallback(() => {
    const thisLoad = ++lastLoad.current;
    api.listReviewProposals({ limit: 200 }).then(
      (next) => {
        if (thisLoad !== lastLoad.current) return;
        setQueue(next);
        setPosition((current) => Math.min(current, Math.max(0, next.proposals.length - 1)));
      },
      (reasonOfFailure: unknown) => setError(describeError(reasonOfFailure, i18n.language)),
    );
  }, [api, i18n.language]);

  useEffect(() => {
    load();
    return on('reviewQueueChanged', load);
  }, [load, on]);

  const proposal = queue?.proposals[position];

  /** Accept or reject the proposed person, or accept one of the proposal's alternatives (`person`). */
  const decide = useCallback(
    (decision: 'accept' | 'reject', person?: ReviewPerson) => {
      if (proposal === undefined || busy || !canDecide) return;
      const chosen = person ?? proposal.identity;
      const recorded = reason.trim().length >= 3 ? reason.trim() : t(decision === 'accept' ? 'review.defaultAcceptReason' : 'review.defaultRejectReason');
      setBusy(true);
      setError(null);
      api
        .decideReviewProposal({ recordId: proposal.recordId, identityId: chosen.identityId, decision, reason: recorded })
        .then(
          () => {
            const names = { record: `${proposal.sourceLabel} ${proposal.recordKey}`, person: formatPersonName(chosen) };
            setNotice(t(decision === 'accept' ? 'review.accepted' : 'review.rejected', names));
            setReason('');
            // The decided proposal leaves the screen at once, so the next key acts on the next proposal, never on it again.
            setQueue((current) =>
              current === null
                ? current
                : { ...current, proposals: current.proposals.filter((item) => item.recordId !== proposal.recordId || item.identity.identityId !== proposal.identity.identityId) },
            );
            load();
          },
          (failure: unknown) => setError(describeError(failure, i18n.language)),
        )
        .finally(() => setBusy(false));
    },
    [api, busy, canDecide, i18n.language, load, proposal, reason, t],
  );

  const rerun = () => {
    setBusy(true);
    setError(null);
    api
      .runReconciliation({})
      .then(load, (failure: unknown) => setError(describeError(failure, i18n.language)))
      .finally(() => setBusy(false));
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const action = reviewActionForKey(event.key);
      if (action === null) return;
      event.preventDefault();
      if (typeof action === 'object') {
        const namesake = proposal?.alternatives[action.namesake];
        if (namesake !== undefined) decide('accept', namesake.identity);
      } else if (action === 'accept' || action === 'reject') decide(action);
      else if (action === 'reason') reasonRef.current?.focus();
      else setPosition((current) => Math.max(0, Math.min((queue?.proposals.length ?? 1) - 1, current + (action === 'next' ? 1 : -1))));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [decide, proposal, queue]);

  const lastRun = queue?.lastRun ?? null;
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <div role="status" aria-live="polite" data-testid="review-status" className="service-status">
        {queue === null ? t('review.loading') : t('review.count', { count: queue.total })}
      </div>
      {lastRun !== null && (
        <p className="hint">
          {t('review.lastRun', { automatic: (lastRun.automaticRate * 100).toFixed(1), review: lastRun.reviewCount, identities: lastRun.identities })}
          {lastRun.identityStore !== undefined && (
            <>
              {' '}
              {t('review.lastRunStore', { merged: lastRun.identityStore.merged, left: lastRun.identityStore.markedLeft, removed: lastRun.identityStore.removed, kept: lastRun.identityStore.keptTemporary })}
            </>
          )}
        </p>
      )}
      <p className="hint">{t('review.keys')}</p>
      <LoginToAct session={session} onOpened={refreshSession} summary={t('review.loginToDecide')} />
      <button type="button" onClick={rerun} disabled={busy || !canRerun}>
        {busy ? t('review.rerunning') : t('review.rerun')}
      </button>
      {error !== null && (
        <p role="alert" className="banner-error">
          {t('error.generic', { message: error })}
        </p>
      )}
      {notice !== null && (
        <p role="status" data-testid="review-notice">
          {notice}
        </p>
      )}
      {proposal !== undefined && queue !== null && (
        <article aria-label={t('review.position', { position: position + 1, total: queue.total })} data-testid="review-proposal">
          <h3>{t('review.position', { position: position + 1, total: queue.total })}</h3>
          <p>
            <strong>{proposal.probability === null ? t('review.score', { score: proposal.score }) : t('review.probability', { probability: formatProbability(proposal.probability) })}</strong> ·{' '}
            {t('review.rule', { rule: t(ruleKeyOf(proposal.rule), { defaultValue: proposal.rule }) })}
          </p>
          <div className="review-sides">
            <section aria-label={t('review.record')}>
              <h4>
                {t('review.record')} — {proposal.sourceLabel}
              </h4>
              <dl className="facts">
                <dt>{t('review.key')}</dt>
                <dd>{proposal.recordKey}</dd>
                {listRecordFacts(proposal.recordAttributes, i18n.language === 'en' ? 'en' : 'fr').map(([field, value]) => (
                  <FactRow key={field} label={t(`person.${field}`, { defaultValue: field })} value={value} />
                ))}
              </dl>
            </section>
            <section aria-label={t('review.person')}>
              <h4>
                {t('review.person')} — {formatPersonName(proposal.identity)}
              </h4>
              <PersonFacts person={proposal.identity} />
            </section>
          </div>
          <EvidenceWaterfall evidence={proposal.evidence} priorWeight={proposal.priorWeight} probability={proposal.probability} />
          <EvidenceTable evidence={proposal.evidence} caption={t('review.evidence')} />
          <label htmlFor={reasonId}>{t('review.reason')}</label>
          <input
            id={reasonId}
            ref={reasonRef}
            type="text"
            maxLength={500}
            aria-describedby={hintId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
          />
          <p id={hintId} className="hint">
            {t('review.reasonHint')}
          </p>
          {proposal.alternatives.length > 0 && (
            <section aria-label={t('review.alternatives')} data-testid="review-alternatives" className="review-alternatives">
              <h4>{t('review.alternatives')}</h4>
              <p className="hint">{t('review.alternativesHint')}</p>
              <ul>
                {proposal.alternatives.map((alternative, rank) => (
                  <li key={alternative.identity.identityId} aria-label={formatPersonName(alternative.identity)}>
                    <strong>{formatPersonName(alternative.identity)}</strong> ·{' '}
                    {alternative.probability === null ? t('review.score', { score: alternative.score }) : t('review.probability', { probability: formatProbability(alternative.probability) })}
                    <PersonFacts person={alternative.identity} />
                    <details>
                      <summary>{t('review.evidence')}</summary>
                      <EvidenceTable evidence={alternative.evidence} caption={t('review.evidenceFor', { person: formatPersonName(alternative.identity) })} />
                    </details>
                    <button type="button" aria-keyshortcuts={String(rank + 1)} disabled={busy || !canDecide} onClick={() => decide('accept', alternative.identity)}>
                      {t('review.acceptAlternative', { person: formatPersonName(alternative.identity) })} ({rank + 1})
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="review-actions">
            <button type="button" aria-keyshortcuts="A" disabled={busy || !canDecide} onClick={() => decide('accept')}>
              {t('review.accept')}
            </button>
            <button type="button" aria-keyshortcuts="R" disabled={busy || !canDecide} className="danger" onClick={() => decide('reject')}>
              {t('review.reject')}
            </button>
            <button type="button" aria-keyshortcuts="ArrowLeft" disabled={position === 0} onClick={() => setPosition(position - 1)}>
              {t('review.previous')}
            </button>
            <button type="button" aria-keyshortcuts="ArrowRight" disabled={position >= queue.proposals.length - 1} onClick={() => setPosition(position + 1)}>
              {t('review.next')}
            </button>
          </div>
        </article>
      )}
    </section>
  );
}

/** What tells one person from a namesake: birth date, matricule, RPPS, service, profession. */
function PersonFacts({ person }: { person: ReviewPerson }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <dl className="facts">
      <dt>{t('person.birthDate')}</dt>
      <dd>{dates.day(person.birthDate)}</dd>
      <dt>{t('person.hrId')}</dt>
      <dd>{person.hrId ?? '—'}</dd>
      <dt>{t('person.rpps')}</dt>
      <dd>{person.rpps ?? '—'}</dd>
      <dt>{t('person.service')}</dt>
      <dd>{labelService(person.service, language)}</dd>
      <dt>{t('person.profession')}</dt>
      <dd>{labelProfession(person.profession, language)}</dd>
    </dl>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
