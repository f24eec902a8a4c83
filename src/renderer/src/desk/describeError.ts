import { DeskError } from '../../../shared/api/errors';

/** The message to show an agent, in their language. */
export function describeError(error: unknown, language: string): string {
  if (error instanceof DeskError) return language.startsWith('en') ? error.localized.en : error.localized.fr;
  return error instanceof Error ? error.message : String(error);
}
