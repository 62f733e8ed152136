/**
 * Answer files as text: the checks JSON.parse cannot make. A file over 1 MB is refused (callers read
 * at most that much), a UTF-8 byte-order mark is accepted (as the browser's import accepts it), and a
 * member name given twice in one object — a question id in "answers", or anywhere else — is refused
 * naming it: JSON.parse would silently keep the last one. The answers themselves are then read by
 * `parseAnswerFile`. The duplicate check and the depth check are shared with the FHIR import.
 */
import type { TFlowContent } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import { parseAnswerFile, printable, quote, type TAnswerProblem } from '../answers/parse';

export { MAX_QUOTED_CHARS, quote } from '../answers/parse';

/** The largest answer file or saved response read: far above any real one (a few KB). */
export const MAX_ANSWER_FILE_BYTES = 1024 * 1024;
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

type TFrame = { kind: 'object' | 'array'; expectKey: boolean; keys: Set<string>; lastKey: string | null; index: number };

/** A member name given more than once in one object, and where that object is (`""` for the top level). */
export type TDuplicateMember = { key: string; at: string };

/** The most duplicates one scan reports: enough to name the problem, bounded for a crafted file. */
const MAX_DUPLICATES_REPORTED = 20;

/** Where the innermost open value of a scan is, as `item[0].answer[2]` (`""` for the top level). */
function pathOf(stack: readonly TFrame[]): string {
  let path = '';
  for (let depth = 1; depth < stack.length; depth++) {
    const parent = stack[depth - 1]!;
    path += parent.kind === 'array' ? `[${parent.index}]` : `${path ? '.' : ''}${parent.lastKey ?? ''}`;
  }
  return path;
}

/**
 * Member names given more than once in the same object, anywhere in the document, in order of their
 * second appearance (each name and place once, at most 20). JSON.parse keeps the last of them
 * without a word, so a file that says two things in one place would be read as saying one: the CLI's
 * answer files and the browser's FHIR import both refuse such a file with this one check. `text`
 * must be valid JSON (parse it first): this is a scan, not a parser, and it keeps its own stack, so
 * no nesting depth can overflow it.
 */
export function duplicateMembers(text: string): TDuplicateMember[] {
  const stack: TFrame[] = [];
  const found: TDuplicateMember[] = [];
  for (let i = 0; i < text.length && found.length < MAX_DUPLICATES_REPORTED; i++) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) {
          const at = pathOf(stack);
          if (!found.some((d) => d.key === key && d.at === at)) found.push({ key, at });
        }
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      stack.push({ kind: ch === '{' ? 'object' : 'array', expectKey: ch === '{', keys: new Set(), lastKey: null, index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',' && top) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index++;
    }
  }
  return found;
}

/** A duplicate member in words: `"G1" is given more than once in answers`. */
export const describeDuplicate = ({ key, at }: TDuplicateMember) => `${quote(key)} is given more than once${at ? ` in ${quote(at).slice(1, -1)}` : ''}`;

/**
 * Whether a parsed JSON value nests objects and arrays more than `limit` levels deep (the top-level
 * value is level 1). Walked with a list, not by recursion: the file decides the depth, and a
 * recursive reader of it (a schema, a copy) would run out of stack — "Maximum call stack size
 * exceeded" is no message for a clinician.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(next) ? next : Object.values(next)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}

export type TAnswerFileResult = { ok: true; answers: TAnswers } | { ok: false; problems: TAnswerProblem[] };

/** Read an answer file's text (at most 1 MB of it, BOM allowed) into answers, or the problems found. */
export function readAnswerFile(text: string, byteLength: number, content: TFlowContent): TAnswerFileResult {
  if (byteLength > MAX_ANSWER_FILE_BYTES) {
    return { ok: false, problems: [{ question: null, message: `the file is larger than ${MAX_ANSWER_FILE_BYTES / 1024 / 1024} MB, so it is not an answer file` }] };
  }
  const json = stripBom(text);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ question: null, message: `malformed JSON: ${printable((error as Error).message.slice(0, 200))}` }] };
  }
  const duplicates = duplicateMembers(json);
  if (duplicates.length > 0) {
    return { ok: false, problems: duplicates.map((d) => ({ question: d.at === 'answers' ? d.key : null, message: describeDuplicate(d) })) };
  }
  return parseAnswerFile(data, content);
}
