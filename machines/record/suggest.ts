/**
 * Suggested answers from the resources of an electronic record (FHIR R4), with their evidence. Pure
 * and deterministic: the same resources and the same `today` give the same suggestions, whatever the
 * order the record returned them in; nothing reads the clock.
 *
 * Fail closed: a record that says nothing suggests nothing (never "none"); a resource this code cannot
 * read goes to `unread` with a plain reason, and it never throws on what the record sends.
 *
 * Several conditions pointing to different D1 options each suggest theirs: the clinician chooses
 * (D1 takes one answer, and the record is not the one to settle a conflict between diagnoses).
 */
import {
  conditionSets,
  evidenceText,
  labRules,
  myoclonusDrugs,
  RESULT_WINDOW_DAYS,
  sgceFinding,
  SYSTEMS,
  type TLabRule,
  type TLabUnit,
  UNDER_10_YEARS,
  unreadText,
} from '../../content/record';
import type { TRecordEvidence, TSuggestion } from './types';

export type TUnread = { reference: string; reason: string };
export type TRecordSuggestions = { suggestions: TSuggestion[]; unread: TUnread[] };

type TJson = Record<string, unknown>;
type TCoding = { system: string; code: string; display: string | null };

// ── Plain guards: the record's JSON is checked here, never trusted ───────────────────────────────

const isObject = (x: unknown): x is TJson => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 ? x : null);

/** The codings of a CodeableConcept; `null` when it is present but not one. */
function codingsOf(concept: unknown): TCoding[] | null {
  if (!isObject(concept)) return null;
  const list = concept.coding;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return null;
  return list.flatMap((c): TCoding[] => {
    if (!isObject(c)) return [];
    const system = str(c.system);
    const code = str(c.code);
    return system && code ? [{ system, code, display: str(c.display) }] : [];
  });
}

