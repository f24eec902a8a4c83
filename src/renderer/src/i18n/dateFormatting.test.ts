import { describe, expect, it } from 'vitest';

// Every renderer source as text (Vite's glob import: no Node module in the renderer's folder).
const rendererSources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

/** Ways of writing a date that bypass the desk's formatter (src/shared/text/formatDates.ts). */
const ownDateFormatting = /\.toLocaleDateString\(|\.toLocaleTimeString\(|\.toLocaleString\(|Intl\.DateTimeFormat|Intl\.RelativeTimeFormat|\.toDateString\(|\.toUTCString\(/;

describe('dates on screen', () => {
  it('are written only by the one formatter, never by a screen itself', () => {
    const files = Object.keys(rendererSources);
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((file) => file.endsWith('useDateFormat.ts'))).toBe(true);
    const offenders = Object.entries(rendererSources).flatMap(([file, text]) =>
      text.split('\n').flatMap((line, index) => (ownDateFormatting.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('the guard catches each way of formatting a date by hand', () => {
    for (const line of ["new Date(at).toLocaleString('fr')", 'day.toLocaleDateString()', "new Intl.DateTimeFormat('fr-FR')", 'when.toLocaleTimeString()']) expect(ownDateFormatting.test(line), line).toBe(true);
    expect(ownDateFormatting.test('dates.dateTime(entry.at)')).toBe(false);
  });
});
