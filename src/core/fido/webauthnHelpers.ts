// SimpleWebAuthn's own codecs and certificate-path checks, in one place.
export { convertCertBufferToPEM, decodeAttestationObject, decodeClientDataJSON, isoBase64URL, validateCertificatePath } from '@simplewebauthn/server/helpers';
