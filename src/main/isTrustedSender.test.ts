import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './isTrustedSender';

describe('isTrustedSender', () => {
  const rendererFile = '/opt/Guichet/resources/app.asar/out/renderer/index.html';

  it('accepts only the packaged renderer page', () => {
    expect(isTrustedSender(`file://${rendererFile}`, { rendererFile })).toBe(true);
    expect(isTrustedSender(`file://${rendererFile}#/person`, { rendererFile })).toBe(true);
    expect(isTrustedSender('file:///tmp/evil.html', { rendererFile })).toBe(false);
    expect(isTrustedSender('https://example.org/', { rendererFile })).toBe(false);
    expect(isTrustedSender(undefined, { rendererFile })).toBe(false);
    expect(isTrustedSender('not a url', { rendererFile })).toBe(false);
  });

  it('accepts the dev server origin in development only', () => {
    const devServerUrl = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/index.html', { devServerUrl, rendererFile })).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', { devServerUrl, rendererFile })).toBe(false);
    expect(isTrustedSender(`file://${rendererFile}`, { devServerUrl, rendererFile })).toBe(false);
  });
});
