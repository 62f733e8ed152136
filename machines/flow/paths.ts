/**
 * Every address of the app, formatted and parsed in one place. Views, the URL sync and the tests
 * import these; nothing else builds or reads a path.
 *
 * Questions share ONE route, `/questionnaire`, with the question id in the fragment:
 * `/questionnaire#G2`. A fragment is never sent to a server (not in the request line, not in a
 * Referer), so moving between questions — Continue, Back, Change, browser Back/Forward, a reload or
 * a bookmark — never tells the server which question is shown, and so never which answers led there
 * (D1a exists only when D1 = PME). Each question still has its own address and history entry.
 */

/** Where the clinician is: a question, or one of the fixed pages of the flow. */
export type TPosition = 'start' | 'summary' | 'result' | { question: string };

export const START_PATH = '/';
export const QUESTIONNAIRE_PATH = '/questionnaire';
export const SUMMARY_PATH = '/summary';
export const RESULT_PATH = '/result';
export const SOURCES_PATH = '/sources';

/** Question ids are short letters and digits (G1, D1a); anything else in a fragment is not one. */
export const QUESTION_ID = /^[A-Za-z][A-Za-z0-9]{0,15}$/;

/** The address of a position: `/`, `/summary`, `/result` or `/questionnaire#G2`. */
export function formatPath(position: TPosition): string {
  if (typeof position !== 'string') return `${QUESTIONNAIRE_PATH}#${position.question}`;
  if (position === 'start') return START_PATH;
  return position === 'summary' ? SUMMARY_PATH : RESULT_PATH;
}

/**
 * The position an address names, from its path and fragment (`location.pathname`, `location.hash`,
 * or one string holding both). A trailing slash is allowed (static hosts add one). Returns null for
 * an address outside the flow, and `{ question: '' }`-free: `/questionnaire` without a valid
 * fragment is `{ question: null }` (the questionnaire page with no question named).
 */
export function parsePath(pathname: string, hash = ''): TPosition | { question: null } | null {
  let path = pathname;
  let fragment = hash;
  const at = path.indexOf('#');
  if (at >= 0) {
    fragment = path.slice(at);
    path = path.slice(0, at);
  }
  path = path.split('?')[0] ?? '';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === START_PATH || path === '') return 'start';
  if (path === SUMMARY_PATH) return 'summary';
  if (path === RESULT_PATH) return 'result';
  if (path === QUESTIONNAIRE_PATH) {
    const id = fragment.replace(/^#/, '');
    return QUESTION_ID.test(id) ? { question: id } : { question: null };
  }
  return null;
}

/** True when two positions are the same page. */
export function samePosition(a: TPosition, b: TPosition): boolean {
  return formatPath(a) === formatPath(b);
}
