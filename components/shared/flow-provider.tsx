'use client';

/**
 * The one React binding of the flow machine, and the things the machine must not do itself, each a
 * hook of its own: keep progress in sessionStorage (use-saved-session.ts), keep the address and the
 * machine in step (use-address.ts), and move focus to the new page's heading (use-heading-focus.ts).
 * Where-am-I has one source of truth, the machine; views read it through its selectors.
 */
import { createActorContext } from '@xstate/react';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { flowContent as content } from '@/content/flow';
import { questionnaireMachine } from '@/machines/flow/questionnaire.machine';
import { RecordProvider } from '../record/record-provider';
import { useAddress } from './use-address';
import { useHeadingFocus } from './use-heading-focus';
import { type TStorageNotice, useSavedSession } from './use-saved-session';
import { whenIdle } from './when-idle';

export type { TStorageNotice };

export const Flow = createActorContext(questionnaireMachine);

type TSession = {
  /** True once saved progress has been looked for; forms take their defaults after this. */
  ready: boolean;
  notice: TStorageNotice;
  dismissNotice: () => void;
  /** Clear the answers and go back to the start page; the start page then offers Undo. */
  startAgain: () => void;
  /** What a resumed file's import had to normalise (shown on the summary), or empty. */
  importNotes: readonly string[];
  setImportNotes: (notes: readonly string[]) => void;
};

const Session = createContext<TSession>({
  ready: false,
  notice: null,
  dismissNotice: () => {},
  startAgain: () => {},
  importNotes: [],
  setImportNotes: () => {},
});
export const useSession = () => useContext(Session);

export function FlowProvider({ children }: { children: ReactNode }) {
  return (
    <Flow.Provider logic={questionnaireMachine} options={{ input: { content } }}>
      <SessionKeeper>
        <RecordProvider>{children}</RecordProvider>
      </SessionKeeper>
    </Flow.Provider>
  );
}

function SessionKeeper({ children }: { children: ReactNode }) {
  const actor = Flow.useActorRef();
  const [importNotes, setImportNotes] = useState<readonly string[]>([]);
  const follow = useAddress(actor, useHeadingFocus());
  const { ready, notice, setNotice } = useSavedSession(actor, follow);
  // A double tap on Continue must not answer the next question (repeat-press-guard.ts). Loaded
  // beside hydration, out of the first load: nothing can be pressed before the page is ready.
  useEffect(() => {
    let live = true;
    let stop = () => {};
    import('./repeat-press-guard').then(
      (m) => {
        if (live) stop = m.guardRepeatPresses();
      },
      () => {},
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  // The question form is not in any page's first load (question-page.tsx): once this page is idle,
  // ask for it, so that Start, Continue where you left off or a Change shows the question at once.
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => void import('../question/question-step').catch(() => {}), 3_000);
  }, [ready]);

  const session: TSession = {
    ready,
    notice,
    dismissNotice: () => setNotice(null),
    startAgain: () => {
      setNotice(null);
      setImportNotes([]);
      actor.send({ type: 'session.reset' });
    },
    importNotes,
    setImportNotes,
  };
  return <Session.Provider value={session}>{children}</Session.Provider>;
}
