import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/startTestDesk';

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-start-'));
afterAll(async () => {
  // npm → tsx → node: stop the whole process group, not just npm, and let it close its store before the folder goes.
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

describe('npm start', () => {
  it('starts browser mode on a fresh machine and prints one ready line', async () => {
    child = spawn('npm', ['start', '--', '--browser', '--no-open', '--port', '0'], {
      cwd: projectRoot,
      env: { ...process.env, GUICHET_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const ready = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line after 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^Guichet ready: (http:\/\/localhost:\d+\/\?launch=[\w-]+)$/m.exec(output);
        if (match !== null) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    const response = await fetch(ready);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });
});
