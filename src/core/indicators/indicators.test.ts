import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { IndicatorDashboard } from '../../shared/api/indicators.contract';
import { buildIndicatorFixture, fixtureClock } from './buildIndicatorFixture';
import { listIndicatorItems } from './listIndicatorItems';
import { measureIndicators } from './measureIndicators';
import { percentile } from './percentile';

let db: Database.Database;
let dashboard: IndicatorDashboard;
const value = (key: string) => {
  const figure = dashboard.figures.find((candidate) => candidate.key === key);
  if (figure === undefined) throw new Error(`no figure ${key}`);
  return figure;
};
const listed = (key: string) => listIndicatorItems(db, { clock: fixtureClock, key }).items.map((item) => item.id);

beforeEach(() => {
  db = buildIndicatorFixture();
  dashboard = measureIndicators(db, { clock: fixtureClock, periodDays: 30 });
});
afterEach(() => db.close());

// Every expected value below is worked out from the rows of buildIndicatorFixture, not by the code.
describe('directory indicators', () => {
  it('rppsAlignment: 2 of the 3 active health professionals carry a register-confirmed RPPS', () => {
    // Médecin p1 (automatic register link), Infirmière p5 (validated link) aligned; Infirmier p2 has no RPPS;
    // Pharmacien p4 has left; the secretary p3 is no health professional.
    expect(value('rppsAlignment')).toMatchObject({ value: 66.7, counted: { part: 2, whole: 3 }, unit: 'percent' });
    expect(listed('rppsAlignment')).toEqual(['p2']);
  });

  it('identityReconciliation: automatic p1 p4, by review p3 p5, not yet p2 (pending) p7 p8 p9 (HR only), of 8', () => {
    expect(value('identityReconciliation:automatic')).toMatchObject({ value: 2, counted: { part: 2, whole: 8 } });
    expect(value('identityReconciliation:review')).toMatchObject({ value: 2, counted: { part: 2, whole: 8 } });
    expect(value('identityReconciliation:pending')).toMatchObject({ value: 4, counted: { part: 4, whole: 8 } });
    expect(listed('identityReconciliation:review').sort()).toEqual(['p3', 'p5']);
  });

  it('sourceLinkRate: records present per source and the share linked', () => {
    // AD: 8 accounts, linked amartin lpetit lpetit2 mroux (pdurand is only pending) → 4/8.
    expect(value('sourceLinkRate:ad')).toMatchObject({ value: 50, counted: { part: 4, whole: 8 } });
    // Register: R1 R5 R9 present (R8 removed), R1 and R5 linked → 2/3.
    expect(value('sourceLinkRate:rpps')).toMatchObject({ value: 66.7, counted: { part: 2, whole: 3 } });
    expect(value('sourceLinkRate:sirh')).toMatchObject({ value: 100, counted: { part: 8, whole: 8 } });
    expect(value('sourceLinkRate:dpi')).toMatchObject({ value: 50, counted: { part: 1, whole: 2 } });
    expect(listed('sourceLinkRate:ad')).toEqual(['ad/admin.x', 'ad/jdoe', 'ad/pdurand', 'ad/svc_backup']);
  });

  it('reviewQueue and its age: pdurand waits since the AD import of 23 November 08:00 → 10 days on 3 December 10:00', () => {
    expect(value('reviewQueue').value).toBe(1);
    expect(value('reviewQueueAge').value).toBe(10);
    expect(listed('reviewQueue')).toEqual(['ad/pdurand']);
  });
});

