import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createSeededRandom } from '../../src/core/demo/createSeededRandom';
import { formatRppsExtractLine, type RppsExtractColumn } from '../../src/core/import/formatRppsExtractLine';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';

const lastNames = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'LÉGER', 'NOËL'];
const firstNames = ['MARIE', 'JEAN', 'ANAÏS', 'PIERRE', 'CHLOÉ', 'LUCAS', 'HÉLÈNE', 'PAUL'];
const professions = [['10', 'Médecin'], ['60', 'Infirmier'], ['21', 'Pharmacien'], ['50', 'Sage-Femme']] as const;

/** A register extract of `rows` rows in the published layout: ~1.3 activities per professional. */
export async function writeRegisterExtract(path: string, rows: number, seed = 2026): Promise<void> {
  const random = createSeededRandom(seed);
  const out = createWriteStream(path);
  out.write(`${formatRppsExtractLine('header')}\n`);
  let person = 0;
  for (let written = 0; written < rows; ) {
    person += 1;
    const rpps = appendRppsCheckDigit(String(1_000_000_000 + person));
    const activities = random.chance(0.3) ? 2 : 1;
    const [code, label] = random.pick(professions);
    for (let activity = 0; activity < activities && written < rows; activity += 1, written += 1) {
      const finess = `75${String(random.integer(1_000_000, 9_999_999))}`;
      const values: Partial<Record<RppsExtractColumn, string>> = {
        "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, "Nom d'exercice": random.pick(lastNames), "Prénom d'exercice": random.pick(firstNames),
        'Code profession': code, 'Libellé profession': label, 'Code mode exercice': 'S', 'Libellé mode exercice': 'Salarié', 'Numéro FINESS site': finess,
        'Numéro FINESS établissement juridique': finess, 'Raison sociale site': 'CENTRE HOSPITALIER', 'Libellé commune (coord. structure)': 'PARIS', 'Code rôle': 'FON-01', 'Libellé rôle': 'Titulaire',
      };
      if (!out.write(`${formatRppsExtractLine(values)}\n`)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}
