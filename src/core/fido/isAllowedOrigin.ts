import type { FidoSettings } from './FidoSettings';

/** The page origin written in clientDataJSON is one the configuration allows. */
export function isAllowedOrigin(origin: string, { rpId, origins }: Pick<FidoSettings, 'rpId' | 'origins'>): boolean {
  if (origins.includes(origin)) return true;
  return rpId === 'localhost' && /^http:\/\/localhost(:\d{1,5})?$/.test(origin);
}
