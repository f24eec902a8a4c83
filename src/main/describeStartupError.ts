import { DeskError } from '../shared/api/errors';

export interface StartupErrorText {
  title: string;
  content: string;
}

/**
 * The native dialog's text when the desk cannot start (locked or unreadable database, bad
 * setting…): in the workstation's language, French unless it is not French, with the cause.
 */
export function describeStartupError(error: unknown, locale: string): StartupErrorText {
  const french = locale === '' || locale.toLowerCase().startsWith('fr');
  const cause = error instanceof DeskError ? (french ? error.localized.fr : error.localized.en) : error instanceof Error ? error.message : String(error);
  return french
    ? { title: 'Guichet ne peut pas démarrer', content: `${cause}\n\nLe détail est dans le journal de l'application. Corrigez la cause puis relancez Guichet.` }
    : { title: 'Guichet cannot start', content: `${cause}\n\nThe details are in the application log. Fix the cause, then start Guichet again.` };
}
