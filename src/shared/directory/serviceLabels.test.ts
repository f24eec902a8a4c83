import { describe, expect, it } from 'vitest';
import { labelService, serviceLabels } from './serviceLabels';

describe('service labels', () => {
  it('gives every known code a label in both languages', () => {
    for (const [code, label] of Object.entries(serviceLabels)) {
      expect(labelService(code, 'fr')).toBe(label.fr);
      expect(labelService(code, 'en')).toBe(label.en);
      expect(label.fr).not.toBe(code);
    }
    expect(labelService('URG', 'en')).toBe('Emergency department');
  });

  it('shows an unknown code as a code, a written name as written, nothing as a dash', () => {
    expect(labelService('UF4021', 'fr')).toBe('Service (code UF4021)');
    expect(labelService(' NEPHRO ', 'en')).toBe('Service (code NEPHRO)');
    expect(labelService('Bloc opératoire', 'fr')).toBe('Bloc opératoire');
    expect(labelService('urg', 'fr')).toBe('urg');
    expect(labelService(null, 'fr')).toBe('—');
    expect(labelService('  ', 'en')).toBe('—');
    // An object's own keys are not services.
    expect(labelService('constructor', 'fr')).toBe('constructor');
    expect(labelService('toString', 'fr')).toBe('toString');
  });
});
