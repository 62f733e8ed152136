/**
 * FHIR R4 import: a QuestionnaireResponse read back into answers (the export, and the format's
 * choices, are fhir.ts's). Pure functions of the file and content: no clock, no I/O. Loaded only
 * where a file is read (the start page's "Resume from a file").
 */
// zod/mini: this module is loaded in the browser, where size matters.
import './zod-jitless';
import * as z from 'zod/mini';
import { COMPATIBLE_VERSIONS } from '../../content/flow';
import { answerWords, UNKNOWN } from '../../content/ids';
import type { TContent } from '../../content/schema';
import { describeDuplicate, duplicateMembers, nestedDeeperThan, stripBom } from './answer-file';
import { ANSWER_FROM_RECORD_URL, codeSystemOf, FHIR_QUESTIONNAIRE_URL } from './fhir';
import { settleAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';
import { normaliseAnswer, printable, quote } from '../answers/parse';
import type { TFromRecord, TRecordEvidence, TSuggestion } from '../record/types';

/** The resource types a suggestion is read from (the launch's read scopes): the only ones an evidence reference may name. */
export const RECORD_EVIDENCE_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Observation'] as const;
/** A relative reference to a resource of those types: `Type/<R4 id>`. */
const EVIDENCE_REFERENCE = new RegExp(`^(${RECORD_EVIDENCE_TYPES.join('|')})/[A-Za-z0-9\\-.]{1,64}$`);
/** The longest evidence text read back from a file: far above any real one ("Gabapentin 300 mg, active since …"). */
export const MAX_EVIDENCE_TEXT = 500;

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

type TResponseItemInput = {
  linkId: string;
  modifierExtension?: unknown;
  answer?: Record<string, unknown>[] | undefined;
  item?: TResponseItemInput[] | undefined;
};

/** Only what the import reads is checked here; other R4 elements are allowed and ignored. */
const ZResponseItem: z.ZodMiniType<TResponseItemInput> = z.lazy(() =>
  z.looseObject({
    linkId: z.string({ error: 'every item needs a "linkId" string' }).check(z.minLength(1)),
    modifierExtension: z.optional(z.unknown()),
    answer: z.optional(z.array(z.record(z.string(), z.unknown()))),
    item: z.optional(z.array(ZResponseItem)),
  }),
);

const ZResponse = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse', { error: 'resourceType must be "QuestionnaireResponse"' }),
  questionnaire: z.string({ error: 'the response does not name its questionnaire ("questionnaire")' }),
  status: z.optional(z.unknown()),
  modifierExtension: z.optional(z.unknown()),
  subject: z.optional(z.unknown()),
  author: z.optional(z.unknown()),
  source: z.optional(z.unknown()),
  item: z.optional(z.array(ZResponseItem)),
});

/**
 * The statuses whose answers stand: R4's `entered-in-error` says the answers are wrong, `stopped`
 * that they were abandoned part way; neither is a record to carry on from.
 */
const READ_STATUSES = ['completed', 'in-progress', 'amended'] as const;

/**
 * The deepest nesting of objects and arrays a file may have. A response to this Questionnaire has 8
 * (response, sections, section, questions, question, answers, answer, coding) and a few more with
 * extensions; other clients may nest groups. Past this, the file is refused before it is read.
 */
export const MAX_RESPONSE_DEPTH = 32;

const ZAnswerCoding = z.looseObject({
  system: z.optional(z.string()),
  code: z.string(),
});

/** Whom the response names (R4 references, e.g. `Patient/123`), when it names them. */
export type TResponseAbout = { subject?: string; author?: string; source?: string };

/**
 * `notes`: what the import had to normalise, in words for the summary page (empty when nothing).
 * `fromRecord`: the answers' options that came from the patient's record, with their record entries
 * (only when some did). `about`: whom the response names (only when it names anyone).
 */
export type TImportResult =
  | { ok: true; answers: TAnswers; setAside: TAnswers; notes: string[]; fromRecord?: TFromRecord; about?: TResponseAbout }
  | { ok: false; message: string };

/** At most this many problems or values are named in an import's message. */
const MAX_LISTED_PROBLEMS = 5;

/** The linkIds of nested items, quoted, for a message: `"C4", "C6"`. */
function listLinkIds(items: readonly unknown[]): string {
  const ids = items.map((i) => (typeof i === 'object' && i !== null && typeof (i as { linkId?: unknown }).linkId === 'string' ? quote((i as { linkId: string }).linkId) : 'an item without a linkId'));
  return `${ids.slice(0, MAX_LISTED_PROBLEMS).join(', ')}${ids.length > MAX_LISTED_PROBLEMS ? ', …' : ''}`;
}

