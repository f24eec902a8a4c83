import type Database from 'better-sqlite3';
import type { IndicatorDashboard, IndicatorGroup } from '../../shared/api/indicators.contract';
import { indicatorGroups } from '../../shared/api/indicators.contract';
import { buildIndicatorChartOption } from '../../shared/indicators/buildIndicatorChartOption';
import { formatFigureValue } from '../../shared/indicators/formatFigureValue';
import { issueTimeCeilingMinutes } from '../../shared/indicators/issueTimeCeilingMinutes';
import { selectChartKeys } from '../../shared/indicators/selectChartKeys';
import { localizeDateTime, localizeDay } from './localizeDate';
import { readIndicatorSeries } from './readIndicatorSeries';
import { renderIndicatorChartSvg } from './renderIndicatorChartSvg';

type Language = 'fr' | 'en';

export const groupTitles: Record<IndicatorGroup, { fr: string; en: string }> = {
  directory: { fr: 'Annuaire et rapprochement', en: 'Directory and reconciliation' },
  orphans: { fr: 'Comptes orphelins et dormants', en: 'Orphan and dormant accounts' },
  means: { fr: "Moyens d'identification", en: 'Identification means' },
  leavers: { fr: 'Départs', en: 'Leavers' },
  nightDesk: { fr: 'Guichet de nuit', en: 'Night desk' },
};

const texts = {
  title: { fr: "Indicateurs d'identité", en: 'Identity indicators' },
  subtitle: { fr: "Suivi des tableaux de bord et KPI — auto-évaluation de maturité (HOP'EN 2 / HospiConnect)", en: 'Dashboard and KPI follow-up — maturity self-assessment (HOP’EN 2 / HospiConnect)' },
  finess: { fr: 'FINESS', en: 'FINESS' },
  range: { fr: 'Période', en: 'Period' },
  generated: { fr: 'Chiffres calculés le', en: 'Figures computed on' },
  counted: { fr: 'sur', en: 'of' },
  signature: { fr: 'Visa', en: 'Sign-off' },
  signatureLines: {
    fr: ['Établi par (nom, fonction) :', 'Date :', 'Signature :', 'Validé par le RSSI / la DSI (nom) :', 'Date :', 'Signature :'],
    en: ['Prepared by (name, role):', 'Date:', 'Signature:', 'Approved by the CISO / CIO (name):', 'Date:', 'Signature:'],
  },
  noSnapshot: { fr: 'Aucun instantané quotidien sur la période.', en: 'No daily snapshot over the period.' },
  alert: { fr: 'ALERTE', en: 'ALERT' },
};

/** The standard PDF fonts speak Windows-1252: spaces and arrows outside it are written plainly. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/→/g, '->').replace(/≤/g, '<=');

/**
 * The indicator report: a cover (establishment, FINESS, period), then per group its trend chart
 * (ECharts rendered server-side as SVG, drawn as vectors by svg-to-pdfkit) and each figure with its
 * value and definition, then a signature block.
 */
export async function createIndicatorReportPdf(db: Database.Database, { dashboard, from, to, language = 'fr' }: { dashboard: IndicatorDashboard; from: string; to: string; language?: Language }): Promise<Buffer> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${texts.title[language]} — ${dashboard.establishment.name}`, Author: 'Guichet' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;

  doc.font('Helvetica-Bold').fontSize(24).text(plain(texts.title[language]), { align: 'left' });
  doc.moveDown(0.5).font('Helvetica').fontSize(12).text(plain(texts.subtitle[language]));
  doc.moveDown(2).font('Helvetica-Bold').fontSize(16).text(plain(dashboard.establishment.name));
  doc.font('Helvetica').fontSize(12).text(`${texts.finess[language]} : ${dashboard.establishment.finess.join(', ') || '—'}`);
  doc.text(plain(`${texts.range[language]} : ${localizeDay(from)[language]} — ${localizeDay(to)[language]}`));
  doc.text(plain(`${texts.generated[language]} ${localizeDateTime(dashboard.generatedAt)[language]}`));

  for (const group of indicatorGroups) {
    const figures = dashboard.figures.filter((figure) => figure.group === group);
    if (figures.length === 0) continue;
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(16).text(plain(groupTitles[group][language]));
    doc.moveDown(0.5);
    const series = readIndicatorSeries(db, { figures: dashboard.figures, keys: selectChartKeys(group, dashboard.figures), from, to });
    if (series.series.some((line) => line.values.some((value) => value !== null))) {
      const option = buildIndicatorChartOption({
        title: groupTitles[group][language],
        series,
        language,
        static: true,
        ...(group === 'nightDesk' ? { ceiling: { value: issueTimeCeilingMinutes, label: `${issueTimeCeilingMinutes} min` } } : {}),
      });
      const top = doc.y;
      SVGtoPDF(doc, renderIndicatorChartSvg(option, { width: 500, height: 220 }), doc.x, top, { width, height: (width * 220) / 500 });
      doc.y = top + (width * 220) / 500 + 10;
    } else {
      doc.font('Helvetica-Oblique').fontSize(10).text(plain(texts.noSnapshot[language]));
      doc.moveDown(0.5);
    }
    for (const figure of figures) {
      if (doc.y > doc.page.height - 140) doc.addPage();
      const counted = figure.counted === null || figure.unit === 'days' || figure.unit === 'minutes' ? '' : ` (${figure.counted.part} ${texts.counted[language]} ${figure.counted.whole})`;
      doc.font('Helvetica-Bold').fontSize(11).fillColor(figure.status === 'alert' ? '#b3261e' : 'black');
      doc.text(plain(`${figure.label[language]} : ${formatFigureValue(figure.value, figure.unit, language)}${counted}${figure.status === 'alert' ? ` — ${texts.alert[language]}` : ''}`));
      doc.fillColor('black').font('Helvetica').fontSize(9).text(plain(figure.definition[language]), { width });
      doc.moveDown(0.4);
    }
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).text(plain(texts.signature[language]));
  doc.moveDown(1).font('Helvetica').fontSize(11);
  for (const line of texts.signatureLines[language]) {
    doc.text(plain(line));
    doc.moveDown(1.5);
  }
  doc.end();
  return finished;
}
