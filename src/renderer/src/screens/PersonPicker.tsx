import { useId, useState } from 'react';
import { searchQueryMaxLength } from '../../../shared/api/directory.contract';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/useDateFormat';
import type { PersonSummary } from '../../../shared/api/directory.contract';
import { formatPersonName } from '../viewModels/formatPerson';
import { useSearchPeople } from './useSearchPeople';

/** Search-as-you-type in the directory, then one "choose" button per person found. */
export function PersonPicker({ label, onPick }: { label: string; onPick: (person: PersonSummary) => void }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const [query, setQuery] = useState('');
  const search = useSearchPeople(query);
  const inputId = useId();
  return (
    <div className="card-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        maxLength={searchQueryMaxLength}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {search.phase === 'done' && (
        <ul className="card-choices">
          {search.people.length === 0 && <li>{t('search.none', { query: search.query })}</li>}
          {search.people.map((person) => (
            <li key={person.identityId}>
              <span>
                {formatPersonName(person)} · {dates.day(person.birthDate)} · {person.hrId ?? person.rpps ?? '—'} ·{' '}
                {t(`status.${person.status}`)}
              </span>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onPick(person);
                }}
              >
                {t('picker.choose', { name: formatPersonName(person) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