describe('orphan and dormant accounts', () => {
  it('orphanAccounts per source and reason', () => {
    // AD: mroux departed (Marc ROUX left on 20 Nov), jdoe unknown, svc_backup (no name) and admin.x (service name) generic,
    // lpetit2 duplicate of lpetit (score 80 < 90) → 5 of 8.
    expect(value('orphanAccounts:ad')).toMatchObject({ value: 5, counted: { part: 5, whole: 8 } });
    expect(value('orphanAccounts:ad/departed').value).toBe(1);
    expect(value('orphanAccounts:ad/unknown').value).toBe(1);
    expect(value('orphanAccounts:ad/generic').value).toBe(2);
    expect(value('orphanAccounts:ad/duplicate').value).toBe(1);
    expect(value('orphanAccounts:ad').label.fr).toBe('Comptes orphelins AD');
    expect(listed('orphanAccounts:ad')).toEqual(['ad/admin.x', 'ad/jdoe', 'ad/lpetit2', 'ad/mroux', 'ad/svc_backup']);
    expect(listed('orphanAccounts:ad/generic')).toEqual(['ad/admin.x', 'ad/svc_backup']);
    // DPI: zz has no name → generic, 1 of 2. The register and HR have no orphan figure.
    expect(value('orphanAccounts:dpi')).toMatchObject({ value: 1, counted: { part: 1, whole: 2 } });
    expect(dashboard.figures.some((figure) => figure.key.startsWith('orphanAccounts:rpps'))).toBe(false);
  });

  it('dormantAccounts: enabled (or not said otherwise) and last logon before 4 September 2026 (90 days)', () => {
    // amartin (1 Jan), mroux (1 Aug, enabled not stated), svc_backup (2025); jdoe is disabled, pdurand logged on in November.
    expect(value('dormantAccounts:ad')).toMatchObject({ value: 3, counted: { part: 3, whole: 8 } });
    expect(listed('dormantAccounts:ad')).toEqual(['ad/svc_backup', 'ad/amartin', 'ad/mroux']);
    expect(value('dormantAccounts:dpi').value).toBe(0);
  });
});

describe('identification means', () => {
  it('meansCoverage of the 4 active staff p1 p2 p3 p5', () => {
    expect(value('meansCoverage:cps')).toMatchObject({ value: 25, counted: { part: 1, whole: 4 } }); // p1
    expect(value('meansCoverage:badge')).toMatchObject({ value: 25, counted: { part: 1, whole: 4 } }); // p2 (p3's is suspended)
    expect(value('meansCoverage:fido')).toMatchObject({ value: 50, counted: { part: 2, whole: 4 } }); // p1 p3
    expect(value('meansCoverage:none')).toMatchObject({ value: 25, counted: { part: 1, whole: 4 } }); // p5
    expect(listed('meansCoverage:none')).toEqual(['p5']);
  });

  it('professionalsWithoutCps: p2 and p5 of the 3 active health professionals', () => {
    expect(value('professionalsWithoutCps')).toMatchObject({ value: 2, counted: { part: 2, whole: 3 } });
    expect(listed('professionalsWithoutCps').sort()).toEqual(['p2', 'p5']);
  });

  it('backupFidoKeys: 1 backup key over 2 holders; p3 has none', () => {
    expect(value('backupFidoKeys')).toMatchObject({ value: 0.5, counted: { part: 1, whole: 2 } });
    expect(listed('backupFidoKeys')).toEqual(['p3']);
  });

  it('meansExpiringSoon: p2’s badge ends on 20 December; temporary cards and later ends do not count', () => {
    expect(value('meansExpiringSoon').value).toBe(1);
    expect(listed('meansExpiringSoon')).toEqual(['m2badge']);
  });

  it('lostOrStolenThisMonth: the badge lost on 1 December, not the one stolen on 28 November', () => {
    expect(value('lostOrStolenThisMonth').value).toBe(1);
    expect(listed('lostOrStolenThisMonth')).toEqual(['m2old']);
  });
});

describe('leavers', () => {
  it('leaverRevocationDelay: p7 2.5 d (badge suspended 3 Nov 12:00), p8 10 d, p9 0 d (returned before the end) → p50 2.5, p95 10', () => {
    expect(value('leaverRevocationDelay:p50')).toMatchObject({ value: 2.5, counted: { part: 3, whole: 3 } });
    expect(value('leaverRevocationDelay:p95').value).toBe(10);
    expect(listed('leaverRevocationDelay:p95')).toEqual(['p8', 'p7', 'p9']);
  });

  it('departedHoldingMeans: Marc ROUX left on 20 November with an active badge → 1, an alert', () => {
    expect(value('departedHoldingMeans')).toMatchObject({ value: 1, status: 'alert' });
    expect(listed('departedHoldingMeans')).toEqual(['p4']);
  });

  it('leaverReviewsOverdue: p4’s review was due on 27 November; p9’s is due on 5 December, p7’s is settled', () => {
    expect(value('leaverReviewsOverdue').value).toBe(1);
    expect(listed('leaverReviewsOverdue')).toEqual(['l4']);
  });
});

