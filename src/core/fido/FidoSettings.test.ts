import { describe, expect, it } from 'vitest';
import { resolveFidoSettings } from './FidoSettings';

describe('resolveFidoSettings', () => {
  it('defaults to localhost in the desk page, and to the RP-origin window for the hospital RP ID', () => {
    expect(resolveFidoSettings({}, {})).toMatchObject({ rpId: 'localhost', origins: [], ceremony: 'renderer', allowedAaguids: null, sponsorQuota: { count: 5, days: 30 } });
    expect(resolveFidoSettings({}, { GUICHET_FIDO_RP_ID: 'sso.hopital.fr' })).toMatchObject({ origins: ['https://sso.hopital.fr'], ceremony: 'rp-origin-window' });
  });
  it('reads origins, ceremony and the allow-list from the environment, and refuses bad values', () => {
    const settings = resolveFidoSettings({}, {
      GUICHET_FIDO_RP_ID: 'hopital.fr',
      GUICHET_FIDO_ORIGINS: 'https://sso.hopital.fr, https://id.hopital.fr',
      GUICHET_FIDO_CEREMONY: 'renderer',
      GUICHET_FIDO_ALLOWED_AAGUIDS: 'CB69481E-8FF7-4039-93EC-0A2729A154A8',
    });
    expect(settings).toMatchObject({ origins: ['https://sso.hopital.fr', 'https://id.hopital.fr'], ceremony: 'renderer', allowedAaguids: ['cb69481e-8ff7-4039-93ec-0a2729a154a8'] });
    expect(() => resolveFidoSettings({}, { GUICHET_FIDO_CEREMONY: 'popup' })).toThrow(/expected renderer or rp-origin-window/);
    expect(() => resolveFidoSettings({ rpId: 'https://sso.hopital.fr' }, {})).toThrow(/expected a host name/);
  });
});
