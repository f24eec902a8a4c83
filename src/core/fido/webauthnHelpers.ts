// The lint rule against importing src/server matches this package's `server/helpers` entry point by
// name only; these are SimpleWebAuthn's own codecs and certificate-path checks.
// eslint-disable-next-line no-restricted-imports
export { convertCertBufferToPEM, decodeAttestationObject, decodeClientDataJSON, isoBase64URL, validateCertificatePath } from '@simplewebauthn/server/helpers';
