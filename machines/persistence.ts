/**
 * Saved progress: `{ contentVersion, answers, position, attested }` in sessionStorage, validated on
 * the way back in. Anything tampered with, malformed, oversized or saved by another content version
 * is rejected with a message a clinician can act on; it is never half-restored.
 */
import './zod-jitless';
import * as z from 'zod/mini';
import { UNKNOWN } from '../content/ids';
import type { TFlowContent } from '../content/schema';
import { normaliseAnswer, resolveAnswers, type TAnswers, type TAnswerValue } from './answers';
import type { TPosition } from './questionnaire.machine';

export const STORAGE_KEY = 'myoclonus-navigator.session';
/** Far above any real session (about 1 KB); a larger value is not ours. */
export const MAX_SAVED_BYTES = 16_384;

// zod/mini: the same validation as zod, a fraction of its size in the browser's first load.
const ZPosition = z.union([z.enum(['start', 'summary', 'result']), z.strictObject({ question: z.string().check(z.maxLength(16)) })]);

const ZOptionId = z.string().check(z.maxLength(64));
const ZSaved = z.strictObject({
  contentVersion: z.string().check(z.maxLength(32)),
  answers: z.record(z.string().check(z.maxLength(16)), z.union([ZOptionId, z.array(ZOptionId).check(z.maxLength(16))])),
  position: ZPosition,
  attested: z.boolean(),
});
export type TSaved = z.infer<typeof ZSaved>;

export type TRestore =
  | { kind: 'empty' }
  | { kind: 'restored'; answers: TAnswers; position: TPosition; attested: boolean }
  | { kind: 'rejected'; reason: 'too-large' | 'malformed' | 'shape' | 'version' | 'unknown-answer' | 'position'; message: string };

export function serialise(state: { answers: TAnswers; position: TPosition; attested: boolean }, content: TFlowContent): string {
  const saved: TSaved = {
    contentVersion: content.version,
    answers: Object.fromEntries(Object.entries(state.answers).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]])),
    position: state.position,
    attested: state.attested,
  };
  return JSON.stringify(saved);
}

const startAgain = 'Start again to continue; nothing was sent anywhere.';

export function restore(raw: string | null, content: TFlowContent): TRestore {
  if (raw === null || raw === '') return { kind: 'empty' };
  const reject = (reason: Extract<TRestore, { kind: 'rejected' }>['reason'], message: string): TRestore => ({
    kind: 'rejected',
    reason,
    message: `${message} ${startAgain}`,
  });
  if (raw.length > MAX_SAVED_BYTES) return reject('too-large', 'The saved progress in this tab is larger than any real session and was discarded.');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return reject('malformed', 'The saved progress in this tab is damaged (not valid JSON) and was discarded.');
  }
  if (typeof data === 'object' && data !== null && 'contentVersion' in data && data.contentVersion !== content.version) {
    const saved = typeof data.contentVersion === 'string' ? data.contentVersion.slice(0, 32) : 'unknown';
    return reject('version', `The saved progress was made with questionnaire version ${saved}; this is version ${content.version}, so it was discarded.`);
  }
  const parsed = ZSaved.safeParse(data);
  if (!parsed.success) return reject('shape', 'The saved progress in this tab is not in the expected form and was discarded.');

  if (!parsed.data.attested && parsed.data.position !== 'start') {
    return reject('shape', 'The saved progress skips the start page’s confirmation and was discarded.');
  }
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  const answers: Record<string, TAnswerValue> = {};
  for (const [id, value] of Object.entries(parsed.data.answers)) {
    const q = byId.get(id);
    if (!q) return reject('unknown-answer', `The saved progress names a question (${id.slice(0, 16)}) this questionnaire does not have, and was discarded.`);
    if (value === UNKNOWN) {
      answers[id] = UNKNOWN;
      continue;
    }
    const normal = normaliseAnswer(q, value);
    if (!normal.ok) return reject('unknown-answer', `The saved answer to ${id} is not one of its options, so the saved progress was discarded.`);
    if (normal.value !== undefined) answers[id] = normal.value;
  }
  const { enabled, answers: kept } = resolveAnswers(answers, content);
  const position = parsed.data.position;
  if (typeof position !== 'string' && !enabled.some((q) => q.id === position.question)) {
    return reject('position', 'The saved progress points to a question that these answers do not lead to, and was discarded.');
  }
  return { kind: 'restored', answers: kept, position, attested: parsed.data.attested };
}
