import { describe, expect, it } from 'vitest';
import { formatRppsExtractLine } from './formatRppsExtractLine';
import { readRegisterActivities } from './readRegisterActivities';
import { readRegisterFiness } from './readRegisterFiness';

const row = { "Type d'identifiant PP": '8', 'Identifiant PP': '10100271385', 'Numéro FINESS site': '990000011', 'Numéro FINESS établissement juridique': '990000003' };

/** What the activities say: each site and legal entity once, in row order. */
function finessOfActivities(rawJson: string): string[] {
  return [...new Set(readRegisterActivities(rawJson).flatMap((activity) => [activity.finessSite, activity.finessEj]).filter((finess) => finess !== ''))];
}

describe('readRegisterFiness', () => {
  it('reads the sites and legal entities of every row, each once, as the activities give them', () => {
    const lines = [
      formatRppsExtractLine(row),
      formatRppsExtractLine({ ...row, 'Numéro FINESS site': '750000001' }, 52),
      formatRppsExtractLine({ ...row, 'Numéro FINESS site': '', 'Numéro FINESS établissement juridique': '' }),
      // Cut short: before the site, then between the site and the legal entity.
      '8|10100271385|810100271385',
      `${'x|'.repeat(21)}690000001`,
    ];
    const raw = JSON.stringify({ lines });
    expect(readRegisterFiness(raw)).toEqual(['990000011', '990000003', '750000001', '690000001']);
    expect(readRegisterFiness(raw)).toEqual(finessOfActivities(raw));
  });

  it('finds nothing in a raw form without rows', () => {
    expect(readRegisterFiness('{}')).toEqual([]);
    expect(readRegisterFiness(JSON.stringify({ lines: ['', 42] }))).toEqual([]);
  });
});
