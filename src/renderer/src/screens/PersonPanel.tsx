import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/useDateFormat';
import type { PersonDetail } from '../../../shared/api/directory.contract';
import { useDesk } from '../desk/DeskContext';
import { describeError } from '../desk/describeError';
import { formatPersonName } from '../viewModels/formatPerson';
import { labelService } from '../../../shared/directory/serviceLabels';
import { LinkExplanation } from './review/LinkExplanation';

export function PersonPanel({ identityId, onClose }: { identityId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    setPerson(null);
    api.getPerson({ identityId }).then(
      (detail) => current && setPerson(detail),
      (reason: unknown) => current && setError(describeError(reason, i18n.language)),
    );
    return () => {
      current = false;
    };
  }, [api, identityId, i18n.language]);

  // Before the browser paints the person: an Escape pressed as soon as they show closes the panel
  // (with a plain effect, focus could still be on the list's row under load, and Escape went there).
  useLayoutEffect(() => heading.current?.focus(), [person]);

  return (
    <aside
      className="person-panel"
      aria-labelledby="person-heading"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      {error !== null && <p role="alert">{t('error.generic', { message: error })}</p>}
      {person !== null && (
        <>
          <h2 id="person-heading" tabIndex={-1} ref={heading}>
            {formatPersonName(person)}
          </h2>
          <dl className="facts">
            <dt>{t('person.birthDate')}</dt>
            <dd>{dates.day(person.birthDate)}</dd>
            <dt>{t('person.rpps')}</dt>
            <dd>{person.rpps ?? '—'}</dd>
            <dt>{t('person.hrId')}</dt>
            <dd>{person.hrId ?? '—'}</dd>
            <dt>{t('person.adId')}</dt>
            <dd>{person.adId ?? '—'}</dd>
            <dt>{t('person.service')}</dt>
            <dd>{labelService(person.service, i18n.language === 'en' ? 'en' : 'fr')}</dd>
            <dt>{t('person.status')}</dt>
            <dd>{t(`status.${person.status}`)}</dd>
          </dl>
          <h3>{t('person.records')}</h3>
          <ul className="records">
            {person.records.map((record) => (
              <li key={`${record.sourceId}/${record.recordKey}`}>
                <strong>{record.sourceId}</strong> · {record.recordKey}
                {record.link !== undefined && <LinkExplanation link={record.link} />}
              </li>
            ))}
          </ul>
          {person.pending.length > 0 && (
            <section aria-labelledby="person-pending-heading">
              <h3 id="person-pending-heading">{t('person.pending')}</h3>
              <p>{t('person.pendingHint')}</p>
              <ul className="records" data-testid="person-pending">
                {person.pending.map((record) => (
                  <li key={`${record.sourceId}/${record.recordKey}/${record.proposedTo?.identityId ?? ''}`}>
                    <strong>{record.sourceId}</strong> · {record.recordKey}
                    {record.proposedTo !== null && <> — {t('person.proposedTo', { name: formatPersonName({ ...record.proposedTo, birthName: null }) })}</>}
                    {record.link !== undefined && <LinkExplanation link={record.link} />}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <button type="button" onClick={onClose}>
            {t('person.close')}
          </button>
        </>
      )}
    </aside>
  );
}
