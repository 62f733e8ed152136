/**
 * The record session's reading and keeping, loaded by the record provider only when the tab holds a
 * launch (record-provider.tsx): read and check what is stored, then keep every change in the tab.
 */
import { flowContent as content } from '@/content/flow';
import { RECORD_KEY } from '@/machines/record/key';
import { fromRecordOf } from '@/machines/record/from-record';
import { readRecordSession, type TRecordSession } from '@/machines/record/session';
import type { TRecordApi } from './record-provider';
import { forgetSignIn } from './sign-in-state';

/** Whether the questionnaire has this option of this question: a stored suggestion of anything else is refused. */
const known = (question: string, value: string) => content.questions.some((q) => q.id === question && q.options.some((o) => o.id === value));

function store(session: TRecordSession | null) {
  try {
    if (session) window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(RECORD_KEY);
  } catch {
    /* storage refused: the session lives in this page until it closes */
  }
}

/** Read the stored session (`text`), and give the provider its API; each change is stored at once. */
export function startRecordStore(text: string, publish: (api: TRecordApi) => void) {
  let current = readRecordSession(text, known);
  if (current.problem) store(null);
  const api = (): TRecordApi => ({
    session: current.session,
    problem: current.problem,
    update: (change) => {
      if (!current.session) return;
      current = { session: change(current.session), problem: null };
      store(current.session);
      publish(api());
    },
    forget: () => {
      current = { session: null, problem: null };
      store(null);
      forgetSignIn();
      publish(api());
    },
    fromRecord: (answers) => fromRecordOf(current.session?.bound ? current.session : null, answers),
  });
  publish(api());
}
