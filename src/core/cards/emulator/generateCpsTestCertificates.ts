import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import {
  BasicConstraintsExtension,
  cryptoProvider,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509CertificateGenerator,
  type JsonName,
} from '@peculiar/x509';

cryptoProvider.set(webcrypto as unknown as typeof globalThis.crypto);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export interface CpsHolder {
  idNat: string;
  lastName: string;
  firstName: string;
  profession: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CpsTestCertificates {
  authentication: Uint8Array;
  signature: Uint8Array;
  intermediate: Uint8Array;
  root: Uint8Array;
}

interface TestAuthority {
  root: { der: Uint8Array; keys: CryptoKeyPair; name: JsonName };
  intermediate: { der: Uint8Array; keys: CryptoKeyPair; name: JsonName };
  holderKeys: CryptoKeyPair;
}

let authority: Promise<TestAuthority> | null = null;

const generateKeys = async () => (await webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as unknown as CryptoKeyPair;

/**
 * The TEST chain (never a real IGC-Santé one): a root and a "PERSONNES" CA named like the
 * IGC-Santé ones with "TEST", created once per process. Holders share one test key pair: the
 * emulator never signs, and RSA key generation would dominate the time to build a card.
 */
function loadTestAuthority(): Promise<TestAuthority> {
  authority ??= (async () => {
    const [rootKeys, intermediateKeys, holderKeys] = await Promise.all([generateKeys(), generateKeys(), generateKeys()]);
    const rootName: JsonName = [{ CN: ['AC RACINE IGC-SANTE TEST'] }, { OU: ['IGC-SANTE TEST'] }, { O: ['GUICHET-TEST'] }, { C: ['FR'] }];
    const intermediateName: JsonName = [{ CN: ['AC IGC-SANTE FORT PERSONNES TEST'] }, { OU: ['IGC-SANTE TEST'] }, { O: ['GUICHET-TEST'] }, { C: ['FR'] }];
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2045-01-01T00:00:00Z');
    const root = await X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: rootName,
      notBefore,
      notAfter,
      keys: rootKeys,
      signingAlgorithm: algorithm,
      extensions: [new BasicConstraintsExtension(true, 1, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
    });
    const intermediate = await X509CertificateGenerator.create({
      serialNumber: '02',
      subject: intermediateName,
      issuer: root.subjectName,
      notBefore,
      notAfter,
      publicKey: intermediateKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: algorithm,
      extensions: [new BasicConstraintsExtension(true, 0, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
    });
    return {
      root: { der: new Uint8Array(root.rawData), keys: rootKeys, name: rootName },
      intermediate: { der: new Uint8Array(intermediate.rawData), keys: intermediateKeys, name: intermediateName },
      holderKeys,
    };
  })();
  return authority;
}

/**
 * Authentication (digitalSignature) and signature (nonRepudiation) certificates of a test CPS,
 * with the IGC-Santé subject layout: multi-valued RDN `SN + CN + GN`, then `title`, then `C=FR`.
 */
export async function generateCpsTestCertificates(holder: CpsHolder): Promise<CpsTestCertificates> {
  const { root, intermediate, holderKeys } = await loadTestAuthority();
  const subject: JsonName = [{ SN: [holder.lastName], CN: [holder.idNat], G: [holder.firstName] }, { T: [holder.profession] }, { C: ['FR'] }];
  const issue = async (usage: KeyUsageFlags, serial: string) =>
    new Uint8Array(
      (
        await X509CertificateGenerator.create({
          serialNumber: serial,
          subject,
          issuer: intermediate.name,
          notBefore: holder.notBefore,
          notAfter: holder.notAfter,
          publicKey: holderKeys.publicKey,
          signingKey: intermediate.keys.privateKey,
          signingAlgorithm: algorithm,
          extensions: [new KeyUsagesExtension(usage, true), new BasicConstraintsExtension(false)],
        })
      ).rawData,
    );
  const serialBase = Buffer.from(holder.idNat).toString('hex').slice(-16);
  const [authentication, signature] = await Promise.all([issue(KeyUsageFlags.digitalSignature, `1${serialBase}`), issue(KeyUsageFlags.nonRepudiation, `2${serialBase}`)]);
  return { authentication, signature, intermediate: intermediate.der, root: root.der };
}