/** An element R4 says changes the meaning of what holds it: present, and not an empty list. */
const present = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);

const MODIFIER_REFUSED = 'which changes what it holds means (R4 modifierExtension) and which this app does not read, so the file is not imported.';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The record entries an answer's `ANSWER_FROM_RECORD_URL` extensions name, and how many of those
 * extensions could not be read. Judgement: one that is not a lone `valueReference` to a resource of
 * `RECORD_EVIDENCE_TYPES` (`Type/<id>`, relative), or whose `display` is not a short text, is left
 * out and counted, and the import says so in a note, keeping the answer: the answer is the
 * clinician's and is read from its coding; only the claim that the record supports it is dropped.
 * Refusing the file would lose every answer in it; reading the entry would show something else as
 * the record's evidence. Extensions with another URL are left aside (see the header).
 */
function readFromRecord(extension: unknown): { evidence: TRecordEvidence[]; unread: number } {
  const list = Array.isArray(extension) ? extension : extension === undefined ? [] : [extension];
  const evidence: TRecordEvidence[] = [];
  let unread = 0;
  for (const e of list) {
    if (!isObject(e) || e['url'] !== ANSWER_FROM_RECORD_URL) continue;
    const ref = e['valueReference'];
    const values = Object.keys(e).filter((k) => k.startsWith('value'));
    const display = isObject(ref) ? ref['display'] : undefined;
    const reference = isObject(ref) ? ref['reference'] : undefined;
    const readable =
      values.length === 1 &&
      typeof reference === 'string' &&
      EVIDENCE_REFERENCE.test(reference) &&
      (display === undefined || (typeof display === 'string' && display.trim() !== '' && display.length <= MAX_EVIDENCE_TEXT));
    if (!readable) {
      unread++;
      continue;
    }
    // Written as \uXXXX where a character could reorder or hide the text around it, as in messages.
    if (!evidence.some((x) => x.reference === reference)) evidence.push({ reference, text: printable(typeof display === 'string' ? display : reference) });
  }
  return { evidence, unread };
}

/**
 * Read a QuestionnaireResponse (parsed JSON, or its text) made for this content version. Returns the
 * answers in normal form, with answers of disabled questions dropped as everywhere else, or one
 * message that names the problem. Never throws.
 */
export function fromQuestionnaireResponse(json: unknown, content: TContent): TImportResult {
  try {
    return importResponse(json, content);
  } catch (error) {
    return { ok: false, message: `Could not read the response: ${printable(error instanceof Error ? error.message : String(error)).slice(0, 200)}` };
  }
}

