/**
 * Which answers came from the record, and settling the record's suggestions as the clinician answers:
 * small on purpose, as the result page and the question form carry it (the rest of session.ts, which
 * reads the stored session, loads only with a launch).
 */
import type { TAnswers } from '../answers/answers';
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
 * one the answer holds is confirmed, each it leaves out is declined.
 */
export function resolveSuggestions<T extends TSettled>(session: T, question: string, value: string | readonly string[] | undefined): T {
  const chosen = new Set(typeof value === 'string' ? [value] : (value ?? []));
  const mine = pendingSuggestions(session, question);
  if (mine.length === 0 || value === undefined) return session;
  const keys = (pick: boolean) => mine.filter((s) => chosen.has(s.value) === pick).map(suggestionKey);
  return { ...session, confirmed: [...session.confirmed, ...keys(true)], declined: [...session.declined, ...keys(false)] };
}
