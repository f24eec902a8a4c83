import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeskError } from '../../shared/api/errors';
import { storeKeyBytes, type StoreKeyProvider } from './StoreKeyProvider';

const keyPattern = new RegExp(`^[0-9a-f]{${storeKeyBytes * 2}}$`);

/**
 * The store key in a file readable by its owner only (0600), as 64 hex digits: created at the
 * first start, refused when others may read it (like ssh with a private key) or when it is not a
 * key. Browser mode and the CLI use it; Electron keeps its key in the OS keychain instead.
 */
export function createKeyFileProvider({ path, platform = process.platform }: { path: string; platform?: NodeJS.Platform }): StoreKeyProvider {
  const checkOwnerOnly = (): void => {
    // Windows has no mode bits: the file inherits the profile folder's ACL.
    if (platform === 'win32') return;
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new DeskError('PRECONDITION_FAILED', {
        fr: `Le fichier de clé ${path} est lisible par d’autres comptes (droits ${mode.toString(8)}) : réservez-le à son propriétaire (chmod 600 ${path}) avant de démarrer Guichet.`,
        en: `The key file ${path} can be read by other accounts (mode ${mode.toString(8)}): restrict it to its owner (chmod 600 ${path}) before starting Guichet.`,
      }, { path, mode: mode.toString(8) });
    }
  };

  const create = (): Buffer => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const key = randomBytes(storeKeyBytes);
    // 'wx': never overwrite a key another process wrote meanwhile (its database would be lost).
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return key;
  };

  return {
    location: path,
    readOrCreateKey() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        try {
          return create();
        } catch (createError) {
          if ((createError as NodeJS.ErrnoException).code !== 'EEXIST') throw createError;
          text = readFileSync(path, 'utf8');
        }
      }
      checkOwnerOnly();
      const hex = text.trim().toLowerCase();
      if (!keyPattern.test(hex)) {
        throw new DeskError('PRECONDITION_FAILED', {
          fr: `Le fichier de clé ${path} ne contient pas une clé Guichet (${storeKeyBytes * 2} chiffres hexadécimaux attendus) : remettez le fichier d’origine.`,
          en: `The key file ${path} does not hold a Guichet key (expected ${storeKeyBytes * 2} hex digits): put the original file back.`,
        }, { path });
      }
      return Buffer.from(hex, 'hex');
    },
  };
}
