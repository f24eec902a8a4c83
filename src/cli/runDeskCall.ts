import type { DeskCore } from '../core/desk/openDeskCore';
import { DeskError } from '../shared/api/errors';
import { unwrapResult } from '../shared/api/unwrapResult';

/** CLI commands go through the same dispatcher (validation, typed errors) as the desk. */
export async function runDeskCall<T>(core: DeskCore, method: string, input: unknown): Promise<T> {
  return unwrapResult<T>(await core.dispatch(method, input, { connectionId: 'cli', transport: 'cli' }));
}

export function describeCliError(error: unknown): string {
  if (error instanceof DeskError) return `${error.code}: ${error.localized.fr} / ${error.localized.en}`;
  return error instanceof Error ? error.message : String(error);
}
