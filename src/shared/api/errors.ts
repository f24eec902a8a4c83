/**
 * The closed set of error codes a desk call can fail with. Every transport carries them as plain
 * data; the renderer picks the message in the agent's language.
 */
export const deskErrorCodes = [
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  'PRECONDITION_FAILED',
  'INTERNAL',
] as const;

export type DeskErrorCode = (typeof deskErrorCodes)[number];

export interface LocalizedText {
  fr: string;
  en: string;
}

export interface DeskErrorData {
  code: DeskErrorCode;
  message: LocalizedText;
  /** Machine-readable context (field paths, current holder…), never secrets. */
  details?: Record<string, unknown>;
}

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };

const defaultMessages: Record<DeskErrorCode, LocalizedText> = {
  INVALID_ARGUMENT: { fr: 'Paramètres invalides.', en: 'Invalid arguments.' },
  UNKNOWN_METHOD: { fr: 'Opération inconnue.', en: 'Unknown operation.' },
  NOT_FOUND: { fr: 'Élément introuvable.', en: 'Not found.' },
  CONFLICT: { fr: 'Conflit avec l’état actuel.', en: 'Conflicts with the current state.' },
  FORBIDDEN: { fr: 'Action non autorisée pour ce rôle.', en: 'Action not allowed for this role.' },
  UNAUTHENTICATED: { fr: 'Session de guichet requise.', en: 'A desk session is required.' },
  UNAVAILABLE: { fr: 'Service indisponible.', en: 'Service unavailable.' },
  PRECONDITION_FAILED: { fr: 'Condition préalable non remplie.', en: 'Precondition not met.' },
  INTERNAL: { fr: 'Erreur interne.', en: 'Internal error.' },
};

/** Thrown by core services; the dispatcher turns it into a `{ ok: false }` result. */
export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly localized: LocalizedText;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DeskErrorCode, message?: LocalizedText, details?: Record<string, unknown>) {
    const localized = message ?? defaultMessages[code];
    super(localized.en);
    this.name = 'DeskError';
    this.code = code;
    this.localized = localized;
    this.details = details;
  }

  toData(): DeskErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.localized }
      : { code: this.code, message: this.localized, details: this.details };
  }
}

export function isDeskErrorData(value: unknown): value is DeskErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DeskErrorData>;
  return (
    typeof candidate.code === 'string' &&
    (deskErrorCodes as readonly string[]).includes(candidate.code) &&
    typeof candidate.message?.fr === 'string' &&
    typeof candidate.message.en === 'string'
  );
}

export function defaultErrorMessage(code: DeskErrorCode): LocalizedText {
  return defaultMessages[code];
}
