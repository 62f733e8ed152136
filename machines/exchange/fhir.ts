/**
 * FHIR R4 export: the content as a Questionnaire, a set of answers as a QuestionnaireResponse; the
 * import, back, is fhir-import.ts (what the result page exports with never reads a file, so it does
 * not load the reader). Pure functions of answers and content: no clock, no I/O.
 *
 * Choices made here (they are part of the exchange format):
 * - Every question is a `choice` item whose options are Codings in a code system of its own,
 *   `${FHIR_CODESYSTEM_BASE}/<question id>`, because option ids such as `yes` or `none` mean
 *   different things in different questions.
 * - Every question also offers the code `unknown` ("Unknown / not assessed"). A response carries it
 *   where the clinician chose it, and only there: a question never answered has no item (R4: an item
 *   without an answer is left out), so the import tells the two apart and reads them back as they
 *   were, `unknown` and not answered (machines/answers/vocabulary.ts). A file from an earlier version,
 *   which wrote `unknown` for unanswered questions too, reads back as "Unknown / not assessed" there.
 * - A response holds only the answered enabled questions, grouped by section like the Questionnaire
 *   (a section with none is left out), and no subject, author or other identifier of a patient or
 *   clinician unless the caller gives them (saving back to the record that launched the app).
 * - An answer whose option came from the patient's record (suggested by it, confirmed by the
 *   clinician) carries one `ANSWER_FROM_RECORD_URL` extension per supporting record entry, a
 *   `valueReference` to it (`reference`, and its evidence text as `display`). The import reads them
 *   back (`fromRecord`); see `readFromRecord` for what it does with one it cannot read.
 * - Import is lenient where other FHIR clients differ and strict where meaning is at stake: a
 *   `questionnaire` reference without `|version` is accepted (R4 allows it) because every linkId and
 *   code is checked against this content anyway; "Unknown" or "None" chosen together with other
 *   options (LHC-Forms does not enforce optionExclusive) keeps the real options, and says so.
 * - What the import does not read, it refuses, naming it, rather than import the file without it:
 *   items nested under a question (`item[].item`, `answer[].item`), a member name given twice in one
 *   object (JSON readers keep one of them), a status other than completed, in-progress or amended,
 *   nesting deeper than any response to this Questionnaire has, and a `modifierExtension` anywhere
 *   in the response, its items or answers (R4: it changes the meaning of what holds it). Other
 *   extensions are left aside, as other R4 elements are: they do not change what an answer says.
 * - `subject`, `author` and `source` are read as references (`about` in the result) and never change
 *   the answers.
 */
import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';
import { answerWords, UNKNOWN } from '../../content/ids';
import type { TCondition, TContent, TQuestion } from '../../content/schema';
import { resolveAnswers, type TAnswers } from '../answers/answers';
import type { TFromRecord, TRecordEvidence } from '../record/types';

/** Canonical URL of the Questionnaire: an identifier, never fetched. */
export const FHIR_QUESTIONNAIRE_URL = 'https://myoclonus-navigator.example/fhir/Questionnaire/myoclonus-navigator';
/** Each question's options form the code system `${FHIR_CODESYSTEM_BASE}/<question id>`. */
export const FHIR_CODESYSTEM_BASE = 'https://myoclonus-navigator.example/fhir/CodeSystem/myoclonus-navigator';
/** R4 core extension: choosing this option clears the others of a repeating question. */
export const OPTION_EXCLUSIVE_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive';
/** R4 core extension: how a renderer should draw a choice item. */
export const ITEM_CONTROL_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
/** The profile renderers such as LHC-Forms read to know the resource is R4. */
export const R4_QUESTIONNAIRE_PROFILE = 'http://hl7.org/fhir/4.0/StructureDefinition/Questionnaire';
export const FHIR_PUBLISHER = 'Myoclonus Navigator project';
/**
 * This project's extension on a QuestionnaireResponse answer: the option came from the patient's
 * record (suggested by it, confirmed by the clinician). One per supporting record entry, each a
 * `valueReference` (`reference`: `MedicationRequest/med-1`; `display`: the evidence text).
 */
export const ANSWER_FROM_RECORD_URL = 'https://myoclonus-navigator.example/fhir/StructureDefinition/answer-from-record';

export const codeSystemOf = (questionId: string) => `${FHIR_CODESYSTEM_BASE}/${questionId}`;

/** `url|version`: the canonical a response names, pinned to one content version. */
export const questionnaireCanonical = (content: TContent) => `${FHIR_QUESTIONNAIRE_URL}|${content.version}`;

