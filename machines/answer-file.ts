/**
 * Answer files as text: the checks JSON.parse cannot make. A file over 1 MB is refused (callers read
 * at most that much), a UTF-8 byte-order mark is accepted (as the browser's import accepts it), and a
 * question id given twice in "answers" is refused naming it — JSON.parse would silently keep the
 * last one. The answers themselves are then read by `parseAnswerFile`.
 */
import type { TFlowContent } from '../content/schema';
import { parseAnswerFile, quote, type TAnswerProblem, type TAnswers } from './answers';

export { MAX_QUOTED_CHARS, quote } from './answers';

/** The largest answer file or saved response read: far above any real one (a few KB). */
export const MAX_ANSWER_FILE_BYTES = 1024 * 1024;
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

type TFrame = { kind: 'object' | 'array'; watched: boolean; expectKey: boolean; keys: Set<string>; lastKey: string | null };

/**
 * Keys given more than once in the top-level object or in its "answers" object, in order of their
 * second appearance. `text` must be valid JSON (parse it first): this is a scan, not a parser.
 */
export function duplicateKeys(text: string): string[] {
  const stack: TFrame[] = [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.watched && top.keys.has(key) && !found.includes(key)) found.push(key);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      // Watched: the top-level object, and the object under its "answers" key.
      const watched = ch === '{' && (stack.length === 0 || (stack.length === 1 && top?.kind === 'object' && top.lastKey === 'answers'));
      stack.push({ kind: ch === '{' ? 'object' : 'array', watched, expectKey: ch === '{', keys: new Set(), lastKey: null });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',' && top?.kind === 'object') {
      top.expectKey = true;
    }
  }
  return found;
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
    return { ok: false, problems: [{ question: null, message: `malformed JSON: ${(error as Error).message.slice(0, 200)}` }] };
  }
  const duplicates = duplicateKeys(json);
  if (duplicates.length > 0) {
    return { ok: false, problems: duplicates.map((id) => ({ question: id, message: `${quote(id)} is given more than once` })) };
  }
  return parseAnswerFile(data, content);
}
