import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/useDateFormat';
import { describeError } from '../desk/describeError';
import { formatPersonName } from '../viewModels/formatPerson';
import { PersonPanel } from './PersonPanel';
import { identityStatuses, searchQueryMaxLength, type SearchFilters } from '../../../shared/api/directory.contract';
import { mieStatuses } from '../../../shared/api/enrollment.contract';
import { labelProfession, professionLabels } from '../../../shared/directory/professionLabels';
import { labelService, serviceLabels } from '../../../shared/directory/serviceLabels';
import { useSearchPeople } from './useSearchPeople';

export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [filters, setFilters] = useState<SearchFilters>({});
  const search = useSearchPeople(query, 150, filters);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const setFilter = (name: keyof SearchFilters, value: string) => {
    const next: Record<string, string> = { ...filters };
    if (value === '') delete next[name];
    else next[name] = value;
    setFilters(next as SearchFilters);
  };
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
      <fieldset className="search-filters" data-testid="search-filters">
        <legend>{t('search.filters')}</legend>
        <label>
          {t('search.filter.status')}{' '}
          <select aria-label={t('search.filter.status')} value={filters.status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('search.filter.any')}</option>
            {identityStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('search.filter.service')}{' '}
          <select aria-label={t('search.filter.service')} value={filters.service ?? ''} onChange={(event) => setFilter('service', event.target.value)}>
            <option value="">{t('search.filter.any')}</option>
            {Object.keys(serviceLabels)
              .sort((a, b) => labelService(a, language).localeCompare(labelService(b, language), language))
              .map((code) => (
                <option key={code} value={code}>
                  {labelService(code, language)}
                </option>
              ))}
          </select>
        </label>{' '}
        <label>
          {t('search.filter.profession')}{' '}
          <select aria-label={t('search.filter.profession')} value={filters.profession ?? ''} onChange={(event) => setFilter('profession', event.target.value)}>
            <option value="">{t('search.filter.any')}</option>
            {Object.keys(professionLabels).map((code) => (
              <option key={code} value={code}>
                {labelProfession(code, language)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('search.filter.meansKind')}{' '}
          <select aria-label={t('search.filter.meansKind')} value={filters.meansKind ?? ''} onChange={(event) => setFilter('meansKind', event.target.value)}>
            <option value="">{t('search.filter.any')}</option>
            {(['cps', 'badge', 'fido', 'temporary-badge'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`enrollment.kind.${kind}`)}
              </option>
            ))}
            <option value="none">{t('search.filter.noMeans')}</option>
          </select>
        </label>{' '}
        <label>
          {t('search.filter.meansStatus')}{' '}
          <select aria-label={t('search.filter.meansStatus')} value={filters.meansStatus ?? ''} onChange={(event) => setFilter('meansStatus', event.target.value)}>
            <option value="">{t('search.filter.any')}</option>
            {mieStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`enrollment.mieStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
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
              <th scope="col">{t('person.service')}</th>
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
                <td>{dates.day(person.birthDate)}</td>
                <td>{person.rpps ?? '—'}</td>
                <td>{person.hrId ?? '—'}</td>
                <td>{labelProfession(person.profession, language)}</td>
                <td>{labelService(person.service, language)}</td>
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
