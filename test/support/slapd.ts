import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Slapd {
  url: string;
  suffix: string;
  /** A plain reader account (the root DN would bypass the size limit). */
  bindDN: string;
  password: string;
  stop(): Promise<void>;
}

export interface StartSlapdOptions {
  /** LDIF content loaded with slapadd before the server starts (entries under `suffix`). */
  ldif: string;
  suffix?: string;
  /** Server-side limit on a search without paging: proves a client pages. */
  sizeLimit?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) return reject(new Error(`slapd exited with code ${child.exitCode}`));
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`slapd did not listen on port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * A throwaway OpenLDAP server for tests: its own config (`slapd -f`), MDB database and random
 * loopback port in a temp folder, loaded offline with slapadd, stopped and deleted by `stop()`.
 */
export async function startSlapd({ ldif, suffix = 'dc=laporteverte,dc=test', sizeLimit = 20 }: StartSlapdOptions): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-slapd-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const password = 'test-only-secret';
  const rootDN = `cn=admin,${suffix}`;
  const bindDN = `cn=reader,${suffix}`;
  const configPath = join(dir, 'slapd.conf');
  writeFileSync(
    configPath,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `argsfile ${join(dir, 'slapd.args')}`,
      // Unpaged searches stop at sizeLimit; paged ones may read everything.
      `sizelimit size.soft=${sizeLimit} size.hard=${sizeLimit} size.prtotal=unlimited`,
      'database mdb',
      'maxsize 33554432',
      `suffix "${suffix}"`,
      `rootdn "${rootDN}"`,
      `rootpw ${password}-root`,
      `directory ${dataDir}`,
      '',
    ].join('\n'),
  );
  const ldifPath = join(dir, 'entries.ldif');
  const reader = ['', `dn: ${bindDN}`, 'objectClass: person', 'objectClass: simpleSecurityObject', 'cn: reader', 'sn: reader', `userPassword: ${password}`, ''];
  writeFileSync(ldifPath, `${ldif}\n${reader.join('\n')}`);
  const load = spawnSync('/usr/sbin/slapadd', ['-f', configPath, '-l', ldifPath], { encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`slapadd failed: ${load.stderr}`);
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child = spawn('/usr/sbin/slapd', ['-f', configPath, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForPort(port, child, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return {
    url,
    suffix,
    bindDN,
    password,
    stop: () =>
      new Promise((resolve) => {
        const done = (): void => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
