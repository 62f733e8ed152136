/**
 * Answers: their normal form, the conditions over them, which questions are enabled, and the
 * parsing of answer files. Pure functions of answers and content.
 */
import { UNKNOWN } from '../../content/ids';
import type { TCondition, TFlowContent, TQuestion } from '../../content/schema';

/**
 * Answers in normal form: a single-select question maps to one option id, a multi-select question
 * to a non-empty list in the question's option order.
 *
 * "Unknown / not assessed" has ONE shape everywhere inside the app: the string `unknown`, for single-
 * and multi-select questions alike, meaning the clinician chose it. An absent key means the question
 * has not been answered (never reached, or left out of an answer file or FHIR response). The two read
 * differently ("Unknown / not assessed", "Not answered": vocabulary.ts) and neither carries evidence
 * (the assessment strips `unknown` with `withoutUnknown`). Other spellings (`["unknown"]`, a FHIR
 * `unknown` coding) are normalised at the edges by `normaliseAnswer`, and kept: saved progress,
 * answer files and FHIR imports all bring an explicit unknown back as `unknown`.
 */
export type TAnswerValue = string | readonly string[];
export type TAnswers = Readonly<Record<string, TAnswerValue>>;

/**
 * What an answer is: `answered` (option ids), `unknown` (chosen as "Unknown / not assessed") or
 * `unanswered` (no value: never reached, or passed without an answer). How each reads: vocabulary.ts.
 */
export type TAnswerKind = 'answered' | 'unknown' | 'unanswered';

/** The kind of a stored answer (`["unknown"]`, a spelling from outside, counts as unknown). */
export function answerKind(value: TAnswerValue | undefined): TAnswerKind {
  if (value === undefined || value.length === 0) return 'unanswered';
  if (value === UNKNOWN || (typeof value !== 'string' && value.every((v) => v === UNKNOWN))) return 'unknown';
  return 'answered';
}

export function evaluate(condition: TCondition, answers: TAnswers): boolean {
  // Leaves first, without building a list for a single answer: the assessment's "what would change
  // it" evaluates every rule once per hypothetical answer.
  if ('question' in condition) {
    const answer = answers[condition.question];
    if (answer === undefined) return false;
    switch (condition.op) {
      case 'is':
      case 'includes':
        return typeof answer === 'string' ? answer === condition.value : answer.includes(condition.value);
      case 'in':
      case 'includesAny':
        return typeof answer === 'string' ? condition.value.includes(answer) : answer.some((v) => condition.value.includes(v));
    }
  }
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  return !evaluate(condition.not, answers);
}

/** Each section's condition, by section id, made once per content bundle. */
const sectionConditions = new WeakMap<TFlowContent, ReadonlyMap<string, TCondition | undefined>>();
function sectionConditionsOf(content: TFlowContent): ReadonlyMap<string, TCondition | undefined> {
  let map = sectionConditions.get(content);
  if (!map) {
    map = new Map(content.sections.map((s) => [s.id, s.enableWhen]));
    sectionConditions.set(content, map);
  }
  return map;
}

/**
 * The questions that are asked, in order, and the answers that count. A question is enabled when its
 * section's condition and its own hold over the answers of the enabled questions before it; the answer
 * of a disabled question is dropped, so it can never influence the assessment.
 */
export function resolveAnswers(
  answers: TAnswers,
  content: TFlowContent,
): { enabled: readonly TQuestion[]; answers: TAnswers } {
  const kept: Record<string, TAnswerValue> = {};
  const enabled: TQuestion[] = [];
  const sectionCondition = sectionConditionsOf(content);
  for (const q of content.questions) {
    const sectionWhen = sectionCondition.get(q.section);
    if (sectionWhen && !evaluate(sectionWhen, kept)) continue;
    if (q.enableWhen && !evaluate(q.enableWhen, kept)) continue;
    enabled.push(q);
    const answer = answers[q.id];
    if (answer !== undefined) kept[q.id] = answer;
  }
  return { enabled, answers: kept };
}

