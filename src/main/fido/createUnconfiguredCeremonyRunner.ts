import type { FidoCeremonyRunner } from '../../core/fido/FidoCeremonyRunner';
import { DeskError } from '../../shared/api/errors';

/**
 * The packaged app with the default RP ID `localhost`: no WebAuthn ceremony can run (the desk's
 * `app://guichet` page is not on localhost, and there is no https page of a hospital domain to
 * open). Rather than letting the browser fail with a SecurityError, the desk says what to set.
 */
export function createUnconfiguredCeremonyRunner(): FidoCeremonyRunner {
  return {
    run() {
      return Promise.reject(
        new DeskError(
          'PRECONDITION_FAILED',
          {
            fr: "Clés FIDO indisponibles : l'identifiant RP de l'hôpital n'est pas configuré (GUICHET_FIDO_RP_ID, par exemple sso.hopital.fr). Voir la documentation, « Clés FIDO dans l'application ».",
            en: "FIDO keys unavailable: the hospital's RP ID is not configured (GUICHET_FIDO_RP_ID, e.g. sso.hospital.org). See the documentation, \"FIDO keys in the desktop app\".",
          },
          { rule: 'rp-id-not-configured' },
        ),
      );
    },
  };
}
