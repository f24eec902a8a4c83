import { describe, expect, it } from 'vitest';
import { loadPcscBinding } from './loadPcscBinding';

const failing = (error: Error & { code?: string }) => () => Promise.reject(error);

describe('loadPcscBinding', () => {
  it('loads the installed binding', async () => {
    const load = await loadPcscBinding();
    expect(load.ok).toBe(true);
  });

  it('says in French why there are no real readers', async () => {
    const missing = Object.assign(new Error("Cannot find package '@pokusew/pcsclite'"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(await loadPcscBinding(failing(missing))).toEqual({ ok: false, detail: expect.stringMatching(/^lecteurs PC\/SC indisponibles : le module @pokusew\/pcsclite n'est pas installé .*libpcsclite-dev/) });
    const unbuilt = new Error('Could not locate the bindings file. Tried:\n → /x/build/pcsclite.node');
    expect(await loadPcscBinding(failing(unbuilt))).toEqual({ ok: false, detail: expect.stringMatching(/n'a pas été compilé/) });
    const otherAbi = new Error('The module was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.');
    expect(await loadPcscBinding(failing(otherAbi))).toEqual({ ok: false, detail: expect.stringMatching(/compilé pour un autre runtime/) });
    const noLibrary = new Error('libpcsclite.so.1: cannot open shared object file: No such file or directory');
    expect(await loadPcscBinding(failing(noLibrary))).toEqual({ ok: false, detail: 'lecteurs PC/SC indisponibles : libpcsclite.so.1: cannot open shared object file: No such file or directory' });
  });
});
