import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectDesk } from './desk/connectDesk';
import { describeError } from './desk/describeError';
import { setupI18n } from './i18n/setupI18n';
import './styles.css';

async function start(): Promise<void> {
  const i18n = await setupI18n();
  const root = createRoot(document.getElementById('root')!);
  root.render(<p className="banner" role="status">{i18n.t('app.connecting')}</p>);
  try {
    const client = await connectDesk();
    root.render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <p className="banner banner-error" role="alert">
        {i18n.t('app.connectionFailed', { message: describeError(error, i18n.language) })}
      </p>,
    );
  }
}

void start();
