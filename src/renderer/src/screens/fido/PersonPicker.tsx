import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/api/directory.contract';
import { formatPersonName } from '../../viewModels/formatPerson';
import { useSearchPeople } from '../useSearchPeople';

/** Search-as-you-type, then one button per person found. */
export function PersonPicker({ label, onPick }: { label: string; onPick: (person: PersonSummary) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useSearchPeople(query);
  const inputId = useId();
  return (
    <div className="card-picker">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" autoComplete="off" spellCheck={false} placeholder={t('fido.person.placeholder')} value={query} onChange={(event) => setQuery(event.target.value)} />
      {search.phase === 'done' && (
        <ul className="card-choices">
          {search.people.slice(0, 8).map((person) => (
            <li key={person.identityId}>
              <span>
                {formatPersonName(person)} · {person.hrId ?? person.rpps ?? '—'} · {t(`status.${person.status}`)}
              </span>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onPick(person);
                }}
              >
                {t('fido.person.choose', { name: formatPersonName(person) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
