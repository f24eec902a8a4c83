/** What went wrong at the key, for a sentence the agent understands. */
export type CeremonyFailure = 'already-registered' | 'cancelled' | 'timeout' | 'unsupported' | 'other';

/** The ceremonies' time limit (the core's options ask 60 s); a refusal this late is the clock's, not the person's. */
const timeoutFloorMs = 55_000;

/**
 * Reads a WebAuthn failure: SimpleWebAuthn names the "already registered" case (`InvalidStateError`
 * against `excludeCredentials`); the browser reports both a cancel and a timeout as
 * `NotAllowedError`, told apart here by how long the ceremony ran.
 */
export function classifyCeremonyError(error: unknown, elapsedMs: number): CeremonyFailure {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') return 'already-registered';
  if (code === 'ERROR_CEREMONY_ABORTED' || name === 'AbortError') return 'cancelled';
  if (name === 'NotAllowedError' || code === 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY') return elapsedMs >= timeoutFloorMs ? 'timeout' : 'cancelled';
  if (name === 'NotSupportedError' || code === 'ERROR_INVALID_DOMAIN' || name === 'SecurityError') return 'unsupported';
  return 'other';
}
