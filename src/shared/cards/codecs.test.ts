import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDesfireVersion } from './decodeDesfireVersion';
import { describeStatusWord } from './describeStatusWord';
import { fromHex, toHex } from './hex';
import { identifyCardByAtr } from './identifyCardByAtr';
import { normalizeUid } from './normalizeUid';
import { parseAtr } from './parseAtr';
import { findTlv, parseBerTlv } from './parseBerTlv';
import { parseCpsCertificate } from './parseCpsCertificate';
import { readDerLength } from './readDerLength';
import { readPkcs15Paths } from './readPkcs15Paths';

const anyBytes = fc.uint8Array({ maxLength: 300 });

describe('ATR', () => {
  it.each([
    ['3BAC00402A001225006480000310009000', 'CPS3'],
    ['3B8F80010031B86404B0ECC1739401808290000E', 'CPS3'],
    ['3B9B188001001225006480040100009044', 'CPS4'],
    ['3B9B188001001225006480000401009044', 'CPS4'],
    ['3BDC18FF00001225006480000401009000', 'CPS4'],
    ['3B8F8001804F0CA000000306030001000000006A', 'MIFARE_CLASSIC_1K'],
    ['3B8F8001804F0CA0000003060300020000000069', 'MIFARE_CLASSIC_4K'],
    ['3B8F8001804F0CA0000003060300030000000068', 'MIFARE_ULTRALIGHT'],
    ['3B8F8001804F0CA000000306030026000000004D', 'MIFARE_MINI'],
    ['3B8F8001804F0CA00000030603003A0000000051', 'MIFARE_ULTRALIGHT'],
    ['3B8180018080', 'ISO14443_4'],
    ['3B86800106757781028000', 'ISO14443_4'],
    ['3B8F8001804F0CA0000003060300FF0000000095', 'ISO14443_3_OTHER'],
    ['3B021450', 'UNKNOWN'],
  ])('identifies %s as %s', (atr, expected) => {
    expect(identifyCardByAtr(fromHex(atr))).toBe(expected);
  });

  it('probes, rather than rejects, an unknown ATR with the ANS historical bytes', () => {
    expect(identifyCardByAtr(fromHex('3B9B96800112250064800004010000905C'))).toBe('CPS_FAMILY');
  });

  it('parses protocols, historical bytes and checks TCK', () => {
    const parsed = parseAtr(fromHex('3B8F8001804F0CA000000306030001000000006A'));
    expect(parsed).toMatchObject({ ok: true, value: { protocols: [0, 1], checkByteValid: true } });
    expect(parsed.ok && toHex(parsed.value.historicalBytes)).toBe('804F0CA0000003060300010000000000'.slice(0, 30));
    expect(parseAtr(fromHex('3B8F8001804F0CA000000306030001000000006B'))).toMatchObject({ ok: true, value: { checkByteValid: false } });
    expect(parseAtr(fromHex('3B8F800101'))).toMatchObject({ ok: false, error: expect.stringMatching(/historical bytes/) });
    expect(parseAtr(fromHex('3B8F80'))).toMatchObject({ ok: false, error: 'ATR ends inside its interface bytes' });
    expect(parseAtr(fromHex('42'))).toMatchObject({ ok: false, error: expect.stringMatching(/2 to 33 bytes/) });
  });

  it('never throws on any bytes, and every identification is one of the known kinds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), (bytes, forceTs) => {
        const atr = forceTs && bytes.length > 0 ? Uint8Array.from([0x3b, ...bytes.slice(1)]) : bytes;
        const parsed = parseAtr(atr);
        expect(typeof parsed.ok).toBe('boolean');
        expect(typeof identifyCardByAtr(atr)).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('BER-TLV', () => {
  it('parses nested and multi-byte tags (CPS3 PIN tries template)', () => {
    const parsed = parseBerTlv(fromHex('700CBF810108A0069A01039B0102'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(findTlv(parsed.value, 0xbf8101)?.constructed).toBe(true);
    expect(toHex(findTlv(parsed.value, 0x9b)!.value)).toBe('02');
  });

  it('reports lengths that overrun, with what was expected', () => {
    expect(parseBerTlv(fromHex('3005040201'))).toMatchObject({ ok: false, error: expect.stringMatching(/announces 5 bytes but only 3 remain/) });
    expect(parseBerTlv(fromHex('3080'))).toMatchObject({ ok: false });
    expect(parseBerTlv(fromHex('5F'))).toMatchObject({ ok: false });
  });

  it('round-trips generated trees and never throws or hangs on any input', () => {
    const leaf = fc.record({ tag: fc.integer({ min: 0x80, max: 0x9e }), value: fc.uint8Array({ maxLength: 200 }) });
    const encode = (tag: number, value: Uint8Array): number[] => {
      const length = value.length < 0x80 ? [value.length] : value.length < 0x100 ? [0x81, value.length] : [0x82, value.length >> 8, value.length & 0xff];
      return [tag, ...length, ...value];
    };
    fc.assert(
      fc.property(fc.array(leaf, { maxLength: 6 }), (leaves) => {
        const inner = Uint8Array.from(leaves.flatMap((node) => encode(node.tag, node.value)));
        const parsed = parseBerTlv(Uint8Array.from(encode(0x30, inner)));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value[0]!.children.map((child) => [child.tag, toHex(child.value)])).toEqual(leaves.map((node) => [node.tag, toHex(node.value)]));
      }),
    );
    fc.assert(
      fc.property(anyBytes, fc.boolean(), (bytes, skipPadding) => {
        const parsed = parseBerTlv(bytes, { skipPadding });
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses absurd nesting instead of recursing without end', () => {
    const depth = 40;
    let bytes: number[] = [0x80, 0x00];
    for (let level = 0; level < depth; level += 1) bytes = [0x30, bytes.length, ...bytes].slice(0, 127 + 2);
    expect(parseBerTlv(Uint8Array.from(bytes.slice(0, 80)))).toMatchObject({ ok: false });
  });
});

describe('PKCS#15 directory files', () => {
  const tlv = (tag: number, ...value: number[][]): number[] => [tag, value.flat().length, ...value.flat()];
  const path = (hex: string) => tlv(0x30, tlv(0x04, [...fromHex(hex)]));

  it('finds the CDF path in an ODF and the certificate paths in a CDF, skipping padding', () => {
    const odf = Uint8Array.from([...tlv(0xa0, path('4401')), ...tlv(0xa4, path('4404')), ...tlv(0xa8, path('4408')), 0xff, 0xff, 0x00]);
    expect(readPkcs15Paths(odf, { kind: 'odf' })).toEqual({ ok: true, paths: [{ path: fromHex('4404'), absolute: false }] });
    const absolute = Uint8Array.from(tlv(0xa4, path('3F00A0004404')));
    expect(readPkcs15Paths(absolute, { kind: 'odf' })).toEqual({ ok: true, paths: [{ path: fromHex('3F00A0004404'), absolute: true }] });
    const certificate = (label: string, id: number, file: string) =>
      tlv(0x30, tlv(0x30, tlv(0x0c, [...new TextEncoder().encode(label)])), tlv(0x30, tlv(0x04, [id])), tlv(0xa1, tlv(0x30, path(file))));
    const cdf = Uint8Array.from([...certificate('SIGN', 1, 'E001'), ...certificate('AUTH', 2, 'E002'), ...new Array<number>(20).fill(0xff)]);
    expect(readPkcs15Paths(cdf, { kind: 'cdf' })).toEqual({ ok: true, paths: [{ path: fromHex('E001'), absolute: false }, { path: fromHex('E002'), absolute: false }] });
    expect(readPkcs15Paths(Uint8Array.from([0xa4, 0x09, 0x30]), { kind: 'odf' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Unreadable PKCS#15 ODF/) });
  });

  it('never throws on any bytes', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('odf' as const, 'cdf' as const), (bytes, kind) => {
        expect(typeof readPkcs15Paths(bytes, { kind }).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('DER length, UID, status words', () => {
  it('reads the DER length from the first bytes only', () => {
    expect(readDerLength(fromHex('3082033A'))).toBe(4 + 0x33a);
    expect(readDerLength(fromHex('3005'))).toBe(7);
    expect(readDerLength(fromHex('FFFF'))).toBeNull();
    fc.assert(fc.property(anyBytes, (bytes) => {
      const length = readDerLength(bytes);
      expect(length === null || (Number.isInteger(length) && length >= 2)).toBe(true);
    }));
  });

  it('normalizes 4/7/10-byte UIDs to upper-case hex and flags random 08… UIDs', () => {
    expect(normalizeUid(fromHex('04a1b2c3d4e5f6'))).toEqual({ ok: true, uid: '04A1B2C3D4E5F6', randomUid: false });
    expect(normalizeUid(fromHex('08123456'))).toEqual({ ok: true, uid: '08123456', randomUid: true });
    expect(normalizeUid(fromHex('0812345678'))).toMatchObject({ ok: false, error: 'Expected a UID of 4, 7 or 10 bytes, got 5' });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
      expect(normalizeUid(bytes).ok).toBe([4, 7, 10].includes(bytes.length));
    }));
  });

  it('classifies status words', () => {
    expect(describeStatusWord(0x90, 0x00).kind).toBe('OK');
    expect(describeStatusWord(0x6c, 0xe7)).toEqual({ kind: 'WRONG_LE', count: 0xe7, hex: '6CE7' });
    expect(describeStatusWord(0x63, 0xc2)).toEqual({ kind: 'WRONG_PIN', count: 2, hex: '63C2' });
    expect(describeStatusWord(0x69, 0x83).kind).toBe('PIN_BLOCKED');
    expect(describeStatusWord(0x62, 0x82).kind).toBe('END_OF_FILE');
    expect(describeStatusWord(0x91, 0xaf).kind).toBe('DESFIRE_MORE_FRAMES');
    fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (sw1, sw2) => {
      expect(describeStatusWord(sw1, sw2).hex).toHaveLength(4);
    }));
  });
});

describe('DESFire GetVersion', () => {
  const frames = (type: number, major: number, storage: number) =>
    Uint8Array.from([0x04, type, 0x01, major, 0x00, storage, 0x05, 0x04, type, 0x01, major, 0x00, storage, 0x05, 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0xba, 0x5e, 0, 0x12, 0x34, 0x21, 0x24]);

  it.each([
    [0x01, 0x01, 0x18, 'EV1', 4096],
    [0x01, 0x12, 0x1a, 'EV2', 8192],
    [0x01, 0x22, 0x1a, 'EV2', 8192],
    [0x01, 0x33, 0x16, 'EV3', 2048],
    [0x08, 0x30, 0x13, 'LIGHT', 512],
    [0x81, 0x33, 0x18, 'EV3', 4096],
    [0x01, 0xa0, 0x18, 'OTHER', 4096],
  ])('type %i major %i storage %i → %s, %i bytes', (type, major, storage, generation, storageBytes) => {
    expect(decodeDesfireVersion(frames(type, major, storage))).toMatchObject({ ok: true, value: { generation, storageBytes, uid: '04112233445566', productionWeek: 21, productionYear: 2024 } });
  });

  it('refuses anything but 28 bytes and never throws', () => {
    expect(decodeDesfireVersion(new Uint8Array(27))).toMatchObject({ ok: false, error: 'Expected 28 bytes of GetVersion data (7 + 7 + 14), got 27' });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      expect(decodeDesfireVersion(bytes).ok).toBe(bytes.length === 28);
    }));
  });
});

describe('CPS certificate', () => {
  it('gives a clear error, never a crash, for garbage and for mutated DER', () => {
    expect(parseCpsCertificate(fromHex('3003020101'))).toMatchObject({ ok: false, error: expect.stringMatching(/^Expected a DER X.509 certificate/) });
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        expect(typeof parseCpsCertificate(Uint8Array.from([0x30, 0x82, bytes.length >> 8, bytes.length & 0xff, ...bytes])).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
