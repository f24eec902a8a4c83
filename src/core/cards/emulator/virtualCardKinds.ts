/** The cards `cards emulate` and the tests can build (kept apart: the CLI lists them cheaply). */
export const virtualCardKinds = [
  'cps3',
  'cps4',
  'mifare-classic-1k',
  'mifare-classic-4k',
  'mifare-mini',
  'ultralight',
  'desfire-ev1',
  'desfire-ev2',
  'desfire-ev3',
  'desfire-light',
] as const;
export type VirtualCardKind = (typeof virtualCardKinds)[number];
