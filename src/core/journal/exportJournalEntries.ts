import type { JournalFilters, JournalLine } from '../../shared/api/journal.contract';
import { labelJournalAct } from '../../shared/journal/journalActLabels';
import { formatDateTime } from '../../shared/text/formatDates';
import { deskTimeZone } from '../clock';

type Language = 'fr' | 'en';

/** When an act happened, in the hospital's zone, to the second (the order of acts must read). */
const when = (at: string, language: Language) => formatDateTime(at, language, { timeZone: deskTimeZone, seconds: true });

const texts = {
  title: { fr: 'Journal du guichet', en: 'Desk journal' },
  filters: { fr: 'Filtres', en: 'Filters' },
  none: { fr: 'aucun', en: 'none' },
  count: { fr: (shown: number, total: number) => `${shown} entrée(s) sur ${total}`, en: (shown: number, total: number) => `${shown} entries of ${total}` },
  header: {
    fr: ['n°', 'date', 'acte', 'code', 'agent', 'poste', 'personne', 'moyen', 'motif'],
    en: ['no.', 'date', 'act', 'code', 'agent', 'desk', 'person', 'means', 'reason'],
  },
} as const;

/** One CSV cell (RFC 4180); a leading = + - @ is neutralized so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const describeFilters = (filters: JournalFilters, language: Language) =>
  Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join(' ; ') || texts.none[language];

/** The filtered journal as CSV: readable acts beside their codes (UTF-8 with BOM for spreadsheets, CRLF). */
export function exportJournalLinesCsv(lines: readonly JournalLine[], language: Language): string {
  const rows = [texts.header[language].join(',')];
  for (const line of lines) {
    rows.push([line.seq, when(line.at, language), labelJournalAct(line.action, language), line.action, line.agentName ?? line.agentId, line.desk, line.personName, line.identifier, line.reason].map(cell).join(','));
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** The standard PDF fonts speak Windows-1252: characters outside it are written plainly. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/[^\u0020-\u00ff\u2019\u2018\u201c\u201d\u2013\u2014\u20ac\u2026]/g, '?');

/** The filtered journal as a PDF an auditor files: title, filters, count, one line per act. */
export async function exportJournalLinesPdf(lines: readonly JournalLine[], { filters, total, generatedAt, establishment, language }: { filters: JournalFilters; total: number; generatedAt: string; establishment: string; language: Language }): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `${texts.title[language]} — ${establishment}`, Author: 'Guichet' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(plain(`${texts.title[language]} — ${establishment}`));
  doc.fontSize(9).text(plain(`${formatDateTime(generatedAt, language, { timeZone: deskTimeZone })} · ${texts.filters[language]} : ${describeFilters(filters, language)} · ${texts.count[language](lines.length, total)}`));
  doc.moveDown();
  const columns = [40, 95, 150, 110, 70, 120, 80, 105];
  const header = texts.header[language].filter((_, index) => index !== 3);
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    let height = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    cells.forEach((text, index) => {
      const width = columns[index] ?? 120;
      doc.text(plain(text), x, y, { width: width - 4 });
      height = Math.max(height, doc.y - y);
      x += width;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height + 2;
  };
  row(header, true);
  for (const line of lines) {
    row([String(line.seq), when(line.at, language), labelJournalAct(line.action, language), line.agentName ?? line.agentId ?? '', line.desk, line.personName ?? '', line.identifier ?? '', line.reason ?? '']);
  }
  doc.end();
  return done;
}