/** The name of a coded thing: its text, or the display of the coding that matched, or of any coding. */
function nameOf(concept: unknown, matched?: TCoding): string {
  const text = isObject(concept) ? str(concept.text) : null;
  const displays = (codingsOf(concept) ?? []).map((c) => c.display);
  return text ?? matched?.display ?? displays.find((d) => d !== null) ?? evidenceText.unnamed;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD…` value, or null when it is not a real date. */
function dayNumber(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** The calendar date written at the start of a FHIR date or dateTime (as the record wrote it). */
const dayOf = (value: string | null): string | null => (value && dayNumber(value) !== null ? value.slice(0, 10) : null);

/** Whole years from `birth` to `today` (both YYYY-MM-DD). */
function yearsOld(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

// ── Collecting ────────────────────────────────────────────────────────────────────────────────────

type TFound = { question: string; value: string; evidence: TRecordEvidence };

const ANSWER_ORDER: readonly string[] = [
  'C2.under_10',
  'C6.current_drug_known_to_cause_myoclonus',
  'C6.metabolic_derangement',
  'D1.myoclonus_dystonia_SGCE_confirmed',
  'D1.myoclonus_dystonia_clinical',
  'D1.PME',
  'D1.genetic_generalized_epilepsy_eg_JME',
  'D1.lance_adams',
  'D1.hemifacial_spasm',
  'D1.spinal_cord_lesion',
  'D1.hyperekplexia',
  'D1a.ULD',
  'D1a.Lafora',
  'D1a.MERRF',
  'D1a.NCL',
  'D1a.sialidosis',
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function merge(found: readonly TFound[]): TSuggestion[] {
  const byAnswer = new Map<string, Map<string, TRecordEvidence>>();
  for (const f of found) {
    const key = `${f.question}.${f.value}`;
    const evidence = byAnswer.get(key) ?? new Map<string, TRecordEvidence>();
    if (!evidence.has(f.evidence.reference)) evidence.set(f.evidence.reference, f.evidence);
    byAnswer.set(key, evidence);
  }
  const rank = (key: string) => {
    const i = ANSWER_ORDER.indexOf(key);
    return i < 0 ? ANSWER_ORDER.length : i;
  };
  return [...byAnswer.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || compare(a, b))
    .map(([key, evidence]) => {
      const dot = key.indexOf('.');
      return {
        question: key.slice(0, dot),
        value: key.slice(dot + 1),
        evidence: [...evidence.values()].sort((x, y) => compare(x.reference, y.reference) || compare(x.text, y.text)),
      };
    });
}

// ── Medication ────────────────────────────────────────────────────────────────────────────────────

const ORDER_INTENTS = new Set(['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'plan']);

function drugOf(codings: readonly TCoding[]): TCoding | undefined {
  return codings.find((c) =>
    myoclonusDrugs.some((d) =>
      c.system === SYSTEMS.rxnorm
        ? d.rxnormIngredients.includes(c.code) || d.rxnormClinicalDrugs.some((x) => x.code === c.code)
        : c.system === SYSTEMS.atc && d.atc.includes(c.code),
    ),
  );
}

/** The medication's CodeableConcept: its own, a contained Medication's, or a Medication read alongside. */
function medicationConcept(
  r: TJson,
  medications: ReadonlyMap<string, TJson>,
): { concept: unknown } | { unread: string } {
  if (r.medicationCodeableConcept !== undefined) return { concept: r.medicationCodeableConcept };
  const ref = isObject(r.medicationReference) ? str(r.medicationReference.reference) : null;
  if (!ref) return { unread: unreadText.noMedication };
  if (ref.startsWith('#')) {
    const contained = Array.isArray(r.contained) ? r.contained : [];
    const m = contained.find((c) => isObject(c) && c.resourceType === 'Medication' && c.id === ref.slice(1));
    return isObject(m) && m.code !== undefined ? { concept: m.code } : { unread: unreadText.unresolvedMedication(ref) };
  }
  const m = medications.get(ref);
  return m && m.code !== undefined ? { concept: m.code } : { unread: unreadText.unresolvedMedication(ref) };
}

function readMedication(
  r: TJson,
  reference: string,
  medications: ReadonlyMap<string, TJson>,
  out: { found: TFound[]; unread: TUnread[] },
): void {
  const status = str(r.status);
  if (!status) return void out.unread.push({ reference, reason: unreadText.noStatus });
  if (status !== 'active') return;
  let since: string | null;
  if (r.resourceType === 'MedicationRequest') {
    const intent = str(r.intent);
    if (!intent) return void out.unread.push({ reference, reason: unreadText.noIntent });
    // A proposal is not an order, and an order not to give the drug is no exposure.
    if (!ORDER_INTENTS.has(intent) || r.doNotPerform === true) return;
    since = dayOf(str(r.authoredOn));
  } else {
    const period = isObject(r.effectivePeriod) ? r.effectivePeriod : {};
    since = dayOf(str(period.start)) ?? dayOf(str(r.effectiveDateTime)) ?? dayOf(str(r.dateAsserted));
  }
  const med = medicationConcept(r, medications);
  if ('unread' in med) return void out.unread.push({ reference, reason: med.unread });
  const codings = codingsOf(med.concept);
  if (codings === null) return void out.unread.push({ reference, reason: unreadText.badCode });
  // An active drug this code cannot check (named in words, or in another code system) is reported:
  // the list is matched on codes only, so it would otherwise be missed without a word.
  if (!codings.some((c) => c.system === SYSTEMS.rxnorm || c.system === SYSTEMS.atc)) {
    return void out.unread.push({ reference, reason: unreadText.uncodedMedication(nameOf(med.concept)) });
  }
  const matched = drugOf(codings);
  if (!matched) return;
  out.found.push({
    question: 'C6',
    value: 'current_drug_known_to_cause_myoclonus',
    evidence: { reference, text: evidenceText.medication(nameOf(med.concept, matched), since) },
  });
}

// ── Observation ───────────────────────────────────────────────────────────────────────────────────

const RESULT_STATUSES = new Set(['final', 'amended', 'corrected']);

/** The day a result describes: when it was taken (or its period ended), else when it was issued. */
function resultDate(r: TJson): { day: string } | { bad: string } | null {
  const period = isObject(r.effectivePeriod) ? r.effectivePeriod : null;
  const raw = str(r.effectiveDateTime) ?? (period ? str(period.end) : null) ?? str(r.issued);
  if (!raw) return null;
  const day = dayOf(raw);
  return day ? { day } : { bad: raw };
}

/** Whether the value lies beyond the threshold: yes, no, or cannot say (a comparator pointing the other way). */
function beyond(unit: TLabUnit, value: number, comparator: string | null): boolean | null {
  if (unit.below !== undefined) {
    const t = unit.below;
    if (!comparator) return value < t;
    if (comparator === '<') return value <= t ? true : null;
    if (comparator === '<=') return value < t ? true : null;
    return value >= t ? false : null;
  }
  const t = unit.above ?? Infinity;
  if (!comparator) return value > t;
  if (comparator === '>') return value >= t ? true : null;
  if (comparator === '>=') return value > t ? true : null;
  return value <= t ? false : null;
}

function readLab(r: TJson, reference: string, rule: TLabRule, today: number, out: { found: TFound[]; unread: TUnread[] }) {
  const when = resultDate(r);
  if (when === null) return void out.unread.push({ reference, reason: unreadText.noDate });
  if ('bad' in when) return void out.unread.push({ reference, reason: unreadText.badDate(when.bad) });
  const date = when.day;
  const day = dayNumber(date) ?? 0;
  if (day > today) return void out.unread.push({ reference, reason: unreadText.futureDate(date) });
  if (today - day > RESULT_WINDOW_DAYS) return;
  const q = r.valueQuantity;
  if (!isObject(q) || typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    return void out.unread.push({ reference, reason: unreadText.noValue });
  }
  const ucum = q.system === SYSTEMS.ucum ? str(q.code) : null;
  const unit = rule.units.find((u) => u.ucum === ucum);
  if (!unit) {
    const shown = str(q.code) ?? str(q.unit) ?? '';
    return void out.unread.push({ reference, reason: unreadText.unit(rule.name, shown) });
  }
  const comparator = str(q.comparator);
  const isBeyond = beyond(unit, q.value, comparator);
  if (isBeyond === null) {
    return void out.unread.push({ reference, reason: unreadText.comparator(rule.name, comparator ?? '', q.value) });
  }
  if (!isBeyond) return;
  const shownValue = comparator ? `${comparator}${q.value}` : q.value;
  out.found.push({
    question: 'C6',
    value: 'metabolic_derangement',
    evidence: {
      reference,
      text: evidenceText.result(rule.name, shownValue, unit.shown, date, unit),
    },
  });
}

/** A final genetic result saying a pathogenic or likely pathogenic SGCE variant is present. */
function sgceEvidence(r: TJson, reference: string): TRecordEvidence | null {
  const present = codingsOf(r.valueCodeableConcept) ?? [];
  if (!present.some((c) => c.system === SYSTEMS.loinc && c.code === sgceFinding.present)) return null;
  const components = Array.isArray(r.component) ? r.component.filter(isObject) : [];
  const valueOf = (loinc: string) =>
    components
      .filter((c) => (codingsOf(c.code) ?? []).some((x) => x.system === SYSTEMS.loinc && x.code === loinc))
      .flatMap((c) => (codingsOf(c.valueCodeableConcept) ?? []).map((coding) => ({ coding, concept: c.valueCodeableConcept })));
  const gene = valueOf(sgceFinding.geneStudied).find(
    (g) => g.coding.system === sgceFinding.gene.system && g.coding.code === sgceFinding.gene.code,
  );
  const significance = valueOf(sgceFinding.significance).find(
    (s) => s.coding.system === SYSTEMS.loinc && (sgceFinding.pathogenic as readonly string[]).includes(s.coding.code),
  );
  if (!gene || !significance) return null;
  const when = resultDate(r);
  return {
    reference,
    text: evidenceText.geneticResult(
      gene.coding.display ?? 'SGCE',
      nameOf(significance.concept, significance.coding).toLowerCase(),
      when && 'day' in when ? when.day : null,
    ),
  };
}

// ── Condition ─────────────────────────────────────────────────────────────────────────────────────

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);

function matchesCode(c: TCoding, set: (typeof conditionSets)[number]): boolean {
  return set.codes.some(
    (x) => x.system === c.system && (x.code === c.code || (x.withSubcodes === true && c.code.startsWith(x.code))),
  );
}

function readCondition(r: TJson, reference: string, out: { found: TFound[]; unread: TUnread[]; mdClinical: TRecordEvidence[] }) {
  if (r.clinicalStatus === undefined || r.verificationStatus === undefined) return;
  const clinical = codingsOf(r.clinicalStatus);
  const verification = codingsOf(r.verificationStatus);
  if (clinical === null || verification === null) return void out.unread.push({ reference, reason: unreadText.badStatus });
  if (!clinical.some((c) => c.system === SYSTEMS.conditionClinical && ACTIVE.has(c.code))) return;
  if (!verification.some((c) => c.system === SYSTEMS.conditionVerification && c.code === 'confirmed')) return;
  if (r.code === undefined) return;
  const codings = codingsOf(r.code);
  if (codings === null) return void out.unread.push({ reference, reason: unreadText.badCode });
  const since = dayOf(str(r.onsetDateTime)) ?? dayOf(str(r.recordedDate));
  for (const set of conditionSets) {
    const matched = codings.find((c) => matchesCode(c, set));
    if (!matched) continue;
    const evidence = { reference, text: evidenceText.condition(nameOf(r.code, matched), since) };
    for (const a of set.answers) {
      if (a.question === 'D1' && a.value === 'myoclonus_dystonia_clinical') out.mdClinical.push(evidence);
      else out.found.push({ question: a.question, value: a.value, evidence });
    }
  }
}

// ── Patient ───────────────────────────────────────────────────────────────────────────────────────

function readPatient(r: TJson, reference: string, todayText: string, out: { found: TFound[]; unread: TUnread[] }) {
  if (r.birthDate === undefined) return;
  const raw = str(r.birthDate);
  const m = raw ? PARTIAL_DATE.exec(raw) : null;
  // A partial birth date counts from its earliest possible day: the oldest the patient can be.
  const earliest = m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
  if (!raw || !earliest || dayNumber(earliest) === null) {
    return void out.unread.push({ reference, reason: unreadText.badBirthDate(String(r.birthDate)) });
  }
  if ((dayNumber(earliest) ?? 0) > (dayNumber(todayText) ?? 0)) {
    return void out.unread.push({ reference, reason: unreadText.futureBirthDate(raw) });
  }
  const years = yearsOld(earliest, todayText);
  if (years >= UNDER_10_YEARS) return;
  out.found.push({ question: 'C2', value: 'under_10', evidence: { reference, text: evidenceText.age(raw, years, todayText) } });
}

// ── The rules ─────────────────────────────────────────────────────────────────────────────────────

const READ = new Set(['Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Observation']);

/**
 * The answers the record suggests. `today` (YYYY-MM-DD) is passed in by the caller, never read from the
 * clock; it decides the patient's age and which results are recent enough.
 */
export function suggestFromRecord(resources: readonly unknown[], today: string): TRecordSuggestions {
  const todayDay = dayNumber(today);
  if (todayDay === null || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, not “${today}”`);

  const out = { found: [] as TFound[], unread: [] as TUnread[], mdClinical: [] as TRecordEvidence[] };
  const sgce: TRecordEvidence[] = [];

  const medications = new Map<string, TJson>();
  for (const r of resources) {
    if (isObject(r) && r.resourceType === 'Medication' && str(r.id)) medications.set(`Medication/${String(r.id)}`, r);
  }

  resources.forEach((r, index) => {
    if (!isObject(r) || !str(r.resourceType)) {
      return void out.unread.push({ reference: `#${index + 1}`, reason: unreadText.notResource });
    }
    const type = String(r.resourceType);
    if (!READ.has(type)) return;
    const id = str(r.id);
    if (!id) return void out.unread.push({ reference: `${type} #${index + 1}`, reason: unreadText.noId });
    const reference = `${type}/${id}`;
    switch (type) {
      case 'Patient':
        return readPatient(r, reference, today, out);
      case 'Condition':
        return readCondition(r, reference, out);
      case 'MedicationRequest':
      case 'MedicationStatement':
        return readMedication(r, reference, medications, out);
      case 'Observation': {
        const status = str(r.status);
        if (!status) return void out.unread.push({ reference, reason: unreadText.noStatus });
        if (!RESULT_STATUSES.has(status)) return;
        const codings = codingsOf(r.code);
        if (codings === null) return void out.unread.push({ reference, reason: unreadText.badCode });
        const loinc = codings.filter((c) => c.system === SYSTEMS.loinc).map((c) => c.code);
        const rule = labRules.find((l) => l.loinc.some((code) => loinc.includes(code)));
        if (rule) return readLab(r, reference, rule, todayDay, out);
        if (loinc.includes(sgceFinding.loinc)) {
          const e = sgceEvidence(r, reference);
          if (e) sgce.push(e);
        }
        return;
      }
    }
  });

  // Myoclonus-dystonia: SGCE-confirmed when a genetic result says so, otherwise clinical.
  for (const e of out.mdClinical) {
    if (sgce.length === 0) out.found.push({ question: 'D1', value: 'myoclonus_dystonia_clinical', evidence: e });
    else out.found.push({ question: 'D1', value: 'myoclonus_dystonia_SGCE_confirmed', evidence: e });
  }
  if (out.mdClinical.length > 0) {
    for (const e of sgce) out.found.push({ question: 'D1', value: 'myoclonus_dystonia_SGCE_confirmed', evidence: e });
  }

  const unread = [...out.unread].sort((a, b) => compare(a.reference, b.reference) || compare(a.reason, b.reason));
  return { suggestions: merge(out.found), unread };
}