/** Which questions can be asked, and when: the content's conditions, as plain data for a script. */
export type TEnablePlan = {
  sections: readonly { id: string; when?: TCondition }[];
  /** With what an answer to each may hold (`normaliseAnswer`'s rules), for a script that reads saved answers. */
  questions: readonly { id: string; section: string; when?: TCondition; single: boolean; exclusive: readonly string[] }[];
};

export const enablePlanOf = (content: TFlowContent): TEnablePlan => ({
  sections: content.sections.map((s) => ({ id: s.id, when: s.enableWhen })),
  questions: content.questions.map((q) => ({
    id: q.id,
    section: q.section,
    when: q.enableWhen,
    single: q.kind === 'single',
    exclusive: q.kind === 'multi' ? q.exclusive : [],
  })),
});

/** Answers as saved progress's first reading gives them (`readSaved`'s peek): every value a list. */
export type TListAnswers = Readonly<Record<string, readonly string[]>>;

/**
 * `evaluate`, for answers read as lists. The summary's picture (picture-script.ts) runs this
 * function's source as it stands, so it names nothing outside itself and uses no syntax a bundler
 * would rewrite with helpers. A property test holds it to `evaluate`.
 */
export function listHolds(condition: TCondition, answers: TListAnswers): boolean {
  if ('question' in condition) {
    const given = Object.prototype.hasOwnProperty.call(answers, condition.question) ? answers[condition.question] : undefined;
    const wanted = typeof condition.value === 'string' ? [condition.value] : condition.value;
    return given !== undefined && given.some((v) => wanted.indexOf(v) >= 0);
  }
  if ('all' in condition) return condition.all.every((c) => listHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => listHolds(c, answers));
  return !listHolds(condition.not, answers);
}

/**
 * The ids of the questions these answers enable, in order: `resolveAnswers` for an inline script,
 * with `listHolds` passed in (the picture carries both). Self-contained like `listHolds`; a property
 * test holds it to `resolveAnswers`.
 */
export function enabledIdsOf(answers: TListAnswers, plan: TEnablePlan, holds: (condition: TCondition, answers: TListAnswers) => boolean): string[] {
  const kept: Record<string, readonly string[]> = {};
  const sectionWhen: Record<string, TCondition | undefined> = {};
  plan.sections.forEach((s) => {
    sectionWhen[s.id] = s.when;
  });
  const enabled: string[] = [];
  plan.questions.forEach((q) => {
    const inSection = sectionWhen[q.section];
    if ((inSection && !holds(inSection, kept)) || (q.when && !holds(q.when, kept))) return;
    enabled.push(q.id);
    const given = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    if (given !== undefined) kept[q.id] = given;
  });
  return enabled;
}

/**
 * Every answer given this session, split: the answers that count (enabled questions) and the ones
 * set aside because their question is disabled. Set-aside answers never reach the assessment or an
 * export; they come back if their question is enabled again (question bank 1.1, Branching).
 */
export function settleAnswers(all: TAnswers, content: TFlowContent): { enabled: readonly TQuestion[]; answers: TAnswers; setAside: TAnswers } {
  const { enabled, answers } = resolveAnswers(all, content);
  const setAside: Record<string, TAnswerValue> = {};
  for (const q of content.questions) {
    const value = all[q.id];
    if (value !== undefined && answers[q.id] === undefined) setAside[q.id] = value;
  }
  return { enabled, answers, setAside };
}

/** The questions whose answers make a condition false (the ones to change to make it hold). */
function blockers(condition: TCondition, answers: TAnswers): string[] {
  if ('all' in condition) return condition.all.filter((c) => !evaluate(c, answers)).flatMap((c) => blockers(c, answers));
  if ('any' in condition) return condition.any.flatMap((c) => blockers(c, answers));
  if ('not' in condition) return supporters(condition.not, answers);
  return [condition.question];
}
/** The questions whose answers make a condition true. */
function supporters(condition: TCondition, answers: TAnswers): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => supporters(c, answers));
  if ('any' in condition) return condition.any.filter((c) => evaluate(c, answers)).flatMap((c) => supporters(c, answers));
  if ('not' in condition) return blockers(condition.not, answers);
  return [condition.question];
}

