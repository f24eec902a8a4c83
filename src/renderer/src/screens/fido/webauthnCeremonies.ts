import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { DeskApi } from '../../../../shared/api/contract';
import type {
  AuthenticationResponseJSON,
  FidoMetadataStatus,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../../../../shared/api/fido.contract';

export interface Ceremonies {
  register(options: PublicKeyCredentialCreationOptionsJSON): Promise<RegistrationResponseJSON>;
  authenticate(options: PublicKeyCredentialRequestOptionsJSON): Promise<AuthenticationResponseJSON>;
}

/**
 * The browser side of the WebAuthn ceremonies (the core made the options and checks the answers):
 * in this page, or — Electron with the hospital's RP ID — in the app's RP-origin window.
 */
export function createCeremonies(api: DeskApi, where: FidoMetadataStatus['ceremony']): Ceremonies {
  if (where === 'rp-origin-window') {
    return {
      // The core runs the options it issued for this challenge; the page only names the ceremony.
      register: async (options) => (await api.runFidoCeremony({ challenge: options.challenge })) as RegistrationResponseJSON,
      authenticate: async (options) => (await api.runFidoCeremony({ challenge: options.challenge })) as AuthenticationResponseJSON,
    };
  }
  return {
    register: (optionsJSON) => startRegistration({ optionsJSON }),
    authenticate: (optionsJSON) => startAuthentication({ optionsJSON }),
  };
}
