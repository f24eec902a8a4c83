import { generateDemoHospital } from '../../src/core/demo/generateDemoHospital';
import { seedDemoDirectory } from '../../src/core/demo/seedDemoDirectory';
import { bindMie } from '../../src/core/enrollment/bindMie';
import type { Actor } from '../../src/core/journal/journalTypes';
import { runLeaverCheck } from '../../src/core/leavers/runLeaverCheck';
import { expireTemporaryCards } from '../../src/core/nightdesk/expireTemporaryCards';
import { issueTemporaryCard } from '../../src/core/nightdesk/issueTemporaryCard';
import { defaultNightDeskSettings } from '../../src/core/nightdesk/nightDeskSettings';
import { openDatabase } from '../../src/core/store/openDatabase';

export const name = 'nightdesk';
export const description = 'night desk core: temporary issuance latency (forgotten card included), expiry catch-up after the desk was closed, leaver check over the demo hospital';

let nowMs = Date.parse('2026-11-29T02:10:00Z');
const clock = { now: () => new Date(nowMs) };
const actor: Actor = { agentId: null, agentName: 'bench', desk: 'bench' };

function summarize(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${label.padEnd(52)} n=${String(sorted.length).padStart(4)}  median ${at(0.5).toFixed(2).padStart(7)} ms  p95 ${at(0.95).toFixed(2).padStart(7)} ms  max ${sorted.at(-1)!.toFixed(2).padStart(7)} ms`);
}

export async function run(): Promise<void> {
  const db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
  const people = db.prepare("SELECT id FROM identities WHERE status = 'active' AND id NOT IN (SELECT identity_id FROM agents)").all() as { id: string }[];
  const insertPoolCard = db.prepare("INSERT INTO temporary_pool (identifier, card_type, label, state, registered_by, registered_at, updated_at) VALUES (?, 'DESFIRE', ?, 'available', 'bench', '', '')");
  people.forEach((_, index) => insertPoolCard.run(`04BE${String(index).padStart(10, '0')}`, `T-${index + 1}`));
  // Half of them hold a main badge: their issuance is a forgotten card (suspend + bind in one transaction).
  people.forEach((person, index) => index % 2 === 0 && bindMie(db, clock, { actor, identityId: person.id, kind: 'badge', identifier: `04AB${String(index).padStart(10, '0')}` }));

  const issuance: number[] = [];
  for (const [index, person] of people.entries()) {
    const started = performance.now();
    issueTemporaryCard(db, clock, { actor, settings: defaultNightDeskSettings, holder: { source: 'person', identityId: person.id }, cardIdentifier: `04BE${String(index).padStart(10, '0')}` });
    issuance.push(performance.now() - started);
  }
  summarize('issue a temporary card (core transaction)', issuance);

  nowMs += 73 * 3_600_000;
  let started = performance.now();
  const expired = expireTemporaryCards(db, clock, { actor });
  const expiryMs = performance.now() - started;
  const restored = (db.prepare("SELECT COUNT(*) AS n FROM mie WHERE kind = 'badge' AND status = 'active'").get() as { n: number }).n;
  console.log(`expiry catch-up after 73 h closed: ${expired} cards expired, ${restored} main badges restored, in ${expiryMs.toFixed(0)} ms (${(expiryMs / expired).toFixed(2)} ms per card)`);

  started = performance.now();
  const idle = runLeaverCheck(db, clock, { actor, trigger: 'schedule', maxShare: 0.05 });
  console.log(`leaver check with no leaver (the every-minute tick): ${idle.outcome} in ${(performance.now() - started).toFixed(1)} ms over ${people.length} identities`);
  db.prepare("UPDATE identities SET hr_end_date = '2026-11-30' WHERE id IN (SELECT identity_id FROM mie WHERE kind = 'badge' AND status = 'active' LIMIT 12)").run();
  started = performance.now();
  const applied = runLeaverCheck(db, clock, { actor, trigger: 'import', maxShare: 0.05 });
  console.log(`leaver check suspending ${applied.reviews} leavers (${applied.suspendedMies} MIE): ${applied.outcome} in ${(performance.now() - started).toFixed(1)} ms`);
  db.close();
}