function codingOf(q: TQuestion, code: string): Coding {
  const display = code === UNKNOWN ? answerWords.unknown : q.options.find((o) => o.id === code)?.label;
  if (display === undefined) throw new Error(`"${code}" is not an option of ${q.id}`);
  return { system: codeSystemOf(q.id), code, display };
}

// ── Branching: content conditions → enableWhen ──────────────────────────────────────────────────

export type TFhirEnableWhen = {
  enableWhen: QuestionnaireItemEnableWhen[];
  /** Present when there is more than one enableWhen (R4 invariant que-12). */
  enableBehavior?: 'all' | 'any';
};

type Leaf = Extract<TCondition, { question: string }>;

/**
 * Translate a condition tree into R4 enableWhen. FHIR has one flat list of comparisons joined by
 * `all` or `any`, so only these shapes are expressible:
 * - a leaf: `is` / `includes` → one `=`; `in` / `includesAny` → several `=` joined by `any`;
 * - `not` of a leaf → `!=` (several `!=` joined by `all` for `in` / `includesAny`);
 * - `all` / `any` of such parts whose own joins agree (or have one comparison);
 * - `not` of `all` / `any` / `not`, rewritten by De Morgan.
 * R4 defines `!=` as "no answer equals", which is true for an unanswered question and for one
 * answered `unknown`: the same as `not` of a leaf here (no condition names `unknown`). Anything else
 * throws.
 */
export function toEnableWhen(condition: TCondition, content: TContent): TFhirEnableWhen {
  const questionsById = new Map(content.questions.map((q) => [q.id, q]));
  const describe = (c: TCondition) => JSON.stringify(c);

  const comparisons = (leaf: Leaf, operator: '=' | '!='): QuestionnaireItemEnableWhen[] => {
    const q = questionsById.get(leaf.question);
    if (!q) throw new Error(`enableWhen names unknown question "${leaf.question}"`);
    const values = typeof leaf.value === 'string' ? [leaf.value] : [...leaf.value];
    return values.map((v) => ({ question: q.id, operator, answerCoding: codingOf(q, v) }));
  };

  /** A flat list and how it joins; `join` is null when the list has a single comparison. */
  type Flat = { list: QuestionnaireItemEnableWhen[]; join: 'all' | 'any' | null };
  const flat = (list: QuestionnaireItemEnableWhen[], join: 'all' | 'any'): Flat => ({
    list,
    join: list.length > 1 ? join : null,
  });

  const convert = (c: TCondition): Flat => {
    if ('question' in c) return flat(comparisons(c, '='), 'any');
    if ('all' in c || 'any' in c) {
      const join = 'all' in c ? 'all' : 'any';
      const children = ('all' in c ? c.all : c.any).map(convert);
      if (children.some((child) => child.join !== null && child.join !== join))
        throw new Error(`FHIR enableWhen cannot express a nested "${join === 'all' ? 'any' : 'all'}" inside "${join}": ${describe(c)}`);
      return flat(children.flatMap((child) => child.list), join);
    }
    const inner = c.not;
    if ('question' in inner) return flat(comparisons(inner, '!='), 'all');
    if ('not' in inner) return convert(inner.not);
    if ('all' in inner) return convert({ any: inner.all.map((x) => ({ not: x })) });
    return convert({ all: inner.any.map((x) => ({ not: x })) });
  };

  const { list, join } = convert(condition);
  return join === null ? { enableWhen: list } : { enableWhen: list, enableBehavior: join };
}

// ── Questionnaire ───────────────────────────────────────────────────────────────────────────────

function questionItem(q: TQuestion, content: TContent): QuestionnaireItem {
  return {
    linkId: q.id,
    text: q.prompt,
    type: 'choice',
    ...(q.enableWhen ? toEnableWhen(q.enableWhen, content) : {}),
    ...(q.kind === 'multi' ? { repeats: true } : {}),
    extension: [
      {
        url: ITEM_CONTROL_URL,
        valueCodeableConcept: {
          coding: [
            q.kind === 'multi'
              ? { system: ITEM_CONTROL_SYSTEM, code: 'check-box', display: 'Check-box' }
              : { system: ITEM_CONTROL_SYSTEM, code: 'radio-button', display: 'Radio Button' },
          ],
        },
      },
    ],
    answerOption: [...q.options.map((o) => o.id), UNKNOWN].map((code) => ({
      valueCoding: codingOf(q, code),
      // In a multi-select question, `none`-like options and unknown stand alone.
      ...(q.kind === 'multi' && (code === UNKNOWN || q.exclusive.includes(code))
        ? { extension: [{ url: OPTION_EXCLUSIVE_URL, valueBoolean: true }] }
        : {}),
    })),
  };
}

