import { useId, useState } from 'react';
import { labelProfession } from '../../../shared/directory/professionLabels';
import { useTranslation } from 'react-i18next';
import { describeError } from '../desk/describeError';
import { formatIsoDate, formatPersonName } from '../viewModels/formatPerson';
import { PersonPanel } from './PersonPanel';
import { searchQueryMaxLength } from '../../../shared/api/directory.contract';
import { useSearchPeople } from './useSearchPeople';

export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const search = useSearchPeople(query);
  const inputId = useId();
  const hintId = useId();

  return (
    <section className="search" role="search">
      <label id={`${inputId}-label`} htmlFor={inputId} className="search-label">
        {t('search.label')}
      </label>
      <input
        id={inputId}
        type="search"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        aria-describedby={hintId}
        maxLength={searchQueryMaxLength}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p id={hintId} className="hint">
        {t('search.hint')}
      </p>
      <div role="status" aria-live="polite" className="search-status" data-testid="search-status">
        {search.phase === 'searching' && t('search.searching')}
        {search.phase === 'done' &&
          (search.people.length === 0
            ? t('search.none', { query: search.query })
            : search.truncated
              ? t('search.truncated', { count: search.people.length })
              : t('search.results', { count: search.people.length }))}
        {search.phase === 'failed' && t('error.generic', { message: describeError(search.error, i18n.language) })}
      </div>
      {search.phase === 'done' && search.people.length > 0 && (
        <table className="results" data-testid="search-results">
          <thead>
            <tr>
              <th scope="col">{t('person.lastName')}</th>
              <th scope="col">{t('person.birthDate')}</th>
              <th scope="col">{t('person.rpps')}</th>
              <th scope="col">{t('person.hrId')}</th>
              <th scope="col">{t('person.profession')}</th>
              <th scope="col">{t('person.status')}</th>
            </tr>
          </thead>
          <tbody>
            {search.people.map((person) => (
              <tr key={person.identityId} aria-selected={selected === person.identityId}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('person.open', { name: formatPersonName(person) })}
                    onClick={() => setSelected(person.identityId)}
                  >
                    {formatPersonName(person)}
                  </button>
                </td>
                <td>{formatIsoDate(person.birthDate)}</td>
                <td>{person.rpps ?? '—'}</td>
                <td>{person.hrId ?? '—'}</td>
                <td>{labelProfession(person.profession, i18n.language === 'en' ? 'en' : 'fr')}</td>
                <td>
                  <span className={`pill pill-${person.status}`}>{t(`status.${person.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected !== null && <PersonPanel identityId={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}
