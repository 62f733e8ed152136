'use client';

/**
 * The one React binding of the flow machine. It also does the two things the machine must not:
 * keep progress in sessionStorage (validated on the way back) and keep the URL and the machine in
 * step, so browser Back and Forward move between questions exactly like the Back link.
 */
import { createActorContext } from '@xstate/react';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { SnapshotFrom } from 'xstate';
import { flowContent as content } from '@/content/flow';
import { restore, serialise, STORAGE_KEY } from '@/machines/persistence';
import { questionnaireMachine, type TPosition } from '@/machines/questionnaire.machine';

export const Flow = createActorContext(questionnaireMachine);

type TFlowSnapshot = SnapshotFrom<typeof questionnaireMachine>;

export type TStorageNotice =
  | { kind: 'rejected'; message: string }
  | { kind: 'unavailable' }
  | null;

type TSession = {
  /** True once saved progress has been looked for; forms take their defaults after this. */
  ready: boolean;
  notice: TStorageNotice;
  dismissNotice: () => void;
  /** Clear everything and go back to the start page. */
  startAgain: () => void;
};

const Session = createContext<TSession>({ ready: false, notice: null, dismissNotice: () => {}, startAgain: () => {} });
export const useSession = () => useContext(Session);

export function positionOf(snapshot: TFlowSnapshot): TPosition {
  if (snapshot.matches('question') && snapshot.context.question) return { question: snapshot.context.question };
  if (snapshot.matches('summary')) return 'summary';
  if (snapshot.matches('result')) return 'result';
  return 'start';
}

export function pathOf(position: TPosition): string {
  if (typeof position !== 'string') return `/questionnaire/${position.question}`;
  return position === 'start' ? '/' : `/${position}`;
}

const isQuestionPath = (path: string) => path.startsWith('/questionnaire/');

export function positionOfPath(path: string): TPosition | null {
  const question = /^\/questionnaire\/([A-Za-z0-9]+)$/.exec(path)?.[1];
  if (question) return { question };
  if (path === '/summary') return 'summary';
  if (path === '/result') return 'result';
  if (path === '/') return 'start';
  return null;
}

function readStorage(): { raw: string | null; available: boolean } {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const probe = `${STORAGE_KEY}.probe`;
    window.sessionStorage.setItem(probe, '1');
    window.sessionStorage.removeItem(probe);
    return { raw, available: true };
  } catch {
    return { raw: null, available: false };
  }
}

function writeStorage(value: string | null): boolean {
  try {
    if (value === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, value);
    return true;
  } catch {
    return false;
  }
}

export function FlowProvider({ children }: { children: ReactNode }) {
  return (
    <Flow.Provider logic={questionnaireMachine} options={{ input: { content } }}>
      <SessionKeeper>{children}</SessionKeeper>
    </Flow.Provider>
  );
}

function SessionKeeper({ children }: { children: ReactNode }) {
  const actor = Flow.useActorRef();
  const router = useRouter();
  const pathname = usePathname();
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<TStorageNotice>(null);
  const lastPath = useRef<string | null>(null);

  // Restore once, then save every change. Storage is an external system read once on mount; the
  // notice and `ready` flag it sets cannot be known during the server render.
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    const { raw, available } = readStorage();
    const restored = restore(raw, content);
    if (restored.kind === 'restored') {
      // A typed or bookmarked address wins over the saved position when these answers reach it.
      const typed = positionOfPath(window.location.pathname);
      const { answers, attested } = restored;
      if (typed && typed !== 'start') actor.send({ type: 'session.restore', answers, attested, position: typed });
      if (actor.getSnapshot().matches('start')) actor.send({ type: 'session.restore', answers, attested, position: restored.position });
    } else if (restored.kind === 'rejected') {
      writeStorage(null);
      setNotice({ kind: 'rejected', message: restored.message });
    }
    if (!available) setNotice({ kind: 'unavailable' });
    lastPath.current = pathOf(positionOf(actor.getSnapshot()));
    setReady(true);

    const subscription = actor.subscribe((snapshot) => {
      const position = positionOf(snapshot);
      const empty = position === 'start' && !snapshot.context.attested && Object.keys(snapshot.context.answers).length === 0;
      const ok = writeStorage(empty ? null : serialise({ answers: snapshot.context.answers, position, attested: snapshot.context.attested }, content));
      if (!ok) setNotice((n) => n ?? { kind: 'unavailable' });
    });
    return () => subscription.unsubscribe();
  }, [actor]);
  /* eslint-enable react-hooks/set-state-in-effect */

  // Machine → URL: when the flow moves, the address follows (a new history entry per step).
  // Question to question stays on the same route: a shallow history entry, no server round trip
  // (Next.js keeps usePathname and Back/Forward in step with window.history.pushState).
  const machinePath = Flow.useSelector((s) => pathOf(positionOf(s)));
  useEffect(() => {
    if (!ready) return;
    if (machinePath !== lastPath.current) {
      lastPath.current = machinePath;
      if (machinePath === pathname) return;
      if (isQuestionPath(machinePath) && isQuestionPath(pathname)) window.history.pushState(null, '', machinePath);
      else router.push(machinePath, { scroll: true });
    }
    // Only machine moves push; address changes are handled below.
  }, [machinePath, ready]); // eslint-disable-line react-hooks/exhaustive-deps

  // URL → machine: browser Back/Forward, a typed address or a reload land on a page; the flow goes
  // there if that page is reachable with the current answers, otherwise the address is corrected.
  useEffect(() => {
    if (!ready) return;
    const snapshot = actor.getSnapshot();
    if (pathOf(positionOf(snapshot)) === pathname) return;
    const position = positionOfPath(pathname);
    const question = position && typeof position !== 'string' ? position.question : undefined;
    // An address that names no question is the not-found page's to answer, not the flow's.
    if (question && !content.questions.some((q) => q.id === question)) return;
    if (question) actor.send({ type: 'step.goto', question });
    else if (pathname === '/summary') actor.send({ type: 'summary.open' });
    else if (pathname === '/result') {
      actor.send({ type: 'summary.open' });
      actor.send({ type: 'summary.confirm' });
    } else return; // the start page and static pages stand on their own
    const now = pathOf(positionOf(actor.getSnapshot()));
    lastPath.current = now;
    if (now !== pathname) router.replace(now);
  }, [pathname, ready]); // eslint-disable-line react-hooks/exhaustive-deps

  const session: TSession = {
    ready,
    notice,
    dismissNotice: () => setNotice(null),
    startAgain: () => {
      writeStorage(null);
      setNotice(null);
      actor.send({ type: 'session.reset' });
    },
  };
  return <Session.Provider value={session}>{children}</Session.Provider>;
}
