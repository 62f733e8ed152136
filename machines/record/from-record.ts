/**
 * Which answers came from the record, and settling the record's suggestions as the clinician answers:
 * small on purpose, as the result page and the question form carry it (the rest of session.ts, which
 * reads the stored session, loads only with a launch).
 */
import { UNKNOWN } from '../../content/ids';
import type { TQuestion } from '../../content/schema';
import type { TAnswers, TAnswerValue } from '../answers/answers';
import type { TFromRecord, TSuggestion } from './types';

/** What settling suggestions needs of a record session (session.ts). */
type TSettled = { suggestions: readonly TSuggestion[]; confirmed: readonly string[]; declined: readonly string[] };

export const suggestionKey = (s: { question: string; value: string }) => `${s.question}=${s.value}`;

/**
 * The answers that came from the record: a confirmed suggestion counts only while the answer still
 * holds its option (an answer changed since is the clinician's own).
 */
export function fromRecordOf(session: { suggestions: readonly TSuggestion[]; confirmed: readonly string[] } | null, answers: TAnswers): TFromRecord {
  if (!session) return {};
  const confirmed = new Set(session.confirmed);
  const out: TFromRecord = {};
  for (const s of session.suggestions) {
    const answer = answers[s.question];
    const holds = typeof answer === 'string' ? answer === s.value : Array.isArray(answer) && answer.includes(s.value);
    if (holds && confirmed.has(suggestionKey(s))) (out[s.question] ??= []).push(s);
  }
  return out;
}

/** Suggestions neither confirmed nor declined, of one question or all. */
export function pendingSuggestions(session: TSettled, question?: string): TSuggestion[] {
  const done = new Set([...session.confirmed, ...session.declined]);
  return session.suggestions.filter((s) => (question === undefined || s.question === question) && !done.has(suggestionKey(s)));
}

/**
 * After the clinician answered `question` with `value` on a page that showed its suggestions: each
 * one the answer holds is confirmed, each it leaves out is declined — whatever was decided before
 * (a suggestion set aside, then ticked and continued, is confirmed).
 */
export function resolveSuggestions<T extends TSettled>(session: T, question: string, value: string | readonly string[] | undefined): T {
  const mine = session.suggestions.filter((s) => s.question === question);
  if (mine.length === 0 || value === undefined) return session;
  const chosen = new Set(typeof value === 'string' ? [value] : value);
  const settled = new Set(mine.map(suggestionKey));
  const keys = (pick: boolean) => mine.filter((s) => chosen.has(s.value) === pick).map(suggestionKey);
  const others = (list: readonly string[]) => list.filter((k) => !settled.has(k));
  return { ...session, confirmed: [...others(session.confirmed), ...keys(true)], declined: [...others(session.declined), ...keys(false)] };
}

/** The answer after using a suggestion (on its page, or from the summary): a single choice replaced; a checkbox group added to, "None" and "Unknown" dropped. */
export function withSuggestion(q: TQuestion, answer: TAnswerValue | undefined, s: TSuggestion): TAnswerValue {
  if (q.kind === 'single') return s.value;
  const alone = new Set([UNKNOWN, ...q.exclusive]);
  const list = typeof answer === 'string' ? [answer] : [...(answer ?? [])];
  const kept = list.filter((v) => !alone.has(v));
  return q.options.map((o) => o.id).filter((id) => id === s.value || kept.includes(id));
}
