import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/api/directory.contract';
import type { DeskSessionView } from '../../../../shared/api/enrollment.contract';
import type { FidoMetadataStatus, PersonFidoKeys } from '../../../../shared/api/fido.contract';
import { useDesk } from '../../desk/DeskContext';
import { formatPersonName } from '../../viewModels/formatPerson';
import { createCeremonies } from './webauthnCeremonies';
import { EnrollKeyForm } from './EnrollKeyForm';
import { FidoKeyList } from './FidoKeyList';
import { MetadataPanel } from './MetadataPanel';
import { PersonPicker } from '../PersonPicker';
import { useFidoStatus } from './useFidoStatus';

/** FIDO2 security keys: per-person list, enrollment (primary or sponsored backup), revocation, metadata. */
export function KeysScreen() {
  const { t } = useTranslation();
  const desk = useDesk();
  const status = useFidoStatus();
  const [session, setSession] = useState<DeskSessionView | null>(null);
  const [holder, setHolder] = useState<PersonSummary | null>(null);
  const [keys, setKeys] = useState<PersonFidoKeys | null>(null);
  const [ceremonyWhere, setCeremonyWhere] = useState<FidoMetadataStatus['ceremony']>('renderer');
  const ceremonies = createCeremonies(desk.api, ceremonyWhere);

  useEffect(() => {
    const refresh = () => void desk.api.getDeskSession({}).then(setSession, () => setSession(null));
    refresh();
    return desk.on('deskSessionChanged', refresh);
  }, [desk]);
  useEffect(() => {
    if (session?.state === 'open') desk.api.getFidoMetadataStatus({}).then((metadata) => setCeremonyWhere(metadata.ceremony), () => setCeremonyWhere('renderer'));
  }, [desk, session?.state]);

  const reload = useCallback(() => {
    if (holder === null) return;
    desk.api.listFidoKeys({ identityId: holder.identityId }).then(setKeys, () => setKeys(null));
  }, [desk, holder]);
  useEffect(() => {
    setKeys(null);
    reload();
    return desk.on('fidoKeysChanged', ({ identityId }) => identityId === holder?.identityId && reload());
  }, [desk, holder, reload]);

  return (
    <section className="search" aria-labelledby="fido-title">
      <h2 id="fido-title">{t('fido.title')}</h2>
      <div role="status" aria-live="polite" data-testid="fido-status" className={`service-status ${status.status?.tone === 'error' ? 'service-unavailable' : ''}`}>
        {session !== null && session.state !== 'open' ? t('fido.needSession') : (status.status?.text ?? '')}
      </div>
      {session?.state === 'open' && (
        <>
          {holder === null ? (
            <PersonPicker label={t('fido.person.label')} onPick={setHolder} />
          ) : (
            <p>
              <strong>{t('fido.person.selected', { name: formatPersonName(holder) })}</strong>{' '}
              <button type="button" onClick={() => setHolder(null)}>
                {t('fido.person.change')}
              </button>
            </p>
          )}
          {holder !== null && keys !== null && (
            <>
              <FidoKeyList
                holderName={formatPersonName(holder)}
                data={keys}
                busy={status.busy}
                onRevokeKey={(key, action, reason) =>
                  void status.run(t('fido.revoke.button', { label: key.label }), () => desk.api.revokeFidoKey({ credentialId: key.credentialId, action, reason }), (revoked) => t('fido.revoke.done', { label: revoked.label })).then(reload)
                }
                onTestKey={(key) =>
                  void status
                    .run(
                      t('fido.test.touch', { label: key.label }),
                      async () => desk.api.finishFidoKeyRecheck({ response: await ceremonies.authenticate(await desk.api.startFidoKeyRecheck({ credentialId: key.credentialId })) }),
                      (tested) => t('fido.test.ok', { label: tested.label }),
                    )
                    .then(reload)
                }
                onRevokeSponsorship={(sponsorshipId, reason) =>
                  void status.run(t('fido.sponsorships.revoke'), () => desk.api.revokeSponsorship({ sponsorshipId, reason }), (result) => t('fido.sponsorships.revokedKeys', { count: result.revokedKeys })).then(reload)
                }
              />
              <EnrollKeyForm key={holder.identityId} holder={holder} status={status} ceremonyWhere={ceremonyWhere} onEnrolled={reload} />
            </>
          )}
          <MetadataPanel status={status} />
        </>
      )}
    </section>
  );
}
