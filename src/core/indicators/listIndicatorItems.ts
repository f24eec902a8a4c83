import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { IndicatorItems } from '../../shared/api/indicators.contract';
import type { Clock } from '../clock';
import { createIndicatorContext } from './createIndicatorContext';
import { indicatorCatalog } from './indicatorCatalog';
import { measureFigures } from './measureIndicators';

/** The people, accounts or means a figure counts (named by its key, as the dashboard gives it). */
export function listIndicatorItems(db: Database.Database, { clock, key, periodDays = 30, limit = 1000 }: { clock: Clock; key: string; periodDays?: number; limit?: number }): IndicatorItems {
  const [indicatorId = '', ...rest] = key.split(':');
  const qualifier = rest.length === 0 ? undefined : rest.join(':');
  const indicator = indicatorCatalog.find((candidate) => candidate.id === indicatorId);
  if (indicator?.list === undefined) {
    throw new DeskError('NOT_FOUND', { fr: `Indicateur inconnu ou sans liste : « ${key} ».`, en: `Unknown indicator, or one without a list: "${key}".` }, { key });
  }
  const context = createIndicatorContext(db, { clock, periodDays });
  const figure = measureFigures(context, [indicator]).find((candidate) => candidate.key === key);
  if (figure === undefined) {
    throw new DeskError('NOT_FOUND', { fr: `Aucun chiffre « ${key} » au tableau de bord (source inconnue ?).`, en: `No figure "${key}" on the dashboard (unknown source?).` }, { key });
  }
  const items = indicator.list(context, qualifier);
  return { key, label: figure.label, total: items.length, items: items.slice(0, limit) };
}
