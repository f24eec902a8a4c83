import * as desk from './messages/desk';
import * as enrollment from './messages/enrollment';

/**
 * UI strings, French first, one file per feature under ./messages (each exports `fr` and `en`
 * with the same keys; tested). One line per feature here.
 */
const features = [desk, enrollment];

export const fr: Record<string, string> = Object.assign({}, ...features.map((feature) => feature.fr));
export const en: Record<string, string> = Object.assign({}, ...features.map((feature) => feature.en));
