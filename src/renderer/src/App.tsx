import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskClient } from '../../shared/api/contract';
import type { DeskStatus } from '../../shared/api/status.contract';
import { DeskContext } from './desk/DeskContext';
import { describeError } from './desk/describeError';
import { changeLanguage, supportedLanguages, type Language } from './i18n/setupI18n';
import { NavigationContext } from './screens/navigation';
import { homeScreenOf } from './screens/homeScreenOf';
import { screens } from './screens/registry';
import { WorkQueueCount } from './screens/workqueue/WorkQueueCount';
import { ScimStatusPill } from './screens/iam/ScimStatusPill';
import { SessionGate } from './screens/SessionGate';
import { SetupScreen } from './screens/setup/SetupScreen';

/** Screens that only read personal data: behind the login panel until a session is open. */
const screensReadingPersonalData = new Set(['search', 'review', 'sources']);

export function App({ client }: { client: DeskClient }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screenId, setScreenId] = useState(screens[0]!.id);
  const screen = screens.find((candidate) => candidate.id === screenId) ?? screens[0]!;
  // Whether the agent picked a screen since the window opened or the last session closed: a login
  // then keeps them where they are; otherwise it opens their role's home screen.
  const agentChoseScreen = useRef(false);
  const chooseScreen = useCallback((id: string) => {
    agentChoseScreen.current = true;
    setScreenId(id);
  }, []);

  useEffect(
    () =>
      client.on('deskSessionChanged', ({ reason }) => {
        if (reason === 'closed') agentChoseScreen.current = false;
        if (reason !== 'opened' || agentChoseScreen.current) return;
        client.api.getDeskSession({}).then(
          (session) => {
            if (session.state !== 'open' || session.agent === null || agentChoseScreen.current) return;
            agentChoseScreen.current = true;
            setScreenId(homeScreenOf(session.agent.role));
          },
          () => undefined,
        );
      }),
    [client],
  );

  useEffect(() => {
    // Keyboard-first: Alt+1…Alt+9, then Alt+0 for the tenth, switch screens.
    const onKeyDown = (event: KeyboardEvent) => {
      const index = event.key === '0' ? 9 : Number(event.key) - 1;
      if (event.altKey && Number.isInteger(index) && screens[index] !== undefined) {
        event.preventDefault();
        chooseScreen(screens[index].id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [chooseScreen]);

  const [statusVersion, setStatusVersion] = useState(0);
  useEffect(() => {
    const refresh = () =>
      client.api.getDeskStatus({}).then(setStatus, (reason: unknown) => setError(describeError(reason, i18n.language)));
    void refresh();
    return client.on('directoryChanged', () => void refresh());
  }, [client, i18n.language, statusVersion]);

  return (
    <DeskContext.Provider value={client}>
      <NavigationContext.Provider value={chooseScreen}>
      {/* First stop of the keyboard: straight to the screen's content, past the header and the navigation. */}
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <h1>
          {t('app.title')}
          {status !== null && <span className="establishment"> — {status.establishmentName}</span>}
        </h1>
        {status?.demoDirectory === true && <span className="pill pill-demo">{t('app.demo')}</span>}
        <WorkQueueCount />
        <ScimStatusPill />
        <label className="language">
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(event) => void changeLanguage(event.target.value as Language)}>
            {supportedLanguages.map((language) => (
              <option key={language} value={language}>
                {language === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      {status?.mode === 'demo' && (
        <p className="banner banner-demo" role="note" data-testid="demo-banner">
          {t('app.demoBanner')}
        </p>
      )}
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      {status !== null && (
        <p className="counts" data-testid="directory-counts">
          {t('status.counts', {
            identities: status.counts.identities,
            records: status.counts.sourceRecords,
            sources: status.counts.sources,
          })}
        </p>
      )}
      {status?.setupNeeded === true ? (
        <main id="main-content" tabIndex={-1}>
          <SetupScreen onSaved={() => setStatusVersion((version) => version + 1)} />
        </main>
      ) : (
        <>
          {screens.length > 1 && (
            <nav className="screens" aria-label={t('nav.label')}>
              {screens.map((candidate, index) => (
                <button
                  key={candidate.id}
                  type="button"
                  aria-current={candidate.id === screen.id ? 'page' : undefined}
                  aria-keyshortcuts={index < 10 ? `Alt+${(index + 1) % 10}` : undefined}
                  onClick={() => chooseScreen(candidate.id)}
                >
                  {t(candidate.titleKey)}
                </button>
              ))}
            </nav>
          )}
          <main id="main-content" tabIndex={-1}>
            {screensReadingPersonalData.has(screen.id) ? (
              <SessionGate key={screen.id}>
                <screen.Component />
              </SessionGate>
            ) : (
              <screen.Component key={screen.id} />
            )}
          </main>
        </>
      )}
      </NavigationContext.Provider>
    </DeskContext.Provider>
  );
}
