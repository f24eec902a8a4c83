import { globalSignRootCaR3 } from './globalSignRootCaR3';

/**
 * How the desk enrolls FIDO2 keys. The RP ID is the hospital's SSO domain in production; browser
 * mode and tests use `localhost` (any `http://localhost:PORT` origin is then accepted).
 */
export interface FidoSettings {
  rpId: string;
  rpName: string;
  /** Origins allowed in clientDataJSON, besides `http://localhost:*` when the RP ID is `localhost`. */
  origins: string[];
  /**
   * Where the Electron app runs the ceremony: `renderer` (the desk window; only works for RP ID
   * `localhost`) or `rp-origin-window` (a sandboxed window on `https://<rpId>`, see README).
   */
  ceremony: 'renderer' | 'rp-origin-window';
  /** When set, only these AAGUIDs are accepted, and only with a verified (trusted) attestation. */
  allowedAaguids: string[] | null;
  /** A sponsor may vouch for at most `count` backup keys per `days` days. */
  sponsorQuota: { count: number; days: number };
  /** A sponsor whose HR end date falls within this many days is refused. */
  sponsorLeavingDays: number;
  /** Ceremony challenges (and a verified sponsor) expire after this long. */
  challengeTtlMs: number;
  /** Trust anchors of the MDS3 BLOB signing chain (PEM). */
  mdsTrustAnchors: string[];
}

export const defaultFidoSettings: FidoSettings = {
  rpId: 'localhost',
  rpName: 'Guichet',
  origins: [],
  ceremony: 'renderer',
  allowedAaguids: null,
  sponsorQuota: { count: 5, days: 30 },
  sponsorLeavingDays: 30,
  challengeTtlMs: 5 * 60_000,
  mdsTrustAnchors: [globalSignRootCaR3],
};

/**
 * Settings from explicit options, then the environment (`GUICHET_FIDO_RP_ID`,
 * `GUICHET_FIDO_ORIGINS` comma-separated, `GUICHET_FIDO_RP_NAME`, `GUICHET_FIDO_CEREMONY`,
 * `GUICHET_FIDO_ALLOWED_AAGUIDS`), then the defaults.
 */
export function resolveFidoSettings(overrides: Partial<FidoSettings> = {}, env: NodeJS.ProcessEnv = process.env): FidoSettings {
  const list = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean));
  const rpId = overrides.rpId ?? env.GUICHET_FIDO_RP_ID ?? defaultFidoSettings.rpId;
  const envCeremony = env.GUICHET_FIDO_CEREMONY;
  if (envCeremony !== undefined && envCeremony !== 'renderer' && envCeremony !== 'rp-origin-window') {
    throw new Error(`Invalid GUICHET_FIDO_CEREMONY "${envCeremony}": expected renderer or rp-origin-window`);
  }
  const ceremony = overrides.ceremony ?? envCeremony ?? (rpId === 'localhost' ? 'renderer' : 'rp-origin-window');
  const settings: FidoSettings = {
    ...defaultFidoSettings,
    rpId,
    rpName: overrides.rpName ?? env.GUICHET_FIDO_RP_NAME ?? defaultFidoSettings.rpName,
    origins: overrides.origins ?? list(env.GUICHET_FIDO_ORIGINS) ?? (rpId === 'localhost' ? [] : [`https://${rpId}`]),
    ceremony,
    allowedAaguids: (overrides.allowedAaguids ?? list(env.GUICHET_FIDO_ALLOWED_AAGUIDS) ?? null)?.map((aaguid) => aaguid.toLowerCase()) ?? null,
    sponsorQuota: overrides.sponsorQuota ?? defaultFidoSettings.sponsorQuota,
    sponsorLeavingDays: overrides.sponsorLeavingDays ?? defaultFidoSettings.sponsorLeavingDays,
    challengeTtlMs: overrides.challengeTtlMs ?? defaultFidoSettings.challengeTtlMs,
    mdsTrustAnchors: overrides.mdsTrustAnchors ?? defaultFidoSettings.mdsTrustAnchors,
  };
  if (!/^[a-z0-9.-]+$/i.test(settings.rpId)) throw new Error(`Invalid FIDO RP ID "${settings.rpId}": expected a host name such as sso.hopital.fr`);
  return settings;
}
