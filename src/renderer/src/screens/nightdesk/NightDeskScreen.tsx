import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import { parseTypedBirthDate } from '../../../../shared/text/parseTypedBirthDate';
import type { ReceiptFile } from '../../../../shared/api/enrollment.contract';
import type { NightDeskCandidate, PoolCardView, TemporaryIssueResult } from '../../../../shared/api/nightdesk.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { LoginPanel } from '../enrollment/LoginPanel';
import { ReceiptViewer } from '../enrollment/ReceiptViewer';
import { useCardReaders } from '../enrollment/useCardReaders';
import { useDeskSession } from '../enrollment/useDeskSession';
import { NightQueuesPanel } from './NightQueuesPanel';
import { countInteraction, elapsedSeconds, formatDeskTime, fromDateTimeLocal, idleMeter, toDateTimeLocal, type FlowMeter } from './nightDeskFlow';
import { useNightDeskOverview } from './useNightDeskOverview';
import './nightdesk.css';

/** The night desk: who → which card → until when → confirm → receipt, timed from the first action. */
export function NightDeskScreen() {
  const { t } = useTranslation();
  const { session, refresh } = useDeskSession();
  if (session === null) return <p role="status">{t('app.connecting')}</p>;
  if (session.state !== 'open') return <LoginPanel session={session} onOpened={refresh} />;
  return <NightDeskWorkspace agentReader={session.agentReader} canSettle={session.allowedActs.includes('mie.resume')} />;
}

type Holder = { candidate: NightDeskCandidate } | { typed: { lastName: string; firstName: string; birthDate: string } };

const holderName = (holder: Holder): string =>
  'candidate' in holder ? `${holder.candidate.firstName} ${holder.candidate.lastName}` : `${holder.typed.firstName} ${holder.typed.lastName.toUpperCase()}`;

