import type Database from 'better-sqlite3';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ReceiptFile } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { labelCardModel } from '../../shared/cards/cardModelLabels';
import { labelService } from '../../shared/directory/serviceLabels';
import { formatDateTimeInWords, formatDayInWords } from '../../shared/text/formatDates';
import { deskTimeZone } from '../clock';
import { readMieOrFail } from '../enrollment/changeMieStatus';

const kindLabels: Record<string, string> = {
  cps: 'Carte CPS',
  badge: 'Badge sans contact',
  fido: 'Clé de sécurité FIDO2',
  'temporary-badge': 'Badge temporaire',
};

/** The standard PDF fonts speak WinAnsi only: keep French letters, replace anything else. */
function printable(font: PDFFont, text: string): string {
  return [...text].map((char) => {
    try {
      font.encodeText(char);
      return char;
    } catch {
      return '?';
    }
  }).join('');
}

/** An instant in the hospital's zone, in words; a calendar day (a badge's end) stays a day. */
const frenchDateTime = (iso: string): string => formatDateTimeInWords(iso, 'fr', { timeZone: deskTimeZone });

/** A validity bound: a day for badges, a day and time for temporary cards (they end with a shift). */
const frenchValidityBound = (iso: string | null): string => (iso === null ? 'sans date de fin' : frenchDateTime(iso));

/**
 * The PDF receipt of one issuance: establishment, person, MIE, validity, issuing agent and desk,
 * and the journal entry (sequence and hash) that records it, with signature boxes.
 */
export async function createIssuanceReceipt(db: Database.Database, mieId: string): Promise<ReceiptFile> {
  const mie = readMieOrFail(db, mieId);
  const person = db
    .prepare('SELECT first_name, last_name, birth_name, birth_date, hr_id, rpps, service, profession FROM identities WHERE id = ?')
    .get(mie.identityId) as Record<string, string | null>;
  const issuance = db
    .prepare(
      `SELECT seq, at, agent_name AS agentName, desk, hash FROM journal
        WHERE subject_type = 'mie' AND subject_id = ? AND action IN ('mie.bind', 'mie.replace', 'mie.bind-temporary')
        ORDER BY seq LIMIT 1`,
    )
    .get(mieId) as { seq: number; at: string; agentName: string | null; desk: string; hash: string } | undefined;
  if (issuance === undefined) {
    throw new DeskError('NOT_FOUND', { fr: 'Aucune remise n’est enregistrée au journal pour ce moyen.', en: 'No issuance of this MIE is recorded in the journal.' }, { mieId });
  }
  const establishmentRow = db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").get() as { value_json: string } | undefined;
  const establishment = establishmentRow === undefined ? 'Établissement' : ((JSON.parse(establishmentRow.value_json) as { name?: string }).name ?? 'Établissement');

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Reçu de remise — ${mie.holderName}`);
  pdf.setAuthor(establishment);
  pdf.setSubject('Remise d’un moyen d’identification');
  pdf.setCreator('Guichet');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(new Date(issuance.at));
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
  const write = (text: string, { size = 11, font = regular, x = 56 }: { size?: number; font?: PDFFont; x?: number } = {}) => {
    page.drawText(printable(font, text), { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    y -= size + 8;
  };
  const field = (label: string, value: string | null) => {
    page.drawText(printable(regular, label), { x: 56, y, size: 10, font: regular, color: rgb(0.35, 0.35, 0.4) });
    page.drawText(printable(bold, value ?? '—'), { x: 210, y, size: 11, font: bold, color: rgb(0.1, 0.1, 0.12) });
    y -= 20;
  };
  write(establishment, { size: 12, font: bold });
  write('Bureau des badges', { size: 10 });
  y -= 10;
  write('Reçu de remise d’un moyen d’identification', { size: 18, font: bold });
  y -= 8;
  write('Titulaire', { size: 13, font: bold });
  field('Nom, prénom', `${person.last_name ?? ''} ${person.first_name ?? ''}`);
  if (person.birth_name !== null && person.birth_name !== person.last_name) field('Nom de naissance', person.birth_name ?? null);
  field('Date de naissance', person.birth_date === null || person.birth_date === undefined ? null : formatDayInWords(person.birth_date, 'fr'));
  field('Matricule', person.hr_id ?? null);
  field('RPPS', person.rpps ?? null);
  field('Service', person.service === null || person.service === undefined ? null : labelService(person.service, 'fr'));
  y -= 6;
  write('Moyen d’identification', { size: 13, font: bold });
  field('Type', kindLabels[mie.kind] ?? mie.kind);
  field('Identifiant', mie.identifier);
  field('Modèle de carte', mie.cardType === null ? null : labelCardModel(mie.cardType, 'fr'));
  field('Valide du', frenchValidityBound(mie.validFrom));
  field('Valide jusqu’au', frenchValidityBound(mie.validUntil));
  if (mie.replacesMieId !== null) field('Remplace', readMieOrFail(db, mie.replacesMieId).identifier);
  y -= 6;
  write('Remise', { size: 13, font: bold });
  field('Agent', issuance.agentName);
  field('Guichet', issuance.desk);
  field('Date', frenchDateTime(issuance.at));
  field('Entrée du journal', `n° ${issuance.seq}`);
  page.drawText(`empreinte ${issuance.hash}`, { x: 56, y, size: 7, font: regular, color: rgb(0.35, 0.35, 0.4) });
  y -= 40;
  drawSignatureBox(page, regular, 56, y, 'Signature du titulaire');
  drawSignatureBox(page, regular, 310, y, 'Signature de l’agent');
  page.drawText(
    printable(regular, 'Le titulaire s’engage à signaler sans délai la perte ou le vol de ce moyen au bureau des badges ou, la nuit, au guichet des urgences.'),
    { x: 56, y: 70, size: 8, font: regular, maxWidth: 480, lineHeight: 11, color: rgb(0.3, 0.3, 0.35) },
  );
  const bytes = await pdf.save();
  const safeName = `${person.last_name ?? 'titulaire'}-${mie.identifier}`.normalize('NFD').replace(/[^A-Za-z0-9-]+/g, '');
  return { fileName: `recu-${safeName}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
}

function drawSignatureBox(page: PDFPage, font: PDFFont, x: number, y: number, label: string): void {
  page.drawText(printable(font, label), { x, y, size: 10, font, color: rgb(0.35, 0.35, 0.4) });
  page.drawRectangle({ x, y: y - 80, width: 230, height: 70, borderColor: rgb(0.6, 0.6, 0.65), borderWidth: 1 });
}
