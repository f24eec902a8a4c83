import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import { fidoRevocations, type FidoKeyView, type FidoRevocation, type PersonFidoKeys } from '../../../../shared/api/fido.contract';
import { ConfirmReasonDialog } from '../enrollment/ConfirmReasonDialog';

export interface FidoKeyListProps {
  holderName: string;
  data: PersonFidoKeys;
  busy: boolean;
  onRevokeKey: (key: FidoKeyView, action: FidoRevocation, reason: string) => void;
  /** "Tester la clé": the key authenticates again, here and now. */
  onTestKey: (key: FidoKeyView) => void;
  onRevokeSponsorship: (sponsorshipId: string, reason: string) => void;
}

export function FidoKeyList({ holderName, data, busy, onRevokeKey, onTestKey, onRevokeSponsorship }: FidoKeyListProps) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  // No default: the agent says whether the key was lost, stolen or returned, then why, in a dialog.
  const [reasons, setReasons] = useState<Record<string, FidoRevocation | ''>>({});
  const [confirming, setConfirming] = useState<{ key: FidoKeyView; action: FidoRevocation } | null>(null);
  const [sponsorshipReasons, setSponsorshipReasons] = useState<Record<string, string>>({});
  return (
    <>
      {confirming !== null && (
        <ConfirmReasonDialog
          title={t('fido.revoke.confirmTitle', { label: confirming.key.label })}
          consequence={t('fido.revoke.consequence', { label: confirming.key.label, how: t(`fido.revoke.${confirming.action}`) })}
          confirmLabel={t('fido.revoke.button', { label: confirming.key.label })}
          onConfirm={(reason) => {
            setConfirming(null);
            onRevokeKey(confirming.key, confirming.action, reason);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
      <h3>{t('fido.keys.title', { name: holderName })}</h3>
      {data.keys.length === 0 ? (
        <p>{t('fido.keys.none')}</p>
      ) : (
        <table className="results" data-testid="fido-keys">
          <thead>
            <tr>
              <th scope="col">{t('fido.keys.label')}</th>
              <th scope="col">{t('fido.keys.model')}</th>
              <th scope="col">{t('fido.keys.role')}</th>
              <th scope="col">{t('fido.keys.state')}</th>
              <th scope="col">{t('fido.keys.attestation')}</th>
              <th scope="col">{t('fido.keys.enrolledAt')}</th>
              <th scope="col">{t('fido.keys.lastUse')}</th>
              <th scope="col">{t('fido.keys.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.keys.map((key) => (
              <tr key={key.credentialId} data-state={key.state}>
                <td>
                  {key.label}
                  {key.serial !== null && ` (${key.serial})`}
                </td>
                <td>{key.model ?? t('fido.keys.unknownModel')}{key.certification !== null && ` · ${key.certification}`}</td>
                <td>
                  {t(`fido.role.${key.role}`)}
                  {key.sponsorName !== null && ` — ${t('fido.keys.sponsoredBy', { name: key.sponsorName })}`}
                </td>
                <td>
                  <span className={`pill ${key.state === 'revoked' ? 'pill-left' : ''}`}>{t(`fido.state.${key.state}`)}</span>
                </td>
                <td>{t(`fido.attestation.${key.attestation}`)}</td>
                <td>{dates.day(key.enrolledAt)}</td>
                <td>{key.lastUsedAt === null ? '—' : dates.day(key.lastUsedAt)}</td>
                <td>
                  {key.state === 'active' && (
                    <>
                      <button type="button" disabled={busy} onClick={() => onTestKey(key)} aria-label={t('fido.test.buttonFor', { label: key.label })}>
                        {t('fido.test.button')}
                      </button>{' '}
                    </>
                  )}
                  {key.state !== 'revoked' && (
                    <>
                      <select
                        aria-label={t('fido.revoke.reason', { label: key.label })}
                        value={reasons[key.credentialId] ?? ''}
                        onChange={(event) => setReasons({ ...reasons, [key.credentialId]: event.target.value as FidoRevocation | '' })}
                      >
                        <option value="">{t('fido.revoke.choose')}</option>
                        {fidoRevocations.map((action) => (
                          <option key={action} value={action}>
                            {t(`fido.revoke.${action}`)}
                          </option>
                        ))}
                      </select>{' '}
                      <button
                        type="button"
                        disabled={busy || (reasons[key.credentialId] ?? '') === ''}
                        onClick={() => {
                          const action = reasons[key.credentialId];
                          if (action !== undefined && action !== '') setConfirming({ key, action });
                        }}
                      >
                        {t('fido.revoke.button', { label: key.label })}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.sponsorships.length > 0 && (
        <>
          <h3>{t('fido.sponsorships.title')}</h3>
          <ul data-testid="fido-sponsorships">
            {data.sponsorships.map((sponsorship) => (
              <li key={sponsorship.id}>
                {t('fido.sponsorships.line', {
                  sponsor: sponsorship.sponsorName,
                  enrollee: sponsorship.enrolleeName,
                  date: dates.day(sponsorship.createdAt),
                  document: t(`fido.document.${sponsorship.documentType}`),
                  lastChars: sponsorship.documentLastChars,
                })}
                {sponsorship.status === 'revoked' ? (
                  <span className="pill pill-left"> {t('fido.sponsorships.revoked')}</span>
                ) : (
                  <>
                    {' '}
                    <input
                      aria-label={t('fido.sponsorships.reason')}
                      value={sponsorshipReasons[sponsorship.id] ?? ''}
                      onChange={(event) => setSponsorshipReasons({ ...sponsorshipReasons, [sponsorship.id]: event.target.value })}
                    />{' '}
                    <button type="button" disabled={busy || (sponsorshipReasons[sponsorship.id] ?? '').trim() === ''} onClick={() => onRevokeSponsorship(sponsorship.id, sponsorshipReasons[sponsorship.id] ?? '')}>
                      {t('fido.sponsorships.revoke')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
