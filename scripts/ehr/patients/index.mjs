/**
 * The seed charts, ready for the sandbox record: every `*.json` bundle of this folder, its dates moved
 * to the day the sandbox starts (see shift-dates.mjs), with its patient's id and name for the launch
 * lines. `today` is the caller's (YYYY-MM-DD, UTC); pass SEEDED_ON to load the charts as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartFor } from './shift-dates.mjs';

export { SEEDED_ON } from './shift-dates.mjs';

export function seedCharts(today) {
  return readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const bundle = chartFor(JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')), today);
      const patient = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Patient');
      const name = patient.name[0];
      return { file, patientId: patient.id, name: `${name.given.join(' ')} ${name.family}`, bundle };
    });
}
