/**
 * The seed charts are written with fixed dates around the day they were made (SEEDED_ON). A sandbox
 * started later can move every date of a chart by the same number of days, so a result two days old
 * at seeding stays two days old, a 7-year-old stays 7, and the suggestions stay the same whatever day
 * the sandbox runs. Pure: it returns a moved copy.
 *
 * Every string value that is a FHIR date, dateTime or instant with a full day (YYYY-MM-DD, optionally
 * followed by a time and zone) has its day moved; the time and zone are kept. Partial dates (YYYY,
 * YYYY-MM), ids, codes and texts are left as they are.
 */

export const SEEDED_ON = '2026-12-06';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from, to) {
  const day = (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  };
  return day(to) - day(from);
}

function shiftValue(value, days) {
  const m = FULL_DATE.exec(value);
  if (!m) return value;
  const moved = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS);
  return `${moved.toISOString().slice(0, 10)}${m[4] ?? ''}`;
}

/** A copy of `chart` (any JSON) with every full date moved by `days` days. */
export function shiftDates(chart, days) {
  if (typeof chart === 'string') return shiftValue(chart, days);
  if (Array.isArray(chart)) return chart.map((x) => shiftDates(x, days));
  if (chart && typeof chart === 'object') {
    return Object.fromEntries(Object.entries(chart).map(([k, v]) => [k, shiftDates(v, days)]));
  }
  return chart;
}

/** Today on this machine (YYYY-MM-DD, its own time zone): the day the sandbox moves the charts to. */
export function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A chart as it should read when the sandbox starts on `today` (YYYY-MM-DD, from the caller). */
export const chartFor = (chart, today) => shiftDates(chart, daysBetween(SEEDED_ON, today));
