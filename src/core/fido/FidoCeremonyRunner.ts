import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../../shared/api/fido.contract';

export type FidoCeremonyRequest =
  | { kind: 'register'; options: PublicKeyCredentialCreationOptionsJSON }
  | { kind: 'authenticate'; options: PublicKeyCredentialRequestOptionsJSON };

/**
 * Runs the browser side of a WebAuthn ceremony somewhere whose origin belongs to the RP (the
 * Electron app's RP-origin window), for desks whose own window cannot (a `file://` page). The
 * core still makes the options and verifies the response.
 */
export interface FidoCeremonyRunner {
  run(request: FidoCeremonyRequest): Promise<RegistrationResponseJSON | AuthenticationResponseJSON>;
}
