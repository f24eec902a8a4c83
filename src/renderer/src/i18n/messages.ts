import * as desk from './messages/desk';
import * as enrollment from './messages/enrollment';
import * as cards from './messages/cards';
import * as nightdesk from './messages/nightdesk';
import * as review from './messages/review';
import * as fido from './messages/fido';
import * as sources from './messages/sources';
import * as setup from './messages/setup';
import * as workqueue from './messages/workqueue';
import * as scim from './messages/scim';
import * as journal from './messages/journal';
import * as dashboard from './messages/dashboard';

/**
 * UI strings, French first, one file per feature under ./messages (each exports `fr` and `en`
 * with the same keys; tested). One line per feature here.
 */
const features = [desk, enrollment, cards, nightdesk, review, fido, sources, workqueue, setup, dashboard, journal, scim];

export const fr: Record<string, string> = Object.assign({}, ...features.map((feature) => feature.fr));
export const en: Record<string, string> = Object.assign({}, ...features.map((feature) => feature.en));
