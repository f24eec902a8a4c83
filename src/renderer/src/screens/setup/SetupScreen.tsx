import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskSettings, DeskSetupView } from '../../../../shared/api/status.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';

/** First start of a production desk: where the sources are and which reader holds the agent's card. Seeds nothing. */
export function SetupScreen({ onSaved }: { onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useDesk();
  const [setup, setSetup] = useState<DeskSetupView | null>(null);
  const [sourcesConfigPath, setSourcesConfigPath] = useState('');
  const [agentReader, setAgentReader] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<DeskSettings | null>(null);
  const pathId = useId();
  const readerId = useId();

  useEffect(() => {
    api.getDeskSetup({}).then(
      (view) => {
        setSetup(view);
        setSourcesConfigPath(view.proposed.sourcesConfigPath);
        setAgentReader(view.proposed.agentReader ?? '');
      },
      (reason: unknown) => setError(describeError(reason, i18n.language)),
    );
  }, [api, i18n.language]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api
      .saveDeskSetup({ sourcesConfigPath, cardReaders: 'pcsc', agentReader: agentReader === '' ? null : agentReader })
      .then(setSaved, (reason: unknown) => setError(describeError(reason, i18n.language)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="setup" aria-labelledby="setup-heading" data-testid="setup-screen">
      <h2 id="setup-heading">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      {saved === null ? (
        <form onSubmit={submit} className="login-form">
          <label htmlFor={pathId}>{t('setup.sourcesPath')}</label>
          <input id={pathId} required maxLength={1000} value={sourcesConfigPath} onChange={(event) => setSourcesConfigPath(event.target.value)} />
          <fieldset>
            <legend>{t('setup.readers')}</legend>
            <label>
              <input type="radio" name="cardReaders" value="pcsc" checked readOnly /> {t('setup.readers.pcsc')}
            </label>
            <p>{t('setup.readers.demoOnly')}</p>
          </fieldset>
          <label htmlFor={readerId}>{t('setup.agentReader')}</label>
          <select id={readerId} value={agentReader} onChange={(event) => setAgentReader(event.target.value)}>
            <option value="">{t('setup.agentReader.first')}</option>
            {setup?.readers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || setup === null || sourcesConfigPath.trim() === ''}>
            {busy ? t('setup.saving') : t('setup.save')}
          </button>
        </form>
      ) : (
        <p className="status-banner" role="status">
          {t('setup.saved', { path: saved.sourcesConfigPath })}{' '}
          <button type="button" onClick={onSaved}>
            OK
          </button>
        </p>
      )}
      {error !== null && (
        <p className="status-banner status-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
