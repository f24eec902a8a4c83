import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderView, SimulatedCardView } from '../../../shared/api/cards.contract';
import { useDesk } from '../desk/DeskContext';
import { describeError } from '../desk/describeError';
import { cardsForReader, describeCard, readerStatusKey } from '../viewModels/describeCard';
import { useCardReaders } from './useCardReaders';

function SimulatedCardPicker({ reader, onError }: { reader: ReaderView; onError: (message: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const desk = useDesk();
  const [query, setQuery] = useState('');
  const [cards, setCards] = useState<SimulatedCardView[]>([]);
  const inputId = useId();
  const { accepts } = reader;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      desk.api.listSimulatedCards({ query }).then(
        (found) => live && setCards(cardsForReader(found, accepts).slice(0, 8)),
        (reason: unknown) => live && onError(describeError(reason, i18n.language)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [desk, query, accepts, onError, i18n.language]);
  const insert = (card: SimulatedCardView) => {
    onError(null);
    desk.api.insertSimulatedCard({ reader: reader.name, cardId: card.id }).catch((reason: unknown) => onError(describeError(reason, i18n.language)));
  };
  return (
    <div className="card-picker">
      <label htmlFor={inputId}>{t('cards.search.label', { reader: reader.name })}</label>
      <input id={inputId} type="search" autoComplete="off" spellCheck={false} placeholder={t('cards.search.placeholder')} value={query} onChange={(event) => setQuery(event.target.value)} />
      {cards.length === 0 ? (
        <p className="hint">{t('cards.noSimulatedCard')}</p>
      ) : (
        <ul className="card-choices">
          {cards.map((card) => {
            // Model and holder are names; only the note is words, in the desk's language.
            const label = [card.model, card.holderName].filter((part) => part !== null).join(' — ') + (card.note === null ? '' : ` (${t(`cards.simulated.note.${card.note}`)})`);
            return (
            <li key={card.id}>
              <span>{label}</span>{' '}
              {card.agentRole !== null && <span className="pill" data-testid="agent-card-role">{t('cards.agentCard', { role: t(`enrollment.role.${card.agentRole}`) })}</span>}{' '}
              <button type="button" aria-label={t('cards.insertLabel', { card: label, reader: reader.name })} onClick={() => insert(card)}>
                {t('cards.insert')}
              </button>
            </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function ReaderPanel({ reader }: { reader: ReaderView }) {
  const { t, i18n } = useTranslation();
  const desk = useDesk();
  const [actionError, setActionError] = useState<string | null>(null);
  const headingId = useId();
  const remove = () => {
    setActionError(null);
    desk.api.removeSimulatedCard({ reader: reader.name }).catch((reason: unknown) => setActionError(describeError(reason, i18n.language)));
  };
  return (
    <section className={`reader reader-${reader.state}`} aria-labelledby={headingId} data-testid="reader">
      <h3 id={headingId}>
        {reader.name} <span className="pill">{t(`cards.kind.${reader.kind}`)}</span>
      </h3>
      <p className="reader-status" role="status" aria-live="polite">
        {t(readerStatusKey(reader))}
      </p>
      {reader.card !== null && (
        <>
          <dl className="facts">
            {describeCard(reader.card, i18n.language.startsWith('en') ? 'en' : 'fr').map((fact) => (
              <div key={fact.labelKey} className="fact">
                <dt>{t(fact.labelKey)}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
          {reader.card.desfire?.randomUid === true && <p className="banner banner-warning">{t('cards.randomUid')}</p>}
        </>
      )}
      {actionError !== null && (
        <p className="banner banner-error" role="alert">
          {actionError}
        </p>
      )}
      {reader.kind === 'simulated' &&
        (reader.state === 'empty' ? (
          <SimulatedCardPicker reader={reader} onError={setActionError} />
        ) : (
          <button type="button" onClick={remove}>
            {t('cards.remove')}
          </button>
        ))}
    </section>
  );
}

/** The readers at this desk: real PC/SC ones, or the simulated ones with their card box. */
export function CardReadersScreen() {
  const { t, i18n } = useTranslation();
  const { state, error } = useCardReaders();
  if (error !== null) {
    return (
      <p className="banner banner-error" role="alert">
        {t('error.generic', { message: describeError(error, i18n.language) })}
      </p>
    );
  }
  if (state === null) return null;
  const unavailable = state.service.status === 'unavailable';
  return (
    <section className="card-readers" aria-labelledby="card-readers-title">
      <h2 id="card-readers-title">{t('cards.title')}</h2>
      <p className={`service-status service-${state.service.status}`} role={unavailable ? 'alert' : 'status'} data-testid="card-service-status">
        {t(`cards.service.${state.service.status}`)}
        {unavailable && <span className="hint"> {t('cards.service.unavailableHint')}</span>}
      </p>
      {state.readers.length === 0 && <p>{t('cards.noReader')}</p>}
      <div className="readers">
        {state.readers.map((reader) => (
          <ReaderPanel key={reader.name} reader={reader} />
        ))}
      </div>
    </section>
  );
}
