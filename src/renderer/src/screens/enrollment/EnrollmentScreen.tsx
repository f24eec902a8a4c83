import { useEffect, useId, useState } from 'react';
import { searchQueryMaxLength } from '../../../../shared/api/directory.contract';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { DeskSessionView } from '../../../../shared/api/enrollment.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { formatPersonName } from '../../viewModels/formatPerson';
import { useSearchPeople } from '../useSearchPeople';
import { CardPanel, type LookupState } from './CardPanel';
import { CardTypePolicyForm } from './CardTypePolicyForm';
import { JournalPanel } from './JournalPanel';
import { LoginPanel } from './LoginPanel';
import { PersonEnrollmentPanel } from './PersonEnrollmentPanel';
import { useCardReaders } from './useCardReaders';
import { useDeskSession } from './useDeskSession';
import { enrollmentDeskStore, useEnrollmentDesk } from './enrollmentDeskStore';
import type { CardInfo } from '../../../../shared/cards/cardTypes';
import './enrollment.css';

/** The agent's main screen: log in, present a card or search, choose the person, bind, manage. */
export function EnrollmentScreen() {
  const { t } = useTranslation();
  const { session, refresh } = useDeskSession();
  if (session === null) return <p role="status">{t('app.connecting')}</p>;
  if (session.state !== 'open') return <LoginPanel session={session} onOpened={refresh} />;
  return <DeskWorkspace session={session} onClosed={refresh} />;
}

function DeskWorkspace({ session, onClosed }: { session: DeskSessionView; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const client = useDesk();
  const readersState = useCardReaders();
  const readers = readersState?.readers ?? [];
  // The desk's state lives in a store: switching screens and coming back keeps reader, person and search.
  const { reader, selected, query } = useEnrollmentDesk();
  const setReader = enrollmentDeskStore.setReader;
  const setSelected = enrollmentDeskStore.select;
  const setQuery = enrollmentDeskStore.setQuery;
  const [lookup, setLookup] = useState<LookupState>({ phase: 'empty' });
  const search = useSearchPeople(query);
  const searchId = useId();
  const canRead = session.allowedActs.includes('mie.read');

  // The customer's card goes in any reader but the one holding the agent's own card.
  useEffect(() => {
    if (reader !== '' && readers.some((candidate) => candidate.name === reader)) return;
    const others = readers.filter((candidate) => candidate.name !== session.agentReader);
    const next = others.find((candidate) => candidate.card !== null) ?? others[0];
    if (next !== undefined) setReader(next.name);
  }, [reader, readers, session.agentReader, setReader]);

  // The card follows the hand: the desk follows the reader where a card was just presented.
  useEffect(
    () =>
      client.on('cardInserted', (card) => {
        if (card.reader === session.agentReader) return;
        enrollmentDeskStore.cardPresented(card.reader, cardKeyOf(card));
      }),
    [client, session.agentReader],
  );
  // A card presented before this screen subscribed (or while another screen was shown) is followed too.
  useEffect(() => {
    enrollmentDeskStore.noticeCards(readers.flatMap((candidate) => (candidate.card === null || candidate.name === session.agentReader ? [] : [{ reader: candidate.name, cardKey: cardKeyOf(candidate.card) }])));
  }, [readers, session.agentReader]);

  const current = readers.find((candidate) => candidate.name === reader);
  const card = current?.card ?? null;
  const cardKey = card === null ? `${current?.state ?? 'empty'}` : cardKeyOf(card);
  useEffect(() => {
    if (!canRead) return;
    if (card === null) {
      setLookup(current?.state === 'reading' ? { phase: 'reading' } : current?.state === 'error' && current.error !== null ? { phase: 'failed', message: current.error.message } : { phase: 'empty' });
      return;
    }
    let live = true;
    const lookUp = () =>
      client.api.lookUpCard({ reader }).then(
        (result) => {
          if (!live) return;
          setLookup({ phase: 'done', lookup: result });
          // A new card naming someone replaces the previous customer; a blank badge keeps them.
          enrollmentDeskStore.applyLookup(cardKey, { holderId: result.binding?.identityId ?? result.rppsHolder?.identityId ?? null, isCps: result.card.kind === 'cps' });
        },
        (reason: unknown) => live && setLookup({ phase: 'failed', message: describeError(reason, i18n.language) }),
      );
    void lookUp();
    const off = client.on('mieChanged', () => void lookUp());
    return () => {
      live = false;
      off();
    };
    // cardKey stands for the card itself: a new card in the reader means a new look-up.
  }, [client, reader, cardKey, canRead, i18n.language]);

  const close = () => void client.api.closeDeskSession({}).finally(onClosed);

  return (
    <div className="enrollment">
      <div className="session-bar" data-testid="session-bar">
        <span className="session-agent">
          {t('enrollment.session.agent', { name: session.agent?.name ?? '', role: t(`enrollment.role.${session.agent?.role ?? 'badge-office'}`) })}
        </span>
        <button type="button" onClick={close}>
          {t('enrollment.session.close')}
        </button>
      </div>
      {canRead && (
        <div className="enrollment-columns">
          <div className="enrollment-left">
            <CardPanel readers={readers} reader={reader} onReaderChange={setReader} state={lookup} onChoose={setSelected} />
            <section className="search" role="search" aria-labelledby="enrollment-search-heading">
              <h2 id="enrollment-search-heading">{t('enrollment.search.title')}</h2>
              <label htmlFor={searchId} className="search-label">
                {t('enrollment.search.label')}
              </label>
              <input
                id={searchId}
                type="search"
                autoComplete="off"
                spellCheck={false}
                maxLength={searchQueryMaxLength}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
              <div role="status" aria-live="polite" className="search-status">
                {search.phase === 'done' &&
                  (search.people.length === 0 ? t('search.none', { query: search.query }) : t('search.results', { count: search.people.length }))}
                {search.phase === 'failed' && t('error.generic', { message: describeError(search.error, i18n.language) })}
              </div>
              {search.phase === 'done' && search.people.length > 0 && (
                <ul className="people" data-testid="enrollment-search-results">
                  {search.people.slice(0, 15).map((person) => (
                    <li key={person.identityId}>
                      <button type="button" className="link" aria-current={selected === person.identityId ? 'true' : undefined} onClick={() => setSelected(person.identityId)}>
                        {formatPersonName(person)}
                      </button>{' '}
                      · {dates.day(person.birthDate)} · {person.hrId ?? '—'} · {person.rpps ?? '—'}{' '}
                      <span className={`pill pill-${person.status}`}>{t(`status.${person.status}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <div className="enrollment-right">
            {selected !== null && (
              <PersonEnrollmentPanel
                identityId={selected}
                session={session}
                lookup={lookup.phase === 'done' ? lookup.lookup : null}
                reader={reader}
              />
            )}
          </div>
        </div>
      )}
      {session.allowedActs.includes('mie.resume') && <CardTypePolicyForm />}
      {session.allowedActs.includes('journal.read') && <JournalPanel />}
    </div>
  );
}

/** One card, whatever reader it is in. */
function cardKeyOf(card: CardInfo): string {
  return `${card.atr}:${card.uid ?? ''}:${card.cps?.serial ?? ''}`;
}
