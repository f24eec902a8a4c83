import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { X509CertificateGenerator } from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardRemovedError, type CardTransmit } from './CardTransmit';
import { createCpsCard, type CpsVirtualCard } from './emulator/createCpsCard';
import { createDesfireCard } from './emulator/createDesfireCard';
import { createStorageCard } from './emulator/createStorageCard';
import { generateCpsTestCertificates } from './emulator/generateCpsTestCertificates';
import type { VirtualCard } from './emulator/VirtualCard';
import { readCard } from './readCard';
import { verifyCpsPin } from './verifyCpsPin';

const transmitTo = (card: VirtualCard): CardTransmit => async (apdu) => card.transmit(apdu);

async function makeCps(generation: 'CPS3' | 'CPS4'): Promise<CpsVirtualCard> {
  const certificates = await generateCpsTestCertificates({
    idNat: '810100271385',
    lastName: 'DE LA FONTAINE',
    firstName: 'ÉLODIE',
    profession: 'Médecin',
    notBefore: new Date('2025-02-01T00:00:00Z'),
    notAfter: new Date('2028-02-01T00:00:00Z'),
  });
  return createCpsCard({ generation, serial: '0001234567', authenticationCertificate: certificates.authentication, signatureCertificate: certificates.signature, pin: '1234' });
}

// RSA key generation for the test authority can take seconds on a loaded 2-core machine.
beforeAll(() => makeCps('CPS3'), 60_000);

describe('readCard against the emulated cards', { timeout: 20_000 }, () => {
  it.each(['CPS3', 'CPS4'] as const)('reads a %s identity without the PIN from its authentication certificate', async (generation) => {
    const card = await makeCps(generation);
    const result = await readCard({ reader: 'R', atr: card.atr, transmit: transmitTo(card) });
    expect(result).toEqual({
      ok: true,
      card: {
        reader: 'R',
        type: generation,
        atr: expect.stringMatching(/^3B/),
        uid: null,
        desfire: null,
        cps: {
          idNat: '810100271385',
          rpps: '10100271385',
          lastName: 'DE LA FONTAINE',
          firstName: 'ÉLODIE',
          profession: 'Médecin',
          serial: '0001234567',
          notBefore: '2025-02-01T00:00:00.000Z',
          notAfter: '2028-02-01T00:00:00.000Z',
          pinTriesLeft: 3,
        },
      },
    });
  });

  it('counts PIN tries down on the card, blocks at zero and resets on the right PIN', async () => {
    const card = await makeCps('CPS3');
    const transmit = transmitTo(card);
    expect(await verifyCpsPin(transmit, { generation: 'CPS3', pin: '0000' })).toEqual({ ok: false, reason: 'WRONG_PIN', triesLeft: 2 });
    card.reset();
    const read = await readCard({ reader: 'R', atr: card.atr, transmit });
    expect(read.ok && read.card.cps?.pinTriesLeft).toBe(2);
    expect(await verifyCpsPin(transmit, { generation: 'CPS3', pin: '1234' })).toEqual({ ok: true, triesLeft: null });
    expect(card.pinTriesLeft).toBe(3);
    for (const expected of [2, 1]) expect(await verifyCpsPin(transmit, { generation: 'CPS3', pin: '9999' })).toEqual({ ok: false, reason: 'WRONG_PIN', triesLeft: expected });
    expect(await verifyCpsPin(transmit, { generation: 'CPS3', pin: '9999' })).toEqual({ ok: false, reason: 'PIN_BLOCKED' });
    expect(await verifyCpsPin(transmit, { generation: 'CPS3', pin: '1234' })).toEqual({ ok: false, reason: 'PIN_BLOCKED' });
  });

  it('gives CARD_REMOVED and no identity when the card leaves mid-read', async () => {
    const card = await makeCps('CPS4');
    let exchanges = 0;
    const transmit: CardTransmit = async (apdu) => {
      exchanges += 1;
      if (exchanges === 8) throw new CardRemovedError('SCardTransmit: card removed');
      return card.transmit(apdu);
    };
    const result = await readCard({ reader: 'R', atr: card.atr, transmit });
    expect(result).toMatchObject({ ok: false, code: 'CARD_REMOVED' });
    expect(result).not.toHaveProperty('card');
  });

  it.each([
    ['MIFARE_CLASSIC_1K', '04A1B2C3'],
    ['MIFARE_CLASSIC_4K', '04A1B2C3D4E5F6'],
    ['MIFARE_MINI', 'A1B2C3D4'],
    ['MIFARE_ULTRALIGHT', '04112233445566'],
  ] as const)('reads the UID of a %s', async (kind, uid) => {
    const card = createStorageCard({ kind, uid });
    expect(await readCard({ reader: 'R', atr: card.atr, transmit: transmitTo(card) })).toEqual({
      ok: true,
      card: { reader: 'R', type: kind, atr: expect.stringMatching(/^3B8F8001804F/), uid, cps: null, desfire: null },
    });
  });

  it.each([
    ['EV1', 0x18, 4096],
    ['EV2', 0x1a, 8192],
    ['EV3', 0x16, 2048],
    ['LIGHT', 0x13, 512],
  ] as const)('tells a DESFire %s and its storage from GetVersion', async (generation, storageCode, storageBytes) => {
    const card = createDesfireCard({ generation, uid: '04AABBCCDDEEFF', storageCode });
    expect(await readCard({ reader: 'R', atr: card.atr, transmit: transmitTo(card) })).toEqual({
      ok: true,
      card: { reader: 'R', type: 'DESFIRE', atr: '3B8180018080', uid: '04AABBCCDDEEFF', cps: null, desfire: { generation, storageBytes, randomUid: false } },
    });
  });

  it('never gives the UID of a random-UID DESFire as an identity', async () => {
    const card = createDesfireCard({ generation: 'EV2', uid: '04AABBCCDDEEFF', randomUid: true });
    const result = await readCard({ reader: 'R', atr: card.atr, transmit: transmitTo(card) });
    expect(result).toMatchObject({ ok: true, card: { type: 'DESFIRE', uid: null, desfire: { randomUid: true } } });
  });

  it('reports an unknown card with its ATR', async () => {
    const atr = Uint8Array.from([0x3b, 0x02, 0x14, 0x50]);
    const result = await readCard({ reader: 'R', atr, transmit: async () => Uint8Array.from([0x6d, 0x00]) });
    expect(result).toEqual({ ok: true, card: { reader: 'R', type: 'UNKNOWN', atr: '3B021450', uid: null, cps: null, desfire: null } });
  });

  it('refuses an old GIP-CPS style certificate (CN = name, OU = profession) with a clear reason', async () => {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 1024 };
    const keys = (await webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as unknown as Parameters<typeof X509CertificateGenerator.createSelfSigned>[0]['keys'];
    const legacy = await X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: 'CN=JEAN DUPONT, OU=MEDECIN, O=GIP-CPS, C=FR', keys, signingAlgorithm: algorithm, notBefore: new Date('2005-01-01'), notAfter: new Date('2008-01-01') }, webcrypto as unknown as Parameters<typeof X509CertificateGenerator.createSelfSigned>[1]);
    const der = new Uint8Array(legacy.rawData);
    const card = createCpsCard({ generation: 'CPS3', serial: '0001234567', authenticationCertificate: der, signatureCertificate: der, pin: '1234' });
    expect(await readCard({ reader: 'R', atr: card.atr, transmit: transmitTo(card) })).toEqual({
      ok: false,
      code: 'CERTIFICATE_UNREADABLE',
      message: expect.stringMatching(/expected a CN holding the idNat .*got "JEAN DUPONT"/i),
    });
  });
});
