/**
 * Answers from outside — an answer file, a FHIR import, saved progress: each raw value normalised for
 * its question (`unknown` for any spelling of unknown), a whole file parsed, and the words a message
 * may quote from them made safe to print. Apart from answers.ts so that the question pages' first
 * load, which reads answers but never parses them, does not carry this.
 */
import { UNKNOWN } from '../../content/ids';
import type { TFlowContent, TQuestion } from '../../content/schema';
import { type TAnswers, type TAnswerValue } from './answers';

export type TAnswerProblem = { question: string | null; message: string };

/** The most of a bad value any message quotes. */
export const MAX_QUOTED_CHARS = 80;

/**
 * Characters a message must never print as they are: C0 and C1 controls and DEL (a terminal obeys
 * escape sequences), the bidirectional marks, embeddings, overrides and isolates (they reorder the
 * text around them, so a right-to-left override in an id could make the app's own message read
 * otherwise), line and paragraph separators, and lone surrogate halves.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeChar = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text from a file made safe to print: every unprintable character (see above) written as `\uXXXX`. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, escapeChar);

/** Text from outside shown in a line of the app's own: printable, and cut at `max` characters (with “…”). */
export const printableCut = (text: string, max: number): string => printable(text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A value quoted for a message, cut to 80 characters so a huge bad value is never echoed whole, with
 * `"` and `\` escaped and every unprintable character written as `\uXXXX`, as in JSON: what is
 * between the quotes is always the value, and nothing in it can move or hide the text around it.
 */
export function quote(value: string): string {
  const cut = value.length > MAX_QUOTED_CHARS ? value.slice(0, MAX_QUOTED_CHARS) : value;
  return `"${printable(cut.replace(/[\\"]/g, '\\$&'))}${cut.length < value.length ? '…' : ''}"`;
}

/**
 * Normalise one raw answer for one question. Returns the stored value (`unknown` for any spelling of
 * unknown, `undefined` for an empty list) or a problem naming the question.
 */
export function normaliseAnswer(
  q: TQuestion,
  raw: unknown,
): { ok: true; value: TAnswerValue | undefined } | { ok: false; problem: TAnswerProblem } {
  const fail = (message: string) => ({ ok: false as const, problem: { question: q.id, message } });
  const optionIds = q.options.map((o) => o.id);
  if (q.kind === 'single') {
    if (Array.isArray(raw)) return fail(`${q.id} is a single-select question, but a list was given`);
    if (typeof raw !== 'string') return fail(`${q.id} needs one option id as a string`);
    if (raw === UNKNOWN) return { ok: true, value: UNKNOWN };
    if (!optionIds.includes(raw)) return fail(`${quote(raw)} is not an option of ${q.id} (options: ${optionIds.join(', ')}, unknown)`);
    return { ok: true, value: raw };
  }
  const list: unknown[] = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [null];
  if (!list.every((v): v is string => typeof v === 'string')) return fail(`${q.id} needs a list of option ids`);
  const chosen = [...new Set(list)];
  if (chosen.length === 0) return { ok: true, value: undefined };
  if (chosen.length === 1 && chosen[0] === UNKNOWN) return { ok: true, value: UNKNOWN };
  const unknownOption = chosen.find((v) => v !== UNKNOWN && !optionIds.includes(v));
  if (unknownOption !== undefined)
    return fail(`${quote(unknownOption)} is not an option of ${q.id} (options: ${optionIds.join(', ')}, unknown)`);
  const alone = [UNKNOWN, ...q.exclusive].find((v) => chosen.includes(v));
  if (alone !== undefined && chosen.length > 1) return fail(`in ${q.id}, "${alone}" must stand alone`);
  return { ok: true, value: optionIds.filter((id) => chosen.includes(id)) };
}

/**
 * Read an answer file's parsed JSON: `{ "answers": { "G1": "positive_jerks", "A2": [...] } }`.
 * Every problem is reported, each naming the offending question id.
 */
export function parseAnswerFile(
  data: unknown,
  content: TFlowContent,
): { ok: true; answers: TAnswers } | { ok: false; problems: TAnswerProblem[] } {
  // Other keys (a case description, a vignette's expected result) are allowed and ignored.
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data) || !isObject(data.answers)) {
    return { ok: false, problems: [{ question: null, message: 'not an answer file: expected an object with an "answers" object of question ids' }] };
  }
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  const answers: Record<string, TAnswerValue> = {};
  const problems: TAnswerProblem[] = [];
  for (const [id, raw] of Object.entries(data.answers)) {
    const q = byId.get(id);
    if (!q) {
      problems.push({ question: id, message: `unknown question id ${quote(id)}` });
      continue;
    }
    const result = normaliseAnswer(q, raw);
    if (!result.ok) problems.push(result.problem);
    // An explicit unknown is kept, so it reads as chosen; an omitted question reads "Not answered".
    else if (result.value !== undefined) answers[id] = result.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  // Stable key order: the questionnaire's.
  const ordered: Record<string, TAnswerValue> = {};
  for (const q of content.questions) {
    const value = answers[q.id];
    if (value !== undefined) ordered[q.id] = value;
  }
  return { ok: true, answers: ordered };
}
