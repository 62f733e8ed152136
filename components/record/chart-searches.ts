/**
 * What the return page asks the record for, for one patient: the resource types the suggestions read
 * (machines/record/suggest.ts): laboratory results only for the codes and within the window content
 * lists, genetic results (a confirmed SGCE variant) whatever their date.
 * One page of each (up to 200); a record with more says so, and the gap is shown.
 */
import { labRules, RESULT_WINDOW_DAYS, sgceFinding } from '@/content/record';

const LOINC = 'http://loinc.org';

/** `today` minus `days`, as a FHIR date. */
export function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** One search: what it is called, the resource type it returns, the questions its suggestions answer. */
export type TChartSearch = { what: string; type: string; questions: string[]; path: string };

export function chartSearches(patientId: string, today: string): TChartSearch[] {
  const patient = encodeURIComponent(patientId);
  const codes = labRules.flatMap((r) => r.loinc.map((c) => `${LOINC}|${c}`)).join(',');
  return [
    { what: 'Conditions', type: 'Condition', questions: ['D1', 'D1a'], path: `Condition?patient=${patient}&_count=200` },
    { what: 'Medication orders', type: 'MedicationRequest', questions: ['C6'], path: `MedicationRequest?patient=${patient}&_count=200` },
    { what: 'Medication statements', type: 'MedicationStatement', questions: ['C6'], path: `MedicationStatement?patient=${patient}&_count=200` },
    // A genetic result stays true: searched without the window.
    { what: 'Genetic results', type: 'Observation', questions: ['D1'], path: `Observation?patient=${patient}&code=${encodeURIComponent(`${LOINC}|${sgceFinding.loinc}`)}&_count=50` },
    { what: 'Laboratory results', type: 'Observation', questions: ['C6'], path: `Observation?patient=${patient}&code=${encodeURIComponent(codes)}&date=ge${daysBefore(today, RESULT_WINDOW_DAYS)}&_count=200` },
  ];
}
