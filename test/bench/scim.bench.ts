import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { changeMieStatus } from '../../src/core/enrollment/changeMieStatus';
import { importSources } from '../../src/core/import/importSources';
import { createScimOutbox } from '../../src/core/scim/createScimOutbox';
import { saveScimSettings } from '../../src/core/scim/scimSettings';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { projectRoot } from '../support/startTestDesk';

export const name = 'scim';
export const description =
  'Desk ↔ IAM over SCIM 2.0 against the loopback test IAM (scimmy, its own process): 10 000 acts flushed from the outbox (acts/s, p95 act-to-IAM latency at a steady act rate) and a pull of 50 000 Users (time, peak RSS)';

const acts = Number(process.env.GUICHET_BENCH_SCIM_ACTS ?? 10_000);
const pulledUsers = Number(process.env.GUICHET_BENCH_SCIM_USERS ?? 50_000);
const people = 1000;
const token = 'bench-token';
const clock = { now: () => new Date() };
const agent = { agentId: 'agent-bench', agentName: 'BENCH', desk: 'bench' };
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

/** The IAM as a separate process (its CPU apart from the desk's), with `users` seeded. */
async function startIamProcess(users: number): Promise<{ url: string; child: ChildProcess; cpuSeconds: () => number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/support/scimIam/main.ts'), '--token', token, '--seed-users', String(users)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout!.on('data', (chunk: Buffer) => {
    const match = /SCIM IAM ready: (\S+)/.exec(chunk.toString());
    if (match !== null) resolve(match[1]!);
  }));
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return { url, child, cpuSeconds };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-scim-bench-'));
  process.env.GUICHET_BENCH_SCIM_TOKEN = token;
  const children: ChildProcess[] = [];
  try {
    // Pull first, so the peak RSS is the pull's.
    const pullIam = await startIamProcess(pulledUsers);
    children.push(pullIam.child);
    const pullDb = openDatabase({ path: join(dir, 'pull.sqlite') });
    const parsed = parseSourcesConfig({
      configPath: join(dir, 'sources.json'),
      text: JSON.stringify({
        establishment: { name: 'CHU', finess: ['990000011'] },
        sources: [{ id: 'iam', kind: 'scim', role: 'directory', url: pullIam.url, tokenEnv: 'GUICHET_BENCH_SCIM_TOKEN', pageSize: 500, key: 'id', fields: { adId: 'userName', hrId: 'externalId', lastName: 'name.familyName', firstName: 'name.givenName', email: 'emails' } }],
      }),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const pullStart = performance.now();
    const report = await importSources(pullDb, { config: parsed.config, clock, force: true });
    const pullSeconds = (performance.now() - pullStart) / 1000;
    console.log(
      `pull of ${report.sources.iam?.imported} Users (500 per page): ${pullSeconds.toFixed(1)} s (${Math.round(pulledUsers / pullSeconds)} Users/s), desk peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, IAM CPU ${pullIam.cpuSeconds().toFixed(1)} s`,
    );
    pullDb.close();
    pullIam.child.kill();

    const iam = await startIamProcess(people);
    children.push(iam.child);
    const db = openDatabase({ path: join(dir, 'desk.sqlite') });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    saveScimSettings(db, { url: iam.url, tokenEnv: 'GUICHET_BENCH_SCIM_TOKEN', allowCreate: false, checkBeforeBind: false });
    const insert = db.prepare("INSERT INTO identities (id, last_name, first_name, hr_id, status, search_text, created_at, updated_at) VALUES (?, ?, 'Prénom', ?, 'active', '', ?, ?)");
    const now = new Date().toISOString();
    db.transaction(() => {
      for (let index = 0; index < people; index += 1) insert.run(`p-${index}`, `NOM${index}`, `H${index}`, now, now);
    })();
    const badges = Array.from({ length: people }, (_, index) => bindMie(db, clock, { actor: agent, identityId: `p-${index}`, kind: 'badge', identifier: `B-${index}` }));
    const actStart = performance.now();
    for (let index = people; index < acts; index += 1) {
      const badge = badges[index % people]!;
      changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action: Math.floor(index / people) % 2 === 1 ? 'suspend' : 'resume', reason: 'bench' });
    }
    const actMs = performance.now() - actStart;
    console.log(`${acts} acts written with their outbox rows: ${(acts - people) / (actMs / 1000) | 0} acts/s on the desk (journal + history + outbox in one transaction each)`);

    const outbox = createScimOutbox({ db, clock });
    const cpuBefore = iam.cpuSeconds();
    const flushStart = performance.now();
    let flushed = 0;
    for (;;) {
      const round = await outbox.flush();
      flushed += round.sent;
      if (round.sent === 0) break;
    }
    const flushSeconds = (performance.now() - flushStart) / 1000;
    const iamCpu = iam.cpuSeconds() - cpuBefore;
    console.log(
      `burst: ${flushed} queued acts flushed in ${flushSeconds.toFixed(1)} s = ${Math.round(flushed / flushSeconds)} acts/s to the IAM (4 Users at a time, order kept per User); IAM CPU ${iamCpu.toFixed(1)} s (${Math.round((100 * iamCpu) / flushSeconds)} % of one core: partly server-bound, docs/scim.md)`,
    );

    // Steady: acts at a desk-like rate with the outbox running as in the desk (kicked after each act).
    outbox.start(1000);
    const steady = 400;
    const statusOf = new Map(db.prepare('SELECT id, status FROM mie').all().map((row) => [(row as { id: string }).id, (row as { status: string }).status]));
    for (let index = 0; index < steady; index += 1) {
      const badge = badges[index % people]!;
      const action = statusOf.get(badge.id) === 'active' ? 'suspend' : 'resume';
      statusOf.set(badge.id, action === 'suspend' ? 'suspended' : 'active');
      changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action, reason: 'bench' });
      outbox.kick();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    for (let wait = 0; wait < 200 && outbox.status().pending > 0; wait += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    outbox.stop();
    const latencies = (db.prepare("SELECT (julianday(sent_at) - julianday(created_at)) * 86400000 AS ms FROM scim_outbox WHERE state = 'sent' ORDER BY id DESC LIMIT ?").pluck().all(steady) as number[]);
    console.log(`steady: ${steady} acts at 40 acts/s, act-to-IAM latency p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
    db.close();
    iam.child.kill();
  } finally {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
