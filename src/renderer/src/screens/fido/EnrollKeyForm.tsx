import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/api/directory.contract';
import { identityDocumentSchema, type FidoKeyRole, type FidoMetadataStatus, type IdentityDocument, type SponsorVerified } from '../../../../shared/api/fido.contract';
import { useDesk } from '../../desk/DeskContext';
import { formatPersonName } from '../../viewModels/formatPerson';
import { checkEnrollmentForm } from './checkEnrollmentForm';
import { PersonPicker } from '../PersonPicker';
import type { useFidoStatus } from './useFidoStatus';
import { createCeremonies } from './webauthnCeremonies';

const documentTypes = identityDocumentSchema.shape.type.options;

/** Primary key, or backup key with a sponsor who authenticates here first; then register + test. */
export function EnrollKeyForm({
  holder,
  status,
  ceremonyWhere,
  onEnrolled,
}: {
  holder: PersonSummary;
  status: ReturnType<typeof useFidoStatus>;
  ceremonyWhere: FidoMetadataStatus['ceremony'];
  onEnrolled: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useDesk();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const ceremonies = createCeremonies(api, ceremonyWhere);
  const [role, setRole] = useState<FidoKeyRole>('primary');
  const [label, setLabel] = useState('');
  const [serial, setSerial] = useState('');
  const [sponsor, setSponsor] = useState<PersonSummary | null>(null);
  const [verified, setVerified] = useState<SponsorVerified | null>(null);
  const [documentType, setDocumentType] = useState<IdentityDocument['type']>('cni');
  const [lastChars, setLastChars] = useState('');
  const [readers, setReaders] = useState<string[]>([]);
  const [reader, setReader] = useState('');
  const [pin, setPin] = useState('');
  const ids = { label: useId(), serial: useId(), document: useId(), lastChars: useId(), reader: useId(), pin: useId() };
  useEffect(() => {
    api.listCardReaders({}).then(
      (state) => {
        setReaders(state.readers.map((view) => view.name));
        setReader((current) => current || (state.readers[0]?.name ?? ''));
      },
      () => setReaders([]),
    );
  }, [api]);
  const holderName = formatPersonName(holder);
  const problems = checkEnrollmentForm({ role, label, sponsorVerified: verified?.enrolleeId === holder.identityId, documentLastChars: lastChars });

  const authenticateSponsor = (chosen: PersonSummary) =>
    status.run(
      t('fido.sponsor.touch'),
      async () => {
        const started = await api.startSponsorCheck({ enrolleeId: holder.identityId, sponsorId: chosen.identityId });
        return api.finishSponsorCheck({ response: await ceremonies.authenticate(started.options) });
      },
      (result) => t('fido.sponsor.verified', { name: result.sponsorName }),
    ).then((result) => setVerified(result));

  const checkSponsorCps = (chosen: PersonSummary) =>
    status
      .run(
        t('fido.sponsor.withCps'),
        () => api.verifySponsorWithCps({ enrolleeId: holder.identityId, sponsorId: chosen.identityId, reader, pin }),
        (result) => t('fido.sponsor.verified', { name: result.sponsorName }),
      )
      .then((result) => {
        setPin('');
        setVerified(result);
      });

  const enroll = () =>
    status.run(
      t('fido.enroll.touch'),
      async () => {
        const started = await api.startFidoRegistration({
          identityId: holder.identityId,
          role,
          label,
          ...(serial.trim() === '' ? {} : { serial }),
          ...(role === 'backup' ? { document: { type: documentType, lastChars } } : {}),
        });
        const checked = await api.finishFidoRegistration({ response: await ceremonies.register(started.options) });
        status.setStatus({ tone: 'info', text: [t('fido.enroll.testTouch'), ...checked.warnings.map((w) => t('fido.enroll.warning', { message: w.message[language] }))].join(' ') });
        const key = await api.finishFidoKeyTest({ response: await ceremonies.authenticate(checked.testOptions) });
        return { key, warnings: checked.warnings };
      },
      ({ key, warnings }) =>
        [t('fido.enroll.done', { label: key.label, name: holderName }), ...warnings.map((w) => t('fido.enroll.warning', { message: w.message[language] }))].join(' '),
    ).then((result) => {
      if (result === null) return;
      setLabel('');
      setSerial('');
      setVerified(null);
      setSponsor(null);
      setLastChars('');
      onEnrolled();
    });

  return (
    <form
      className="person-panel"
      aria-labelledby={`${ids.label}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0) void enroll();
      }}
    >
      <h3 id={`${ids.label}-title`}>{t('fido.enroll.title')}</h3>
      <fieldset>
        <legend>{t('fido.enroll.role')}</legend>
        {(['primary', 'backup'] as const).map((candidate) => (
          <label key={candidate}>
            <input type="radio" name="fido-role" value={candidate} checked={role === candidate} onChange={() => setRole(candidate)} /> {t(`fido.enroll.${candidate}`)}{' '}
          </label>
        ))}
      </fieldset>
      <p>
        <label htmlFor={ids.label}>{t('fido.enroll.label')}</label>
        <br />
        <input id={ids.label} required maxLength={60} value={label} onChange={(event) => setLabel(event.target.value)} />
      </p>
      <p>
        <label htmlFor={ids.serial}>{t('fido.enroll.serial')}</label>
        <br />
        <input id={ids.serial} maxLength={40} value={serial} onChange={(event) => setSerial(event.target.value)} />
      </p>
      {role === 'backup' && (
        <fieldset>
          <legend>{t('fido.sponsor.title')}</legend>
          {sponsor === null ? (
            <PersonPicker label={t('fido.sponsor.search')} onPick={(person) => setSponsor(person)} />
          ) : (
            <p>
              {t('fido.sponsor.choose', { name: formatPersonName(sponsor) })}{' '}
              <button type="button" disabled={status.busy} onClick={() => void authenticateSponsor(sponsor)}>
                {t('fido.sponsor.authenticate')}
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  setSponsor(null);
                  setVerified(null);
                }}
              >
                {t('fido.person.change')}
              </button>
            </p>
          )}
          {sponsor !== null && readers.length > 0 && (
            <p>
              {t('fido.sponsor.orCps')} <label htmlFor={ids.reader}>{t('fido.sponsor.reader')}</label>{' '}
              <select id={ids.reader} value={reader} onChange={(event) => setReader(event.target.value)}>
                {readers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>{' '}
              <label htmlFor={ids.pin}>{t('fido.sponsor.pin')}</label>{' '}
              <input id={ids.pin} type="password" inputMode="numeric" autoComplete="off" maxLength={8} size={8} value={pin} onChange={(event) => setPin(event.target.value)} />{' '}
              <button type="button" disabled={status.busy || !/^\d{4,8}$/.test(pin)} onClick={() => void checkSponsorCps(sponsor)}>
                {t('fido.sponsor.withCps')}
              </button>
            </p>
          )}
          {verified !== null && <p className="pill">{t('fido.sponsor.verified', { name: verified.sponsorName })}</p>}
          <p>
            <label htmlFor={ids.document}>{t('fido.document.type')}</label>{' '}
            <select id={ids.document} value={documentType} onChange={(event) => setDocumentType(event.target.value as IdentityDocument['type'])}>
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`fido.document.${type}`)}
                </option>
              ))}
            </select>{' '}
            <label htmlFor={ids.lastChars}>{t('fido.document.lastChars')}</label>{' '}
            <input id={ids.lastChars} maxLength={8} size={8} value={lastChars} onChange={(event) => setLastChars(event.target.value)} />
          </p>
        </fieldset>
      )}
      {problems.length > 0 && (
        <ul className="hint">
          {problems.map((problem) => (
            <li key={problem}>{t(problem)}</li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={status.busy || problems.length > 0}>
        {t('fido.enroll.start')}
      </button>
    </form>
  );
}