export type TSetAsideGroup = {
  /** The questions whose answers disabled these (e.g. G3 for every question after a mimic). */
  because: readonly string[];
  /** The questions whose answers are set aside, in questionnaire order. */
  questions: readonly string[];
};

/**
 * Why each set-aside answer is set aside, grouped by the answers that disabled its question: the
 * summary says "N answers set aside because of your answer to …".
 */
export function setAsideGroups(setAside: TAnswers, answers: TAnswers, content: TFlowContent): TSetAsideGroup[] {
  const sectionCondition = sectionConditionsOf(content);
  const groups = new Map<string, { because: string[]; questions: string[] }>();
  for (const q of content.questions) {
    if (setAside[q.id] === undefined) continue;
    const sectionWhen = sectionCondition.get(q.section);
    const failing = sectionWhen && !evaluate(sectionWhen, answers) ? sectionWhen : q.enableWhen;
    const because = failing ? [...new Set(blockers(failing, answers))].filter((id) => answers[id] !== undefined) : [];
    const key = because.join(',');
    const group = groups.get(key) ?? { because, questions: [] };
    group.questions.push(q.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The answers after storing one (`undefined` clears it): the ones that count and the ones set aside.
 * Every answer of the session takes part, so a question enabled again gets its set-aside answer back.
 */
export function settleWithAnswer(
  answers: TAnswers,
  setAside: TAnswers,
  question: string,
  value: TAnswerValue | undefined,
  content: TFlowContent,
): { answers: TAnswers; setAside: TAnswers } {
  const all: Record<string, TAnswerValue> = { ...setAside, ...answers };
  if (value === undefined) delete all[question];
  else all[question] = value;
  const next = settleAnswers(all, content);
  return { answers: next.answers, setAside: next.setAside };
}

/** The answered questions that answering `question` with `value` would set aside (in order). */
export function wouldSetAside(answers: TAnswers, setAside: TAnswers, question: string, value: TAnswerValue | undefined, content: TFlowContent): string[] {
  const next = settleWithAnswer(answers, setAside, question, value, content);
  return content.questions.filter((q) => answers[q.id] !== undefined && next.setAside[q.id] !== undefined).map((q) => q.id);
}

/** The answers without explicit "Unknown / not assessed" entries, which carry no evidence. */
export function withoutUnknown(answers: TAnswers): TAnswers {
  const known: Record<string, TAnswerValue> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (answerKind(value) === 'answered') known[id] = value;
  }
  return known;
}

/**
 * True when `question` is in the gate section, the content's first: always asked, never skipped, no
 * red flag shown on its pages. The one place that decides it.
 */
export function inGateSection(question: string, content: Pick<TFlowContent, 'questions' | 'sections'>): boolean {
  const section = content.sections[0]?.id;
  return section !== undefined && content.questions.some((q) => q.id === question && q.section === section);
}

/**
 * True when a mimic answer in the first (gate) section has closed sections: the bedside and the
 * diagnoses (never the safety screen, question bank 1.2).
 */
export function isGateClosed(enabled: readonly TQuestion[], content: TFlowContent): boolean {
  return content.sections.some((s) => s.enableWhen !== undefined && !enabled.some((q) => q.section === s.id));
}

/** Where Back from the summary leads: the last question answered (else the last one asked). */
export function lastAnsweredQuestion(answers: TAnswers, content: TFlowContent): string | null {
  const enabled = resolveAnswers(answers, content).enabled;
  return enabled.filter((q) => answers[q.id] !== undefined).at(-1)?.id ?? enabled.at(-1)?.id ?? null;
}

export const enabledQuestions = (answers: TAnswers, content: TFlowContent) =>
  resolveAnswers(answers, content).enabled;

export const pruneAnswers = (answers: TAnswers, content: TFlowContent) =>
  resolveAnswers(answers, content).answers;
