/**
 * The saved-progress format: the key, the size bound, `serialise` (every flow page saves each
 * change) and `readSaved`, the first reading of what is saved — the one place that parses it, shared
 * by `restore` (persistence.ts, which then validates it whole and brings the validator, loaded when
 * a page opens, not with its first paint), the provider (is anything saved?) and the inline scripts of
 * the question page and the summary (preview-script.ts and picture-script.ts carry `readSaved`'s
 * own source).
 */
import { COMPATIBLE_VERSIONS, CONTENT_VERSION } from '../../content/flow';
import type { TFlowContent } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import type { TChange, TDiscarded, TPosition } from '../flow/questionnaire.machine';
import { STORAGE_KEY } from './storage-key';

export { STORAGE_KEY };
/** Far above any real session (about 1 KB); a larger value is not ours. */
export const MAX_SAVED_BYTES = 16_384;

/** What `readSaved` accepts: the size bound and the content versions whose ids mean the same here. */
export type TSavedLimits = { max: number; versions: readonly string[] };
export const SAVED_LIMITS: TSavedLimits = { max: MAX_SAVED_BYTES, versions: [CONTENT_VERSION, ...COMPATIBLE_VERSIONS] };

type TPlain = Record<string, string | string[]>;

/** What is stored: the content version, the answers (set-aside ones too), Undo's, the position. */
export type TSaved = {
  contentVersion: string;
  answers: TPlain;
  setAside?: TPlain;
  discarded?: { answers: TPlain; setAside: TPlain; position: TPosition };
  position: TPosition;
  /**
   * Present while an answer is being changed from the summary (the position is the question being
   * changed): the questions the change newly enabled, still to be asked before the summary. Absent
   * in progress saved before it was kept, which restores as before.
   */
  change?: { queue: string[] };
  attested: boolean;
};

type TSavable = {
  answers: TAnswers;
  setAside?: TAnswers;
  discarded?: TDiscarded | null;
  position: TPosition;
  change?: TChange | null;
  attested: boolean;
};

const plain = (answers: TAnswers): TPlain => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));

export function serialise(state: TSavable, content: TFlowContent): string {
  const { position, change } = state;
  const changing = change && typeof position !== 'string' && change.question === position.question;
  const saved: TSaved = {
    contentVersion: content.version,
    answers: plain(state.answers),
    ...(state.setAside && Object.keys(state.setAside).length > 0 ? { setAside: plain(state.setAside) } : {}),
    ...(state.discarded
      ? { discarded: { answers: plain(state.discarded.answers), setAside: plain(state.discarded.setAside), position: state.discarded.position } }
      : {}),
    position,
    ...(changing ? { change: { queue: [...change.queue] } } : {}),
    attested: state.attested,
  };
  return JSON.stringify(saved);
}

/** What the saved progress says at a glance: enough to paint the question it stands at. */
export type TSavedPeek = {
  /** Confirmed on the start page, by a content version these ids mean the same in. */
  attested: boolean;
  /** The question it stands at, or null (the start page, the summary, the result). */
  question: string | null;
  /** The page it stands at when that is not a question (`summary`, `result`, `start`), else null. */
  place: string | null;
  /** The answers and the set-aside answers, every value as a list of strings. */
  answers: Record<string, string[]>;
  setAside: Record<string, string[]>;
};

/** What a first reading finds: nothing, something refused before validation (and why), or data to validate. */
export type TSavedRead =
  | { kind: 'empty' }
  | { kind: 'too-large' | 'malformed' | 'shape' }
  | { kind: 'version'; saved: string }
  | { kind: 'read'; data: unknown; peek: TSavedPeek };

/**
 * The first reading of saved progress: nothing saved, larger than any real session, not JSON, saved
 * by a content version whose ids differ, or data (still to be validated) with a peek at it.
 *
 * The question page's and the summary's inline scripts run this function's source as it stands
 * (preview-script.ts, picture-script.ts), so it names nothing outside itself and uses no syntax a
 * bundler would rewrite with helpers.
 */
export function readSaved(raw: string | null, limits: TSavedLimits): TSavedRead {
  if (raw === null || raw === '') return { kind: 'empty' };
  if (raw.length > limits.max) return { kind: 'too-large' };
  // A "__proto__" key, however it is spelt ("\u005f_proto__" too), is read by JSON.parse as a key,
  // but dropped by the checks after it: it is no question id, so such progress is refused rather
  // than read as fewer answers.
  let data: unknown;
  let proto = false;
  try {
    data = JSON.parse(raw, function (key, value) {
      if (key === '__proto__') proto = true;
      return value;
    });
  } catch {
    return { kind: 'malformed' };
  }
  if (proto) return { kind: 'shape' };
  const saved = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const version = saved.contentVersion;
  if ('contentVersion' in saved && (typeof version !== 'string' || limits.versions.indexOf(version) < 0)) {
    return { kind: 'version', saved: typeof version === 'string' ? version.slice(0, 32) : 'unknown' };
  }
  const lists = (value: unknown): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    if (typeof value !== 'object' || value === null) return out;
    const record = value as Record<string, unknown>;
    Object.keys(record).forEach((id) => {
      const v = record[id];
      out[id] = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    });
    return out;
  };
  const position = saved.position;
  const question = typeof position === 'object' && position !== null && typeof (position as { question?: unknown }).question === 'string' ? (position as { question: string }).question : null;
  return {
    kind: 'read',
    data,
    peek: { attested: typeof version === 'string' && saved.attested === true, question, place: typeof position === 'string' ? position : null, answers: lists(saved.answers), setAside: lists(saved.setAside) },
  };
}