/** The content's questionnaire as an R4 Questionnaire: one `group` item per section. */
export function toQuestionnaire(content: TContent): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: 'myoclonus-navigator',
    meta: { profile: [R4_QUESTIONNAIRE_PROFILE] },
    url: FHIR_QUESTIONNAIRE_URL,
    version: content.version,
    name: 'MyoclonusNavigator',
    title: 'Myoclonus Navigator',
    status: 'draft',
    date: content.revisedOn,
    publisher: FHIR_PUBLISHER,
    description: [
      'Questions that help a licensed clinician classify myoclonus into its physiological categories.',
      content.disclaimers.banner,
      content.status,
    ].join(' '),
    purpose: content.disclaimers.intendedUse,
    subjectType: ['Patient'],
    item: content.sections.map((s) => ({
      linkId: s.id,
      text: s.title,
      type: 'group',
      ...(s.enableWhen ? toEnableWhen(s.enableWhen, content) : {}),
      item: content.questions.filter((q) => q.section === s.id).map((q) => questionItem(q, content)),
    })),
  };
}

// ── QuestionnaireResponse ───────────────────────────────────────────────────────────────────────

export type TResponseOptions = {
  /** When the answers were given, as an R4 dateTime; passed in, never read from the clock. */
  authored: string;
  /** `completed` (default) once the clinician reached the result; `in-progress` for a partial export. */
  status?: 'completed' | 'in-progress';
  /** The patient the answers are about, `Patient/<id>` (the launch's patient): only when saving back to the record. */
  subject?: string;
  /** Who gave the answers: the clinician signed in to the record (its `fhirUser`, e.g. `Practitioner/<id>`). */
  author?: string;
  /**
   * Who answered the questions (R4 `source`): the clinician, so `author` when left out. Written only
   * for a type R4 allows there (Patient, Practitioner, PractitionerRole, RelatedPerson).
   */
  source?: string;
  /** The confirmed suggestions of the record still held by the answers: their options carry `ANSWER_FROM_RECORD_URL`. */
  fromRecord?: TFromRecord;
};

const SOURCE_TYPES = ['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson'];

/** The record entries behind one option of an answer, each once (none when it did not come from the record). */
function evidenceOf(fromRecord: TFromRecord | undefined, question: string, code: string): TRecordEvidence[] {
  const all = (fromRecord?.[question] ?? []).filter((s) => s.value === code).flatMap((s) => s.evidence);
  return all.filter((e, i) => all.findIndex((x) => x.reference === e.reference) === i);
}

/**
 * Answers as an R4 QuestionnaireResponse. Answers of disabled questions are dropped first; every
 * answered enabled question appears, one answered "Unknown / not assessed" with the `unknown` coding;
 * a question never answered does not.
 */
export function toQuestionnaireResponse(answers: TAnswers, content: TContent, options: TResponseOptions): QuestionnaireResponse {
  const { enabled, answers: kept } = resolveAnswers(answers, content);
  const source = options.source ?? options.author;
  const items: QuestionnaireResponseItem[] = [];
  for (const s of content.sections) {
    const questions = enabled.filter((q) => q.section === s.id && kept[q.id] !== undefined);
    if (questions.length === 0) continue;
    items.push({
      linkId: s.id,
      text: s.title,
      item: questions.map((q) => {
        const value = kept[q.id]!;
        const codes = typeof value === 'string' ? [value] : [...value];
        return {
          linkId: q.id,
          text: q.prompt,
          answer: codes.map((code) => {
            const evidence = evidenceOf(options.fromRecord, q.id, code);
            return {
              valueCoding: codingOf(q, code),
              ...(evidence.length > 0
                ? { extension: evidence.map((e) => ({ url: ANSWER_FROM_RECORD_URL, valueReference: { reference: e.reference, display: e.text } })) }
                : {}),
            };
          }),
        };
      }),
    });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireCanonical(content),
    status: options.status ?? 'completed',
    ...(options.subject ? { subject: { reference: options.subject } } : {}),
    authored: options.authored,
    ...(options.author ? { author: { reference: options.author } } : {}),
    ...(source && SOURCE_TYPES.includes(source.split('/')[0]!) ? { source: { reference: source } } : {}),
    ...(items.length > 0 ? { item: items } : {}),
  };
}
