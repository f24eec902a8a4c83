import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPanel } from './enrollment/LoginPanel';
import { useDeskSession } from './enrollment/useDeskSession';

/**
 * Screens that read personal data (the directory, review proposals, rejected lines) need an agent
 * session, as the core enforces: without one, the login panel stands in for the screen.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, refresh } = useDeskSession();
  if (session === null) return null;
  if (session.state === 'open') return <>{children}</>;
  return (
    <div data-testid="session-gate">
      <p className="hint">{t('app.loginToRead')}</p>
      <LoginPanel session={session} onOpened={refresh} />
    </div>
  );
}
