import { useId } from 'react';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { labelCardModel } from '../../../../shared/cards/cardModelLabels';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { CardCandidate, CardLookup } from '../../../../shared/api/enrollment.contract';
import type { ReaderView } from '../../../../shared/api/cards.contract';
import { formatPersonName } from '../../viewModels/formatPerson';

export type LookupState = { phase: 'empty' } | { phase: 'reading' } | { phase: 'done'; lookup: CardLookup } | { phase: 'failed'; message: string };

interface CardPanelProps {
  readers: ReaderView[];
  reader: string;
  onReaderChange: (reader: string) => void;
  state: LookupState;
  onChoose: (identityId: string) => void;
}

/** The card tapped or inserted for a person: what it says, who holds it, who it may belong to. */
export function CardPanel({ readers, reader, onReaderChange, state, onChoose }: CardPanelProps) {
  const { t } = useTranslation();
  const readerId = useId();
  return (
    <section className="card-panel" aria-labelledby="card-heading">
      <h2 id="card-heading">{t('enrollment.card.title')}</h2>
      <label htmlFor={readerId}>{t('enrollment.card.reader')}</label>{' '}
      <select id={readerId} value={reader} onChange={(event) => onReaderChange(event.target.value)}>
        {readers.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.name}
          </option>
        ))}
      </select>
      <div role="status" aria-live="polite" data-testid="card-status" className="card-status">
        {state.phase === 'empty' && <p>{t('enrollment.card.waiting')}</p>}
        {state.phase === 'reading' && <p>{t('enrollment.card.reading')}</p>}
        {state.phase === 'failed' && <p className="status-banner status-error">{state.message}</p>}
        {state.phase === 'done' && <CardFacts lookup={state.lookup} />}
      </div>
      {state.phase === 'done' && state.lookup.binding === null && state.lookup.rppsHolder !== null && (
        <p className="status-banner status-ok">
          {t('enrollment.card.rppsHolder', { name: formatPersonName(state.lookup.rppsHolder) })}{' '}
          <button type="button" onClick={() => onChoose(state.lookup.rppsHolder!.identityId)}>
            {t('enrollment.card.choose', { name: formatPersonName(state.lookup.rppsHolder) })}
          </button>
        </p>
      )}
      {state.phase === 'done' && state.lookup.card.cps !== null && state.lookup.binding === null && state.lookup.rppsHolder === null && (
        <Candidates candidates={state.lookup.candidates} onChoose={onChoose} />
      )}
    </section>
  );
}

function CardFacts({ lookup }: { lookup: CardLookup }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { card, binding } = lookup;
  return (
    <>
      <dl className="facts" data-testid="card-facts">
        <dt>{t('enrollment.mies.kind')}</dt>
        <dd>{t(`enrollment.card.kind.${card.kind}`)}</dd>
        <dt>{t('enrollment.card.identifier')}</dt>
        <dd className="mono">{card.identifier}</dd>
        <dt>{t('enrollment.card.type')}</dt>
        <dd>{labelCardModel(card.cardType, i18n.language === 'en' ? 'en' : 'fr')}</dd>
        {card.cps !== null && (
          <>
            <dt>{t('enrollment.card.holder')}</dt>
            <dd>
              {card.cps.lastName} {card.cps.firstName} — {labelProfession(card.cps.profession, i18n.language === 'en' ? 'en' : 'fr')}
            </dd>
            <dt>{t('person.rpps')}</dt>
            <dd className="mono">{card.cps.rpps ?? '—'}</dd>
            <dt>{t('enrollment.card.validUntil')}</dt>
            <dd>{dates.day(card.cps.notAfter)}</dd>
          </>
        )}
      </dl>
      <p className={`status-banner ${binding === null ? 'status-ok' : 'status-warning'}`} data-testid="card-binding">
        {binding === null
          ? t('enrollment.card.free')
          : t('enrollment.card.boundTo', { name: binding.holderName, status: t(`enrollment.mieStatus.${binding.status}`) })}
      </p>
      {binding === null && lookup.iamHolder !== null && (
        <p className="status-banner status-warning" data-testid="card-iam-holder">
          {t('enrollment.card.iamHolder', {
            name: lookup.iamHolder.name,
            status: lookup.iamHolder.status === null ? '—' : t(`scim.status.${lookup.iamHolder.status}`, { defaultValue: lookup.iamHolder.status }),
            date: dates.dateTime(lookup.iamHolder.pulledAt),
          })}
        </p>
      )}
    </>
  );
}

function Candidates({ candidates, onChoose }: { candidates: CardCandidate[]; onChoose: (identityId: string) => void }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  return (
    <section aria-labelledby="candidates-heading" data-testid="candidates">
      <h3 id="candidates-heading">{t('enrollment.card.candidates')}</h3>
      {candidates.length === 0 && <p>{t('enrollment.card.noCandidate')}</p>}
      <ol className="candidates">
        {candidates.map((candidate) => (
          <li key={candidate.person.identityId} className="candidate">
            <p className="candidate-head">
              <strong>{formatPersonName(candidate.person)}</strong> · {dates.day(candidate.person.birthDate)} ·{' '}
              <span className="pill">{t('enrollment.card.score', { score: candidate.score })}</span>{' '}
              <button type="button" onClick={() => onChoose(candidate.person.identityId)}>
                {t('enrollment.card.choose', { name: formatPersonName(candidate.person) })}
              </button>
            </p>
            <table className="results evidence">
              <thead>
                <tr>
                  <th scope="col">{t('enrollment.evidence.field')}</th>
                  <th scope="col">{t('enrollment.evidence.card')}</th>
                  <th scope="col">{t('enrollment.evidence.person')}</th>
                  <th scope="col">{t('enrollment.evidence.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {candidate.evidence.map((item) => (
                  <tr key={item.field}>
                    <th scope="row">{t(`enrollment.evidence.${item.field}`)}</th>
                    <td>{item.cardValue ?? '—'}</td>
                    <td>{item.personValue ?? '—'}</td>
                    <td>
                      <span className={`pill pill-outcome-${item.outcome}`}>{t(`enrollment.outcome.${item.outcome}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </section>
  );
}
