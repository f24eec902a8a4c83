import type { CreatePcscBinding } from './pcscBinding';

export type PcscBindingLoad = { ok: true; create: CreatePcscBinding } | { ok: false; detail: string };

/** The optional native binding; a variable specifier so neither tsc nor the bundler need it present. */
const bindingPackage = '@pokusew/pcsclite';

/**
 * Loads the PC/SC binding, or says in French why the desk has no real readers: not installed
 * (`npm ci` without libpcsclite-dev skips optional dependencies that fail to build), not built,
 * built for another runtime (Node vs Electron ABI), or libpcsclite missing from the system.
 */
export async function loadPcscBinding(importModule: (specifier: string) => Promise<unknown> = (specifier) => import(specifier)): Promise<PcscBindingLoad> {
  try {
    const loaded = (await importModule(bindingPackage)) as { default?: CreatePcscBinding } & CreatePcscBinding;
    const create = typeof loaded.default === 'function' ? loaded.default : loaded;
    if (typeof create !== 'function') return { ok: false, detail: `lecteurs PC/SC indisponibles : ${bindingPackage} n'exporte pas de fonction` };
    return { ok: true, create };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
        ? `le module ${bindingPackage} n'est pas installé (il se compile avec libpcsclite-dev : apt install libpcsclite-dev puis npm ci)`
        : /Could not locate the bindings file/.test(message)
          ? `le module ${bindingPackage} n'a pas été compilé (npm rebuild ${bindingPackage})`
          : /NODE_MODULE_VERSION/.test(message)
            ? `le module ${bindingPackage} est compilé pour un autre runtime (${message.split('\n')[0]})`
            : message.split('\n')[0];
    return { ok: false, detail: `lecteurs PC/SC indisponibles : ${reason}` };
  }
}
