/**
 * Saved progress: `{ contentVersion, answers, setAside, discarded, position, change, attested }` in
 * sessionStorage (set-aside answers, what Start again cleared and a change from the summary under
 * way are kept too), validated on the way back in. The first reading (size, JSON, version) is
 * session-format.ts's `readSaved`, shared with the question page's inline script. Anything tampered with, malformed, oversized or saved by another content version
 * is rejected with a message a clinician can act on; it is never half-restored.
 */
import './zod-jitless';
import * as z from 'zod/mini';
import { COMPATIBLE_VERSIONS } from '../../content/flow';
import type { TFlowContent } from '../../content/schema';
import { settleAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';
import { normaliseAnswer } from '../answers/parse';
import type { TChange, TDiscarded, TPosition } from '../flow/questionnaire.machine';

export { MAX_SAVED_BYTES, serialise, STORAGE_KEY } from './session-format';
import { MAX_SAVED_BYTES, readSaved } from './session-format';

// zod/mini: the same validation as zod, a fraction of its size in the browser's first load.
const ZPosition = z.union([z.enum(['start', 'summary', 'result']), z.strictObject({ question: z.string().check(z.maxLength(16)) })]);

const ZOptionId = z.string().check(z.maxLength(64));
const ZAnswers = z.record(z.string().check(z.maxLength(16)), z.union([ZOptionId, z.array(ZOptionId).check(z.maxLength(16))]));
const ZSaved = z.strictObject({
  contentVersion: z.string().check(z.maxLength(32)),
  answers: ZAnswers,
  setAside: z.optional(ZAnswers),
  discarded: z.optional(z.strictObject({ answers: ZAnswers, setAside: ZAnswers, position: ZPosition })),
  position: ZPosition,
  change: z.optional(z.strictObject({ queue: z.array(z.string().check(z.maxLength(16))).check(z.maxLength(64)) })),
  attested: z.boolean(),
});

export type TRestore =
  | { kind: 'empty' }
  | { kind: 'restored'; answers: TAnswers; setAside: TAnswers; discarded: TDiscarded | null; position: TPosition; change: TChange | null; attested: boolean }
  | { kind: 'rejected'; reason: 'too-large' | 'malformed' | 'shape' | 'version' | 'unknown-answer' | 'position'; message: string };

const startAgain = 'Start again to continue; nothing was sent anywhere.';

export function restore(raw: string | null, content: TFlowContent): TRestore {
  const reject = (reason: Extract<TRestore, { kind: 'rejected' }>['reason'], message: string): TRestore => ({
    kind: 'rejected',
    reason,
    message: `${message} ${startAgain}`,
  });
  // Progress saved by an earlier version whose ids all mean the same here (1.2 only added to 1.1) is
  // kept: nothing a clinician answered is lost to a deployment.
  const read = readSaved(raw, { max: MAX_SAVED_BYTES, versions: [content.version, ...COMPATIBLE_VERSIONS] });
  if (read.kind === 'empty') return read;
  if (read.kind === 'too-large') return reject('too-large', 'The saved progress in this tab is larger than any real session and was discarded.');
  if (read.kind === 'malformed') return reject('malformed', 'The saved progress in this tab is damaged (not valid JSON) and was discarded.');
  if (read.kind === 'version') {
    return reject('version', `The saved progress was made with questionnaire version ${read.saved}; this is version ${content.version}, so it was discarded.`);
  }
  const parsed = read.kind === 'read' ? ZSaved.safeParse(read.data) : null;
  if (parsed === null || !parsed.success) return reject('shape', 'The saved progress in this tab is not in the expected form and was discarded.');

  if (!parsed.data.attested && parsed.data.position !== 'start') {
    return reject('shape', 'The saved progress skips the start page’s confirmation and was discarded.');
  }
  // Answers are only ever saved after the confirmation (Start again clears them, keeping them for
  // Undo only): answers without it would be carried into what looks like a new case.
  if (!parsed.data.attested && Object.keys(parsed.data.answers).length + Object.keys(parsed.data.setAside ?? {}).length > 0) {
    return reject('shape', 'The saved progress holds answers without the start page’s confirmation and was discarded.');
  }
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  /** Saved answers in normal form (unknown as the string "unknown"), or the id of the first bad one. */
  const readAnswers = (saved: Record<string, string | string[]>): { ok: true; answers: TAnswers } | { ok: false; reject: TRestore } => {
    const answers: Record<string, TAnswerValue> = {};
    for (const [id, value] of Object.entries(saved)) {
      const q = byId.get(id);
      if (!q) return { ok: false, reject: reject('unknown-answer', `The saved progress names a question (${id.slice(0, 16)}) this questionnaire does not have, and was discarded.`) };
      const normal = normaliseAnswer(q, value);
      if (!normal.ok) return { ok: false, reject: reject('unknown-answer', `The saved answer to ${id} is not one of its options, so the saved progress was discarded.`) };
      if (normal.value !== undefined) answers[id] = normal.value;
    }
    return { ok: true, answers };
  };
  const given = readAnswers(parsed.data.answers);
  if (!given.ok) return given.reject;
  const aside = readAnswers(parsed.data.setAside ?? {});
  if (!aside.ok) return aside.reject;
  const { enabled, answers, setAside } = settleAnswers({ ...aside.answers, ...given.answers }, content);
  const position = parsed.data.position;
  if (typeof position !== 'string' && !enabled.some((q) => q.id === position.question)) {
    return reject('position', 'The saved progress points to a question that these answers do not lead to, and was discarded.');
  }
  // A change from the summary under way: at a question, its queue the questions these answers still
  // ask, each once, the changed question not among them.
  let change: TChange | null = null;
  if (parsed.data.change) {
    const queue = parsed.data.change.queue;
    const asked = new Set(enabled.map((q) => q.id));
    const valid = typeof position !== 'string' && new Set(queue).size === queue.length && queue.every((id) => asked.has(id) && id !== position.question);
    if (!valid) return reject('position', 'The saved progress says an answer was being changed, but not in a way these answers allow, and was discarded.');
    change = { question: position.question, queue };
  }
  let discarded: TDiscarded | null = null;
  if (parsed.data.discarded) {
    const old = readAnswers({ ...parsed.data.discarded.setAside, ...parsed.data.discarded.answers });
    if (!old.ok) return old.reject;
    const settled = settleAnswers(old.answers, content);
    // Undo returns to where Start again was pressed; a question these answers do not reach (a
    // tampered file) would make Undo do nothing: it returns to the summary instead.
    const back = parsed.data.discarded.position;
    const reachable = typeof back === 'string' || settled.enabled.some((q) => q.id === back.question);
    discarded = { answers: settled.answers, setAside: settled.setAside, position: reachable ? back : 'summary' };
  }
  return { kind: 'restored', answers, setAside, discarded, position, change, attested: parsed.data.attested };
}
