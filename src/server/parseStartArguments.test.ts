import { describe, expect, it } from 'vitest';
import { parseStartArguments } from './parseStartArguments';

describe('parseStartArguments', () => {
  it('defaults to Electron when available, a free port, and opening a browser', () => {
    expect(parseStartArguments([])).toEqual({ demo: false, forceBrowser: false, port: 0, open: true, help: false, scimProviderPort: null });
  });

  it('demo mode only with an explicit --demo', () => {
    expect(parseStartArguments(['--demo', '--browser']).demo).toBe(true);
    expect(parseStartArguments(['--browser']).demo).toBe(false);
  });

  it('reads --browser, --port N, --port=N and --no-open', () => {
    expect(parseStartArguments(['--browser', '--port', '4780', '--no-open'])).toEqual({
      demo: false,
      forceBrowser: true,
      port: 4780,
      open: false,
      help: false,
      scimProviderPort: null,
    });
    expect(parseStartArguments(['--port=0']).port).toBe(0);
  });

  it('refuses bad ports and unknown options', () => {
    expect(() => parseStartArguments(['--port'])).toThrow(/--port expects/);
    expect(() => parseStartArguments(['--port', '70000'])).toThrow(/--port expects/);
    expect(() => parseStartArguments(['--port', 'abc'])).toThrow(/--port expects/);
    expect(() => parseStartArguments(['--kiosk'])).toThrow(/Unknown option "--kiosk"/);
  });

  it('reads --scim-provider PORT (browser mode), refusing a missing, zero or odd port', () => {
    expect(parseStartArguments(['--demo', '--scim-provider', '4781'])).toMatchObject({ scimProviderPort: 4781, forceBrowser: true });
    expect(parseStartArguments(['--scim-provider=4782']).scimProviderPort).toBe(4782);
    for (const bad of [[], ['0'], ['70000'], ['12ab'], ['-1'], ['4781.5']]) expect(() => parseStartArguments(['--scim-provider', ...bad])).toThrow(/--scim-provider expects/);
  });
});
