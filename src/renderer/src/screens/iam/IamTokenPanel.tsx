import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScimTokenSourceView } from '../../../../shared/api/scim.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';

/**
 * Where the IAM's bearer token comes from. In the Electron shell the admin seals it in the OS
 * keychain here (the field is never filled back: the token is not read out); elsewhere the panel
 * names the environment variable to set.
 */
export function IamTokenPanel() {
  const { t, i18n } = useTranslation();
  const client = useDesk();
  const inputId = useId();
  const [source, setSource] = useState<ScimTokenSourceView | null>(null);
  const [token, setToken] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    client.api.getScimTokenSource({}).then(setSource, (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }));
  }, [client, i18n.language]);
  if (source === null || source.tokenEnv === null) return null;
  const save = (value: string | null) =>
    client.api.setScimToken({ token: value }).then(
      (next) => {
        setSource(next);
        setToken('');
        setNotice({ kind: 'ok', text: t(value === null ? 'scim.token.cleared' : 'scim.token.saved') });
      },
      (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }),
    );
  return (
    <section className="iam-token" aria-labelledby={`${inputId}-heading`} data-testid="iam-token">
      <h3 id={`${inputId}-heading`}>{t('scim.token.title')}</h3>
      <p>{t(source.source === 'keychain' ? 'scim.token.keychain' : 'scim.token.environment', { variable: source.tokenEnv })}</p>
      <p>{t(source.present ? 'scim.token.present' : 'scim.token.absent')}</p>
      {source.source === 'keychain' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(token.trim());
          }}
        >
          <label htmlFor={inputId}>{t('scim.token.label')}</label>
          <input id={inputId} type="password" autoComplete="off" spellCheck={false} maxLength={4096} value={token} onChange={(event) => setToken(event.target.value)} />
          <button type="submit" disabled={token.trim().length < 16}>
            {t('scim.token.save')}
          </button>{' '}
          {source.present && (
            <button type="button" onClick={() => void save(null)}>
              {t('scim.token.clear')}
            </button>
          )}
        </form>
      )}
      <div role="status" aria-live="polite">
        {notice !== null && <p className={`status-banner ${notice.kind === 'ok' ? 'status-ok' : 'status-error'}`}>{notice.text}</p>}
      </div>
    </section>
  );
}
