import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveWorkerEntry } from './resolveWorkerEntry';

describe('resolveWorkerEntry', () => {
  it('turns a module URL with spaces and accents into a real path', () => {
    const entry = resolveWorkerEntry('file:///home/agent%20d%C3%A9sk/guichet/out/main/chunk.js');
    expect(entry).toEqual({ path: '/home/agent désk/guichet/out/main/runPcscWorker.js', execArgv: [] });
  });

  it('runs the TypeScript worker under tsx from the sources', () => {
    const entry = resolveWorkerEntry();
    expect(entry.execArgv).toEqual(['--import', 'tsx']);
    expect(existsSync(entry.path)).toBe(true);
  });
});
