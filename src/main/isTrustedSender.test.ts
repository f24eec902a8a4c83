import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './isTrustedSender';

describe('isTrustedSender', () => {
  it('accepts only the packaged renderer on app://guichet/', () => {
    expect(isTrustedSender('app://guichet/index.html')).toBe(true);
    expect(isTrustedSender('app://guichet/index.html#/person')).toBe(true);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('app://user@guichet/index.html')).toBe(false);
    expect(isTrustedSender('file:///opt/Guichet/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isTrustedSender('https://guichet/')).toBe(false);
    expect(isTrustedSender('https://sso.hopital.fr/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
  });

  it('accepts the dev server origin in development only', () => {
    const devServerUrl = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/index.html', { devServerUrl })).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', { devServerUrl })).toBe(false);
    expect(isTrustedSender('app://guichet/index.html', { devServerUrl })).toBe(false);
  });
});
