import { printableCut } from '../answers/parse';

/**
 * How the case names its patient on every page ("Ada Example, born 1955-04-02"), from the record's
 * Patient resource; the reference when the record gave no usable name. Printed safely: control and
 * direction characters are shown escaped, and the label is cut at 120 characters.
 */
export function patientLabelOf(resource: unknown, reference: string): string {
  const r = (typeof resource === 'object' && resource !== null ? resource : {}) as { name?: unknown; birthDate?: unknown };
  const names = Array.isArray(r.name) ? (r.name as unknown[]) : [];
  const first = names.find((n): n is { text?: unknown; given?: unknown; family?: unknown } => typeof n === 'object' && n !== null);
  let name = '';
  if (first) {
    if (typeof first.text === 'string') name = first.text;
    else {
      const given = Array.isArray(first.given) ? first.given.filter((g): g is string => typeof g === 'string') : [];
      name = [...given, typeof first.family === 'string' ? first.family : ''].join(' ').trim();
    }
  }
  const born = typeof r.birthDate === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.birthDate) ? `, born ${r.birthDate}` : '';
  const label = `${name.trim() || reference}${born}`;
  return printableCut(label, 120);
}
