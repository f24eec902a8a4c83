import 'reflect-metadata';
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509';

export interface CpsCertificate {
  idNat: string;
  rpps: string | null;
  lastName: string;
  firstName: string;
  profession: string;
  notBefore: string;
  notAfter: string;
  /** keyUsage digitalSignature: the authentication certificate (preferred over signature). */
  authentication: boolean;
  issuer: string;
}

export type CpsCertificateResult = { ok: true; value: CpsCertificate } | { ok: false; error: string };

const oids = { surname: '2.5.4.4', commonName: '2.5.4.3', givenName: '2.5.4.42', title: '2.5.4.12' };

/**
 * Reads an IGC-Santé professional certificate: subject `SN + CN + GN` (multi-valued RDN), `title`,
 * CN = idNat (type prefix + identifier; prefix 8 = RPPS). Never throws: unparseable DER, old
 * certificates without idNat or exotic key algorithms give a clear `{ok:false}`.
 */
export function parseCpsCertificate(der: Uint8Array): CpsCertificateResult {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Uint8Array.from(der));
  } catch (error) {
    return { ok: false, error: `Expected a DER X.509 certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const field = (oid: string) => certificate.subjectName.getField(oid)[0]?.trim() ?? '';
    const idNat = field(oids.commonName);
    if (!/^\d[0-9A-Za-z/]{1,40}$/.test(idNat)) {
      return { ok: false, error: `Expected a CN holding the idNat (digit prefix + identifier), got "${idNat.slice(0, 60)}": not an IGC-Santé professional certificate` };
    }
    const lastName = field(oids.surname);
    const firstName = field(oids.givenName);
    if (lastName === '' || firstName === '') return { ok: false, error: 'Expected SN and GN (last and first name) in the certificate subject' };
    const keyUsage = certificate.getExtension(KeyUsagesExtension);
    const authentication = keyUsage === null ? false : (keyUsage.usages & KeyUsageFlags.digitalSignature) !== 0 && (keyUsage.usages & KeyUsageFlags.nonRepudiation) === 0;
    return {
      ok: true,
      value: {
        idNat,
        rpps: /^8\d{11}$/.test(idNat) ? idNat.slice(1) : null,
        lastName,
        firstName,
        profession: field(oids.title),
        notBefore: certificate.notBefore.toISOString(),
        notAfter: certificate.notAfter.toISOString(),
        authentication,
        issuer: certificate.issuer,
      },
    };
  } catch (error) {
    return { ok: false, error: `Unreadable certificate content: ${error instanceof Error ? error.message : String(error)}` };
  }
}
