import { useTranslation } from 'react-i18next';
import { useOpenScreen } from '../navigation';
import { useScimStatus } from './useScimStatus';

/** The header's "IAM : connecté · 2 en attente · 1 en échec"; nothing when no IAM is configured or without a session. */
export function ScimStatusPill() {
  const { t } = useTranslation();
  const openScreen = useOpenScreen();
  const { status } = useScimStatus();
  if (status === null || !status.configured) return null;
  const link = status.connected === true ? 'connected' : status.connected === false ? 'offline' : 'unknown';
  const warning = status.failed > 0 || status.connected === false;
  return (
    <button
      type="button"
      className={`scim-status${warning ? ' status-warning' : ''}`}
      data-testid="scim-status"
      title={status.lastError === null ? undefined : t('scim.lastError', { error: status.lastError })}
      onClick={() => openScreen('iam')}
    >
      {t(`scim.header.${link}`)}
      {status.pending > 0 && ` · ${t('scim.header.pending', { count: status.pending })}`}
      {status.failed > 0 && ` · ${t('scim.header.failed', { count: status.failed })}`}
    </button>
  );
}