function importResponse(json: unknown, content: TContent): TImportResult {
  const fail = (message: string): TImportResult => ({ ok: false, message });
  let data = json;
  if (typeof json === 'string') {
    const text = stripBom(json);
    try {
      data = JSON.parse(text);
    } catch (error) {
      return fail(`The file is not valid JSON: ${printable((error as Error).message.slice(0, 200))}`);
    }
    // JSON.parse keeps the last of two members with one name: "code" or "answer" given twice would be
    // read as one of them, without a word.
    const duplicates = duplicateMembers(text);
    if (duplicates.length > 0) {
      const shown = duplicates.slice(0, MAX_LISTED_PROBLEMS).map(describeDuplicate).join('; ');
      return fail(`The file gives a member name twice in one object, so it could be read two ways: ${shown}${duplicates.length > MAX_LISTED_PROBLEMS ? '; …' : ''}. Nothing was imported.`);
    }
  }
  if (nestedDeeperThan(data, MAX_RESPONSE_DEPTH))
    return fail(`The file is nested more than ${MAX_RESPONSE_DEPTH} levels deep; no response to this questionnaire is, so it is not read.`);
  const parsed = ZResponse.safeParse(data);
  if (!parsed.success) {
    // The first few problems, each bounded: a crafted file must not fill the page with its own text.
    const shown = parsed.error.issues.slice(0, MAX_LISTED_PROBLEMS);
    const more = parsed.error.issues.length - shown.length;
    const listed = shown.map((issue) => `${issue.message.slice(0, 120)}${issue.path.length ? ` at ${quote(issue.path.join('.'))}` : ''}`).join('; ');
    return fail(`Not a FHIR QuestionnaireResponse: ${listed}${more > 0 ? `; and ${more} more` : ''}.`);
  }
  const response = parsed.data;

  const bar = response.questionnaire.lastIndexOf('|');
  const url = bar < 0 ? response.questionnaire : response.questionnaire.slice(0, bar);
  const version = bar < 0 ? null : response.questionnaire.slice(bar + 1);
  if (url !== FHIR_QUESTIONNAIRE_URL)
    return fail(`This response answers another questionnaire (${quote(url).slice(1, -1)}), not ${FHIR_QUESTIONNAIRE_URL}.`);
  // An earlier version whose ids all mean the same here (1.2 only added questions and options) is
  // read as this one, with a note; any other version is refused.
  const compatible = version !== null && version !== content.version && COMPATIBLE_VERSIONS.includes(version);
  if (version !== null && version !== content.version && !compatible)
    return fail(`The response was made with content version ${quote(version).slice(1, -1)}, but this app uses version ${content.version}. Answers are only imported into the version they were given in, or one that only adds to it.`);
  const status = response.status;
  if (!READ_STATUSES.some((s) => s === status)) {
    const given = typeof status === 'string' ? `has status ${quote(status)}` : 'does not give its status as text';
    return fail(`The response ${given}; only a completed, in-progress or amended response is read${status === 'entered-in-error' ? ' (entered-in-error means its answers were recorded in error)' : ''}.`);
  }

  if (present(response.modifierExtension)) return fail(`The response has an extension ${MODIFIER_REFUSED}`);

  const sectionIds = new Set(content.sections.map((s) => s.id));
  const questionsById = new Map(content.questions.map((q) => [q.id, q]));
  const answers: Record<string, TAnswerValue> = {};
  const notes: string[] = [];
  const seen = new Set<string>();
  /** The record entries behind each option, by question, as the file gives them (kept below only where the answers hold the option). */
  const evidenceBy = new Map<string, Map<string, TRecordEvidence[]>>();
  /** The questions some of whose record entries could not be read. */
  const unreadEvidence: string[] = [];

  /** Returns a message, or null when every item was read. */
  const readItems = (items: readonly TResponseItemInput[]): string | null => {
    for (const item of items) {
      if (seen.has(item.linkId)) return `The response answers item ${quote(item.linkId)} more than once.`;
      seen.add(item.linkId);
      if (present(item.modifierExtension)) return `Item ${quote(item.linkId)} has an extension ${MODIFIER_REFUSED}`;
      const q = questionsById.get(item.linkId);
      if (!q) {
        if (!sectionIds.has(item.linkId))
          return `The response contains an item with unknown linkId ${quote(item.linkId)}; it is not a question or section of content version ${content.version}.`;
        if (item.answer?.length) return `Section ${quote(item.linkId)} is a group and cannot hold an answer.`;
        const problem = readItems(item.item ?? []);
        if (problem) return problem;
        continue;
      }
      // Items nested under a question are legal FHIR, but this app has no such questions: what they
      // say (a red flag, say) would be left out of the assessment without a word. Refuse the file.
      if (item.item?.length)
        return `Question ${q.id} holds nested items (item[].item: ${listLinkIds(item.item)}), which this app does not read, so the file is not imported.`;
      const codes: string[] = [];
      for (const answer of item.answer ?? []) {
        const nested = answer['item'];
        if (nested !== undefined && !(Array.isArray(nested) && nested.length === 0))
          return `An answer to ${q.id} holds nested items (answer[].item${Array.isArray(nested) ? `: ${listLinkIds(nested)}` : ''}), which this app does not read, so the file is not imported.`;
        if (present(answer['modifierExtension'])) return `An answer to ${q.id} has an extension ${MODIFIER_REFUSED}`;
        const coding = ZAnswerCoding.safeParse(answer['valueCoding']);
        if (!coding.success) return `The answer to ${q.id} must be a valueCoding with a code.`;
        if (coding.data.system !== undefined && coding.data.system !== codeSystemOf(q.id))
          return `The answer to ${q.id} uses code system ${quote(coding.data.system)}; expected "${codeSystemOf(q.id)}".`;
        codes.push(coding.data.code);
        const { evidence, unread } = readFromRecord(answer['extension']);
        // "Unknown / not assessed" is never the record's: an entry claimed for it is not read either.
        const isOption = q.options.some((o) => o.id === coding.data.code);
        if ((unread > 0 || (!isOption && evidence.length > 0)) && !unreadEvidence.includes(q.id)) unreadEvidence.push(q.id);
        if (isOption && evidence.length > 0) {
          const byCode = evidenceBy.get(q.id) ?? new Map<string, TRecordEvidence[]>();
          const known = byCode.get(coding.data.code) ?? [];
          byCode.set(coding.data.code, [...known, ...evidence.filter((e) => !known.some((k) => k.reference === e.reference))]);
          evidenceBy.set(q.id, byCode);
        }
      }
      if (q.kind === 'single' && codes.length > 1)
        return `${q.id} is a single-select question, but the response gives ${codes.length} answers (${codes.slice(0, MAX_LISTED_PROBLEMS).map(quote).join(', ')}${codes.length > MAX_LISTED_PROBLEMS ? ', …' : ''}).`;
      if (codes.length === 0) continue;
      let given = codes;
      if (q.kind === 'multi' && given.length > 1) {
        // Other renderers may let "Unknown" or "None" be ticked with real options: keep the real ones.
        const alone = [UNKNOWN, ...q.exclusive].filter((code) => given.includes(code));
        const real = given.filter((code) => !alone.includes(code));
        if (alone.length > 0 && real.length > 0) {
          const labels = alone.map((code) => (code === UNKNOWN ? answerWords.unknown : (q.options.find((o) => o.id === code)?.label ?? code)));
          notes.push(`“${q.prompt}” had “${labels.join('” and “')}” ticked with other options; the other options were kept.`);
          given = real;
        }
      }
      const result = normaliseAnswer(q, q.kind === 'single' ? given[0] : given);
      if (!result.ok) return result.problem.message;
      // An unknown coding is the clinician's choice: kept, as the app keeps it (see answers.ts).
      if (result.value !== undefined) answers[q.id] = result.value;
    }
    return null;
  };

  const problem = readItems(response.item ?? []);
  if (problem) return fail(problem);
  if (version === null) notes.push(`The file does not name the questionnaire version; its questions and answers match version ${content.version}.`);
  if (compatible) notes.push(`The file was made with questionnaire version ${version}; every question and answer in it means the same in version ${content.version}, which only adds to it. Questions added since are not answered.`);
  // Answers the file's own branching turns off (after a mimic in the first section, say) are kept
  // set aside, as the app keeps them after a change: shown on the summary, never silently dropped.
  const { answers: kept, setAside } = settleAnswers(answers, content);
  const aside = Object.keys(setAside).length;
  if (aside > 0)
    notes.push(
      `${aside === 1 ? '1 answer' : `${aside} answers`} in the file ${aside === 1 ? 'does' : 'do'} not apply with its other answers, so ${aside === 1 ? 'it is' : 'they are'} set aside: left out of the assessment, kept in this tab, and brought back if those answers change.`,
    );
  for (const id of unreadEvidence)
    notes.push(
      `Some of the patient’s record entries given for “${questionsById.get(id)!.prompt}” could not be read (each must be a reference to a ${RECORD_EVIDENCE_TYPES.join(', ')} resource, for an option of the question), so they are left out; the answer itself is kept.`,
    );
  // The record's part in an answer counts only while the answer holds the option (as in the app).
  const fromRecord: TFromRecord = {};
  for (const [id, byCode] of evidenceBy) {
    const value = kept[id];
    if (value === undefined) continue;
    const held = typeof value === 'string' ? [value] : value;
    const suggestions: TSuggestion[] = [...byCode].filter(([code]) => held.includes(code)).map(([code, evidence]) => ({ question: id, value: code, evidence }));
    if (suggestions.length > 0) fromRecord[id] = suggestions;
  }
  const about = aboutOf(response);
  return {
    ok: true,
    answers: kept,
    setAside,
    notes,
    ...(Object.keys(fromRecord).length > 0 ? { fromRecord } : {}),
    ...(Object.keys(about).length > 0 ? { about } : {}),
  };
}

/** The references a response gives as its subject, author and source (a reference that is not text is left out). */
function aboutOf(response: { subject?: unknown; author?: unknown; source?: unknown }): TResponseAbout {
  const about: TResponseAbout = {};
  for (const key of ['subject', 'author', 'source'] as const) {
    const value = response[key];
    const reference = isObject(value) ? value['reference'] : undefined;
    if (typeof reference === 'string' && reference !== '') about[key] = printable(reference.slice(0, 200));
  }
  return about;
}