function NightDeskWorkspace({ agentReader, canSettle }: { agentReader: string | null; canSettle: boolean }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const { overview, error: overviewError, refresh } = useNightDeskOverview(i18n.language);
  const readers = useCardReaders()?.readers ?? [];
  const [meter, setMeter] = useState<FlowMeter>(idleMeter);
  const [now, setNow] = useState(() => new Date());
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<NightDeskCandidate[] | null>(null);
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState({ lastName: '', firstName: '', birthDate: '' });
  const [holder, setHolder] = useState<Holder | null>(null);
  const [card, setCard] = useState<PoolCardView | null>(null);
  const [endsAt, setEndsAt] = useState('');
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<TemporaryIssueResult | null>(null);
  const [receipt, setReceipt] = useState<ReceiptFile | null>(null);
  const searchId = useId();
  const endId = useId();
  const lastTap = useRef<string>('');

  const count = useCallback((field?: string) => setMeter((current) => countInteraction(current, new Date(), field)), []);
  const fail = useCallback((reason: unknown) => setError(describeError(reason, i18n.language)), [i18n.language]);

  useEffect(() => {
    if (meter.startedAt === null) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [meter.startedAt]);

  useEffect(() => {
    if (overview !== null && endsAt === '') setEndsAt(toDateTimeLocal(overview.defaultEnd));
  }, [overview, endsAt]);

  useEffect(() => {
    if (query.trim().length < 2) {
      setCandidates(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.searchNightDeskCandidates({ query }).then((found) => live && setCandidates(found), (reason: unknown) => live && fail(reason));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, fail]);

  // A card tapped on a reader other than the agent's: a CPS names the person, a pool badge the card.
  const tapped = readers.find((reader) => reader.name !== agentReader && reader.card !== null);
  const tapKey = tapped?.card === null || tapped === undefined ? '' : `${tapped.name}:${tapped.card.uid ?? ''}:${tapped.card.cps?.serial ?? ''}`;
  useEffect(() => {
    if (tapKey === lastTap.current) return;
    lastTap.current = tapKey;
    if (tapped === undefined || tapKey === '') return;
    setError(null);
    if (registering) {
      api.registerPoolCard({ reader: tapped.name }).then(refresh, fail);
      return;
    }
    count();
    api.readNightDeskCard({ reader: tapped.name }).then((read) => {
      if (read.kind === 'person') setHolder({ candidate: read.candidate });
      else setCard(read.card);
    }, fail);
  }, [tapKey, tapped, registering, api, refresh, fail, count]);

  const reset = () => {
    setMeter(idleMeter);
    setQuery('');
    setCandidates(null);
    setTyping(false);
    setTyped({ lastName: '', firstName: '', birthDate: '' });
    setHolder(null);
    setCard(null);
    setEndsAt(overview === null ? '' : toDateTimeLocal(overview.defaultEnd));
    setIssued(null);
    setReceipt(null);
    setError(null);
  };

  const typedBirthDate = typed.birthDate.trim() === '' ? null : parseTypedBirthDate(typed.birthDate, new Date().toISOString().slice(0, 10));
  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    count();
    if (typedBirthDate === null || !typedBirthDate.ok) return;
    setHolder({ typed: { ...typed, birthDate: typedBirthDate.iso } });
  };

  const confirm = () => {
    if (holder === null || card === null) return;
    const end = fromDateTimeLocal(endsAt);
    if (end === null) {
      setError(t('nightdesk.when.invalid'));
      return;
    }
    const next = countInteraction(meter, new Date());
    setMeter(next);
    setBusy(true);
    setError(null);
    const identity = 'candidate' in holder
      ? holder.candidate.identityId !== null
        ? { source: 'person' as const, identityId: holder.candidate.identityId }
        : { source: 'register' as const, rpps: holder.candidate.rpps! }
      : { source: 'typed' as const, ...holder.typed };
    api
      .issueTemporaryCard({ holder: identity, cardIdentifier: card.identifier, endsAt: end, timing: { startedAt: next.startedAt!, interactions: next.interactions } })
      .then((result) => {
        setIssued(result);
        refresh();
      }, fail)
      .finally(() => setBusy(false));
  };

  const showReceipt = () => {
    if (issued === null) return;
    count();
    api.getReceipt({ mieId: issued.mie.id }).then(setReceipt, fail);
  };

  const available = overview?.pool.filter((candidate) => candidate.state === 'available' || candidate.state === 'returned') ?? [];
  const latestEnd = overview === null ? null : new Date(overview.latestEnd);

  return (
    <div className="nightdesk">
      <section className="nightdesk-flow" aria-labelledby="nightdesk-heading">
        <header className="nightdesk-flow-header">
          <h2 id="nightdesk-heading">{t('nightdesk.title')}</h2>
          <p className="nightdesk-meter" role="timer" aria-live="off" data-testid="nightdesk-meter">
            {t('nightdesk.meter', { time: formatDeskTime(elapsedSeconds(meter, now)), count: meter.interactions })}
          </p>
        </header>

        {issued !== null ? (
          <div className="nightdesk-done">
            <p className="status-banner status-success nightdesk-big" role="status" data-testid="nightdesk-result">
              {t('nightdesk.done', {
                card: issued.issuance.cardLabel,
                name: issued.issuance.holderName,
                until: dates.dateTime(issued.issuance.endsAt),
              })}
            </p>
            <p data-testid="nightdesk-timing">
              {t('nightdesk.timing', { time: formatDeskTime(issued.issuance.deskSeconds ?? 0), count: issued.issuance.interactions ?? 0 })}
            </p>
            {issued.suspendedMieIds.length > 0 && <p className="status-banner status-warning">{t('nightdesk.forgotten.suspended')}</p>}
            <p className="nightdesk-actions">
              <button type="button" onClick={showReceipt}>
                {t('nightdesk.receipt')}
              </button>{' '}
              <button type="button" onClick={reset}>
                {t('nightdesk.next')}
              </button>
            </p>
            {receipt !== null && <ReceiptViewer receipt={receipt} onClose={() => setReceipt(null)} />}
          </div>
        ) : (
          <ol className="nightdesk-steps">
            <li aria-labelledby="nightdesk-who">
              <h3 id="nightdesk-who">{t('nightdesk.who.title')}</h3>
              {holder !== null ? (
                <p className="nightdesk-chosen" data-testid="nightdesk-holder">
                  <strong>{holderName(holder)}</strong>{' '}
                  {'candidate' in holder && <CandidateFacts candidate={holder.candidate} />}
                  {'typed' in holder && <span className="pill pill-temporary">{t('nightdesk.who.newTemporary')}</span>}{' '}
                  <button type="button" className="link" onClick={() => setHolder(null)}>
                    {t('nightdesk.change')}
                  </button>
                </p>
              ) : (
                <>
                  <label htmlFor={searchId}>{t('nightdesk.who.search')}</label>
                  <input
                    id={searchId}
                    type="search"
                    autoFocus
                    autoComplete="off"
                    spellCheck={false}
                    value={query}
                    onChange={(event) => {
                      count('search');
                      setQuery(event.target.value);
                    }}
                  />
                  <p className="hint">{t('nightdesk.who.hint')}</p>
                  {candidates !== null && (
                    <ul className="nightdesk-candidates" aria-label={t('nightdesk.who.results')} data-testid="nightdesk-candidates">
                      {candidates.length === 0 && <li>{t('nightdesk.who.none')}</li>}
                      {candidates.map((candidate) => (
                        <li key={candidate.identityId ?? `rpps-${candidate.rpps}`}>
                          <button
                            type="button"
                            onClick={() => {
                              count();
                              setHolder({ candidate });
                            }}
                          >
                            {candidate.firstName} {candidate.lastName}
                          </button>{' '}
                          <CandidateFacts candidate={candidate} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {typing ? (
                    <form className="nightdesk-typed" onSubmit={submitTyped} aria-label={t('nightdesk.typed.title')}>
                      {(['lastName', 'firstName', 'birthDate'] as const).map((field) => (
                        <label key={field}>
                          {t(`nightdesk.typed.${field}`)}
                          <input
                            type="text"
                            required
                            autoComplete="off"
                            {...(field === 'birthDate' ? { placeholder: t('nightdesk.typed.birthDateFormat'), inputMode: 'numeric' as const, maxLength: 10, 'aria-describedby': 'typed-birth-date-echo' } : { maxLength: 100 })}
                            value={typed[field]}
                            onChange={(event) => {
                              count(field);
                              setTyped({ ...typed, [field]: event.target.value });
                            }}
                          />
                        </label>
                      ))}
                      <p id="typed-birth-date-echo" className={typedBirthDate !== null && !typedBirthDate.ok ? 'status-error' : 'hint'} aria-live="polite" data-testid="typed-birth-date">
                        {typedBirthDate === null
                          ? t('nightdesk.typed.birthDateHint')
                          : typedBirthDate.ok
                            ? t('nightdesk.typed.birthDateEcho', { date: dates.dayInWords(typedBirthDate.iso) })
                            : t(`nightdesk.typed.birthDateRefused.${typedBirthDate.reason}`)}
                      </p>
                      <button type="submit">{t('nightdesk.typed.use')}</button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        count();
                        setTyping(true);
                      }}
                    >
                      {t('nightdesk.typed.open')}
                    </button>
                  )}
                </>
              )}
            </li>

            <li aria-labelledby="nightdesk-card">
              <h3 id="nightdesk-card">{t('nightdesk.card.title')}</h3>
              {card !== null ? (
                <p className="nightdesk-chosen" data-testid="nightdesk-card">
                  <strong>{t('nightdesk.card.label', { label: card.label })}</strong> <span className="mono">{card.identifier}</span>{' '}
                  <button type="button" className="link" onClick={() => setCard(null)}>
                    {t('nightdesk.change')}
                  </button>
                </p>
              ) : (
                <>
                  <p className="hint">{t('nightdesk.card.tap', { count: available.length })}</p>
                  <p className="nightdesk-pool-picks">
                    {available.map((candidate) => (
                      <button
                        key={candidate.identifier}
                        type="button"
                        onClick={() => {
                          count();
                          setCard(candidate);
                        }}
                      >
                        {t('nightdesk.card.label', { label: candidate.label })}
                      </button>
                    ))}
                  </p>
                </>
              )}
            </li>

            <li aria-labelledby="nightdesk-when">
              <h3 id="nightdesk-when">{t('nightdesk.when.title')}</h3>
              <label htmlFor={endId}>{t('nightdesk.when.label')}</label>
              <input
                id={endId}
                type="datetime-local"
                value={endsAt}
                max={latestEnd === null ? undefined : toDateTimeLocal(latestEnd.toISOString())}
                onChange={(event) => {
                  count('endsAt');
                  setEndsAt(event.target.value);
                }}
              />
              {overview !== null && (
                <p className="hint">
                  {t('nightdesk.when.hint', {
                    margin: overview.settings.marginMinutes,
                    max: overview.settings.maxHours,
                  })}
                </p>
              )}
            </li>
          </ol>
        )}

        {issued === null && (
          <p className="nightdesk-actions">
            <button type="button" className="primary nightdesk-big" disabled={busy || holder === null || card === null || endsAt === ''} onClick={confirm}>
              {busy ? t('nightdesk.issuing') : t('nightdesk.confirm')}
            </button>
          </p>
        )}
        {(error ?? overviewError) !== null && (
          <p className="status-banner status-error" role="alert">
            {error ?? overviewError}
          </p>
        )}
      </section>

      {overview !== null && (
        <NightQueuesPanel
          overview={overview}
          canSettle={canSettle}
          registering={registering}
          onToggleRegistering={() => setRegistering(!registering)}
          onChanged={refresh}
          onError={fail}
        />
      )}
    </div>
  );
}

function CandidateFacts({ candidate }: { candidate: NightDeskCandidate }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  return (
    <span className="nightdesk-facts">
      {candidate.rpps !== null && <span>RPPS {candidate.rpps}</span>} {candidate.profession !== null && <span>{labelProfession(candidate.profession, i18n.language === 'en' ? 'en' : 'fr')}</span>}{' '}
      {candidate.birthDate !== null && <span>{dates.day(candidate.birthDate)}</span>}{' '}
      <span className={`pill pill-${candidate.source === 'register' ? 'temporary' : (candidate.status ?? 'active')}`}>
        {candidate.source === 'register' ? t('nightdesk.who.fromRegister') : t(`status.${candidate.status ?? 'active'}`)}
      </span>
      {candidate.activeBadge !== null && <span className="pill pill-leaving">{t('nightdesk.who.hasBadge')}</span>}
    </span>
  );
}
