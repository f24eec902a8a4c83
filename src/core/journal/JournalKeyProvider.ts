/**
 * Where the journal's HMAC key comes from: never from the store itself. Browser mode and the CLI
 * use a key file beside the store (createKeyFileProvider); Electron can give one kept by the OS
 * keychain. 32 random bytes.
 */
export interface JournalKeyProvider {
  readKey(): Buffer;
}
