/**
 * What a launch from the record leaves in the tab (sessionStorage, beside the answers): which record
 * and patient, what it suggests, which suggestions the clinician confirmed or declined, and what was
 * saved back. Read with the same care as saved answers: anything that does not have this shape
 * exactly, or is larger than a record session can be, is refused and the tab goes on without the
 * record (nothing is ever assessed from it unconfirmed).
 *
 * fhirclient keeps the token itself, also in sessionStorage for this tab; nothing here is a secret.
 */
import { fromRecordOf, pendingSuggestions, resolveSuggestions, suggestionKey } from './from-record';
import type { TRecordContext, TRecordEvidence, TSuggestion } from './types';

export { fromRecordOf, pendingSuggestions, resolveSuggestions, suggestionKey };

import { RECORD_KEY } from './key';

export { RECORD_KEY };
/** A chart's suggestions with their evidence are a few KB; far more is not ours. */
export const MAX_RECORD_BYTES = 262_144;

/** A part of the record that could not be read: a refused or missing resource type, a malformed resource. */
export type TRecordGap = { what: string; why: string; questions?: string[] };

export type TRecordSession = {
  v: 1;
  /** The record's name in ehr.config.json. */
  recordName: string;
  context: TRecordContext;
  /** Who the record says the patient is, as shown on every page of the case ("Ada Example, born 1955-04-02"). */
  patientLabel: string;
  /** The scopes the record granted (space-separated), as the token response said. */
  scope: string;
  suggestions: TSuggestion[];
  gaps: TRecordGap[];
  /** When the record was read (ISO 8601). */
  readAt: string;
  /** Whether a case has been started (or continued) for this patient since the launch. */
  bound: boolean;
  /** `question=value` keys of suggestions the clinician confirmed, or declined. */
  confirmed: string[];
  declined: string[];
  /** What "Save to the record" wrote, last. */
  saved: { reference: string; at: string } | null;
};


/** Whether the clinician can write a QuestionnaireResponse with the granted scopes (SMART v1 or v2). */
export function canSaveBack(scope: string): boolean {
  return scope
    .split(/\s+/)
    .some((s) => /^(patient|user)\/(QuestionnaireResponse|\*)\.(c[rudsx]*|write|\*)$/.test(s));
}




// ── Reading what is stored ─────────────────────────────────────────────────────────────────────────

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A FHIR id (R4: letters, digits, `-` and `.`, up to 64), but never `.` or `..`, which would climb a path. */
export const FHIR_ID = '(?!\\.{1,2}$)[A-Za-z0-9\\-.]{1,64}';
/** A relative reference, `Type/id`. */
export const REFERENCE = new RegExp(`^[A-Z][A-Za-z]+\\/${FHIR_ID}$`);

const isEvidence = (v: unknown): v is TRecordEvidence => isObject(v) && isString(v.reference) && REFERENCE.test(v.reference) && isString(v.text);
const isSuggestion = (v: unknown): v is TSuggestion =>
  isObject(v) && isString(v.question) && isString(v.value) && Array.isArray(v.evidence) && v.evidence.length > 0 && v.evidence.every(isEvidence);

/**
 * The stored record session, or why it cannot be used. `known` says which question=option pairs the
 * content has (a suggestion for anything else is refused, not shown).
 */
export function readRecordSession(text: string | null, known: (question: string, value: string) => boolean): { session: TRecordSession | null; problem: string | null } {
  if (text === null) return { session: null, problem: null };
  const refuse = (why: string) => ({ session: null, problem: `What this tab kept from the patient’s record could not be used (${why}), so the case goes on without the record. Your answers are not affected.` });
  if (text.length > MAX_RECORD_BYTES) return refuse('it is larger than a record session can be');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('it is not readable');
  }
  if (!isObject(raw) || raw.v !== 1) return refuse('it was written by another version');
  const { recordName, context, patientLabel, scope, suggestions, gaps, readAt, bound, confirmed, declined, saved } = raw;
  const contextOk = isObject(context) && isString(context.serverUrl) && isString(context.patient) && REFERENCE.test(context.patient) && context.patient.startsWith('Patient/') && (context.user === null || (isString(context.user) && context.user.length < 512));
  if (!isString(recordName) || !contextOk || !isString(patientLabel) || !isString(scope) || !isString(readAt) || typeof bound !== 'boolean') return refuse('it is incomplete');
  if (!Array.isArray(suggestions) || !suggestions.every(isSuggestion)) return refuse('a suggestion is malformed');
  if (!suggestions.every((s) => known(s.question, s.value))) return refuse('a suggestion names an answer this questionnaire does not have');
  if (!Array.isArray(gaps) || !gaps.every((g) => isObject(g) && isString(g.what) && isString(g.why) && (g.questions === undefined || isStrings(g.questions)))) return refuse('its notes are malformed');
  if (!isStrings(confirmed) || !isStrings(declined)) return refuse('its confirmations are malformed');
  if (!(saved === null || (isObject(saved) && isString(saved.reference) && REFERENCE.test(saved.reference) && isString(saved.at)))) return refuse('its save note is malformed');
  return {
    session: {
      v: 1,
      recordName,
      context: context as TRecordContext,
      patientLabel,
      scope,
      suggestions: suggestions as TSuggestion[],
      gaps: gaps as TRecordGap[],
      readAt,
      bound,
      confirmed,
      declined,
      saved: saved as TRecordSession['saved'],
    },
    problem: null,
  };
}