describe('night desk', () => {
  it('counts over the last 30 days: i1 i2 i3 issued (i4 on 1 October is older), i1 outstanding, i2 overdue', () => {
    expect(value('temporaryCardsIssued').value).toBe(3);
    expect(value('temporaryCardsOutstanding').value).toBe(1);
    expect(value('temporaryCardsOverdue')).toMatchObject({ value: 1, status: 'alert' });
    expect(listed('temporaryCardsOverdue')).toEqual(['i2']);
  });

  it('temporaryIssueTime: 2, 5 and 20 minutes → p50 5, p95 20 above the 15-minute ceiling', () => {
    expect(value('temporaryIssueTime:p50')).toMatchObject({ value: 5, status: 'ok' });
    expect(value('temporaryIssueTime:p95')).toMatchObject({ value: 20, status: 'alert' });
  });

  it('temporaryIssueTime over 365 days adds i4 (1 minute): 1, 2, 5, 20 → p50 2, p95 20', () => {
    const year = measureIndicators(db, { clock: fixtureClock, periodDays: 365 });
    expect(year.figures.find((figure) => figure.key === 'temporaryIssueTime:p50')?.value).toBe(2);
    expect(year.figures.find((figure) => figure.key === 'temporaryCardsIssued')?.value).toBe(4);
  });

  it('regularizationsPending: p6’s task is open, the other one confirmed', () => {
    expect(value('regularizationsPending').value).toBe(1);
    expect(listed('regularizationsPending')).toEqual(['r1']);
  });
});

describe('the dashboard', () => {
  it('gives every figure a definition in French and English, and the establishment', () => {
    expect(dashboard.establishment).toEqual({ name: 'Hôpital Fixture', finess: ['750000001'] });
    for (const figure of dashboard.figures) {
      expect(figure.definition.fr.length).toBeGreaterThan(40);
      expect(figure.definition.en.length).toBeGreaterThan(40);
      expect(figure.label.fr).not.toMatch(/\{/);
    }
  });

  it('lists items with dates through the formatter and means kinds by their label, in both languages', () => {
    const details = dashboard.figures.flatMap((figure) => {
      try {
        return listIndicatorItems(db, { clock: fixtureClock, key: figure.key }).items.map((item) => item.detail);
      } catch {
        return []; // a figure without a list
      }
    });
    expect(details.length).toBeGreaterThan(10);
    for (const detail of details) {
      for (const text of [detail.fr, detail.en]) {
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(text).not.toMatch(/\b(temporary-badge|badge|cps|fido) [0-9A-F]/);
      }
    }
    // p4's review was due on 27 November (a calendar day: no zone moves it).
    expect(listIndicatorItems(db, { clock: fixtureClock, key: 'leaverReviewsOverdue' }).items[0]?.detail).toEqual({ fr: 'échéance le 27/11/2026', en: 'due 27 Nov 2026' });
  });

  it('refuses to list an unknown figure with a French message', () => {
    const frenchMessageOf = (key: string) => {
      try {
        listIndicatorItems(db, { clock: fixtureClock, key });
      } catch (error) {
        return error instanceof DeskError ? `${error.code} ${error.localized.fr}` : String(error);
      }
      return 'listed';
    };
    expect(frenchMessageOf('orphanAccounts:nowhere')).toBe('NOT_FOUND Aucun chiffre « orphanAccounts:nowhere » au tableau de bord (source inconnue ?).');
    expect(frenchMessageOf('nothing')).toBe('NOT_FOUND Indicateur inconnu ou sans liste : « nothing ».');
  });

  it('percentile is the nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([4, 1, 3, 2], 95)).toBe(4);
  });
});
