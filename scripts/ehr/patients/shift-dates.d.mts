/** Types of scripts/ehr/patients/shift-dates.mjs, for the TypeScript that imports it. */
export const SEEDED_ON: string;
export function daysBetween(from: string, to: string): number;
export function shiftDates<T>(chart: T, days: number): T;
export function chartFor<T>(chart: T, today: string): T;
export function localToday(): string;
