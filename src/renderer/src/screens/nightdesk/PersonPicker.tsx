import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/api/directory.contract';
import { formatIsoDate, formatPersonName } from '../../viewModels/formatPerson';
import { useSearchPeople } from '../useSearchPeople';

/** Search the directory and pick one person (HR record to link, person leaving now). */
export function PersonPicker({ label, onPick }: { label: string; onPick: (person: PersonSummary) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useSearchPeople(query);
  const inputId = useId();
  return (
    <div className="nightdesk-picker">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" autoComplete="off" spellCheck={false} value={query} onChange={(event) => setQuery(event.target.value)} />
      {search.phase === 'done' && (
        <ul>
          {search.people.length === 0 && <li>{t('search.none', { query: search.query })}</li>}
          {search.people.slice(0, 8).map((person) => (
            <li key={person.identityId}>
              <button type="button" onClick={() => onPick(person)}>
                {formatPersonName(person)}
              </button>{' '}
              {formatIsoDate(person.birthDate)} {person.hrId ?? ''} {person.rpps ?? ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
