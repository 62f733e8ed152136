/** Types of scripts/ehr/patients/index.mjs, for the TypeScript that imports it. */
export const SEEDED_ON: string;
export type TSeedChart = {
  file: string;
  patientId: string;
  name: string;
  bundle: { resourceType: 'Bundle'; type: 'collection'; entry: { resource: { resourceType: string; id: string } & Record<string, unknown> }[] };
};
export function seedCharts(today: string): TSeedChart[];
