import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { suggestFromRecord } from '../../../machines/record/suggest';
import { seedCharts } from './index.mjs';
import { chartFor, daysBetween, SEEDED_ON, shiftDates } from './shift-dates.mjs';

const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.json'));
const resources = (chart: unknown) => (chart as { entry: { resource: unknown }[] }).entry.map((e) => e.resource);
const load = (file: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8'));
const answers = (chart: unknown, today: string) =>
  suggestFromRecord(resources(chart), today).suggestions.map((s) => [`${s.question}.${s.value}`, s.evidence.map((e) => e.reference)]);

describe('a seed chart moved to the day the sandbox starts suggests what it suggested on the day it was made', () => {
  test.each(files.flatMap((file) => ['2026-12-06', '2027-02-01', '2029-08-13', '2031-06-30'].map((today) => ({ file, today }))))(
    '$file started on $today',
    ({ file, today }) => {
      expect(answers(chartFor(load(file), today), today)).toEqual(answers(load(file), SEEDED_ON));
    },
  );

  test('without the move, the old results fall out of the window and the child turns 10', () => {
    expect(answers(load('gabapentin-ckd.json'), '2027-02-01')).not.toEqual(answers(load('gabapentin-ckd.json'), SEEDED_ON));
    expect(answers(load('child-cln2.json'), '2029-08-14')).not.toEqual(answers(load('child-cln2.json'), SEEDED_ON));
  });
});

describe('moving dates', () => {
  test.each([
    { value: '2026-12-04', days: 30, moved: '2027-01-03' },
    { value: '2026-12-04T08:30:00Z', days: 30, moved: '2027-01-03T08:30:00Z' },
    { value: '2024-02-28T23:59:59.123+01:00', days: 1, moved: '2024-02-29T23:59:59.123+01:00' },
    { value: '2019-08-14', days: -1, moved: '2019-08-13' },
    { value: '2019', days: 30, moved: '2019' },
    { value: '2019-08', days: 30, moved: '2019-08' },
    { value: 'sandbox-child-cln2', days: 30, moved: 'sandbox-child-cln2' },
    { value: 'N18.4', days: 30, moved: 'N18.4' },
  ])('$value moved by $days days is $moved', ({ value, days, moved }) => {
    expect(shiftDates({ a: [value] }, days)).toEqual({ a: [moved] });
  });

  test('numbers, booleans and nulls are kept', () => {
    expect(shiftDates({ value: 22, active: true, none: null }, 10)).toEqual({ value: 22, active: true, none: null });
  });

  test('days between two dates, across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('the seed charts as the sandbox loads them', () => {
  test('three patients, each with its id and name, dates moved to the day given', () => {
    const charts = seedCharts('2027-01-05');
    expect(charts.map((c) => [c.file, c.patientId, c.name])).toEqual([
      ['child-cln2.json', 'sandbox-child-cln2', 'Milo Sandbox'],
      ['gabapentin-ckd.json', 'sandbox-gabapentin-ckd', 'Edith Sandbox'],
      ['sgce-myoclonus-dystonia.json', 'sandbox-sgce-md', 'Tom Sandbox'],
    ]);
    const egfr = charts[1]?.bundle.entry.map((e) => e.resource).find((r) => r.id === 'ckd-egfr-recent');
    expect(egfr?.effectiveDateTime).toBe('2027-01-03T08:30:00Z');
  });
});
