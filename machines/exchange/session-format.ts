/**
 * The saved-progress format, without its validation: the key, the size bound and `serialise`, which
 * every flow page needs to save each change. Reading it back (`restore` in persistence.ts) brings the
 * validator and loads when a page opens, not with the page's first paint.
 */
import type { TFlowContent } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import type { TDiscarded, TPosition } from '../flow/questionnaire.machine';

export const STORAGE_KEY = 'myoclonus-navigator.session';
/** Far above any real session (about 1 KB); a larger value is not ours. */
export const MAX_SAVED_BYTES = 16_384;

type TPlain = Record<string, string | string[]>;

/** What is stored: the content version, the answers (set-aside ones too), Undo's, the position. */
export type TSaved = {
  contentVersion: string;
  answers: TPlain;
  setAside?: TPlain;
  discarded?: { answers: TPlain; setAside: TPlain; position: TPosition };
  position: TPosition;
  attested: boolean;
};

type TSavable = { answers: TAnswers; setAside?: TAnswers; discarded?: TDiscarded | null; position: TPosition; attested: boolean };

const plain = (answers: TAnswers): TPlain => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));

export function serialise(state: TSavable, content: TFlowContent): string {
  const saved: TSaved = {
    contentVersion: content.version,
    answers: plain(state.answers),
    ...(state.setAside && Object.keys(state.setAside).length > 0 ? { setAside: plain(state.setAside) } : {}),
    ...(state.discarded
      ? { discarded: { answers: plain(state.discarded.answers), setAside: plain(state.discarded.setAside), position: state.discarded.position } }
      : {}),
    position: state.position,
    attested: state.attested,
  };
  return JSON.stringify(saved);
}
