'use client';

/**
 * The one React binding of the flow machine. It also does the things the machine must not: keep
 * progress in sessionStorage (validated on the way back), keep the address and the machine in step,
 * and move focus to the new page's heading.
 *
 * Where-am-I has one source of truth, the machine. The address is derived from it and read back
 * into it, both through `machines/flow/paths.ts`:
 * - machine → address: every move of the machine pushes one history entry (question to question on
 *   the same route with `history.pushState`, other pages through the router);
 * - address → machine: on load, reload, Back/Forward (popstate, hashchange, a route change) the
 *   machine is sent to the page the address names; if those answers cannot reach it, the address is
 *   corrected to where the machine is. Views read only the machine, never the address.
 */
import { createActorContext } from '@xstate/react';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, type ReactNode, startTransition, useContext, useEffect, useRef, useState } from 'react';
import type { SnapshotFrom } from 'xstate';
import { flowContent as content } from '@/content/flow';
import { formatPath, parsePath, QUESTIONNAIRE_PATH, type TPosition } from '@/machines/flow/paths';
import type * as Persistence from '@/machines/exchange/persistence';
import type { TRestore } from '@/machines/exchange/persistence';
import { serialise, STORAGE_KEY } from '@/machines/exchange/session-format';
import { questionnaireMachine } from '@/machines/flow/questionnaire.machine';

export const Flow = createActorContext(questionnaireMachine);

type TFlowSnapshot = SnapshotFrom<typeof questionnaireMachine>;

export type TStorageNotice =
  | { kind: 'rejected'; message: string }
  | { kind: 'unavailable' }
  /** The code that reads saved progress did not load (a dropped connection): the page stays not ready. */
  | { kind: 'unread' }
  | null;

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

export function positionOf(snapshot: TFlowSnapshot): TPosition {
  if (snapshot.matches('question') && snapshot.context.question) return { question: snapshot.context.question };
  if (snapshot.matches('summary')) return 'summary';
  if (snapshot.matches('result')) return 'result';
  return 'start';
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

/** The address in the location bar, as `formatPath` writes it. */
const currentAddress = () => `${window.location.pathname}${window.location.hash}`;

/**
 * After a page change, put focus on the new page's heading (as a full page load would put the
 * reader at the top): wait until the address is the new page's and a `<h1>` other than the one
 * shown before is in the page. What must be met first (Start again's Undo, or the summary's row
 * of the answer just changed, marked `data-takes-focus`) takes focus instead, in view.
 */
function focusNewHeading(path: string) {
  const before = document.querySelector('main h1');
  let frames = 0;
  const look = () => {
    const heading = document.querySelector<HTMLElement>('main h1');
    const arrived = currentAddress() === path && heading !== null && heading.dataset.loading === undefined;
    if (heading && arrived && (heading !== before || frames > 30)) {
      const target = document.querySelector<HTMLElement>('main [data-takes-focus]') ?? heading;
      // A heading becomes focusable from script; a link already is (and stays in the tab order).
      if (target.tabIndex < 0) target.setAttribute('tabindex', '-1');
      window.scrollTo(0, 0);
      target.focus({ preventScroll: true });
      // A row further down (the summary's changed answer) is brought into view.
      if (target !== heading) target.scrollIntoView({ block: 'center' });
      return;
    }
    if (++frames < 180) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** A tab with nothing saved (a first visit) has nothing to validate. */
const nothingSaved = (raw: string | null) => raw === null || raw === '';

/**
 * Reading saved progress back needs its validator, which painting a page does not, nor does a tab
 * with nothing saved: it is asked for as soon as this module runs in the browser, beside hydration,
 * and only when this tab holds saved progress.
 */
let validator: Promise<typeof Persistence> | null = null;
const loadValidator = () => (validator ??= import('@/machines/exchange/persistence'));
if (typeof window !== 'undefined' && !nothingSaved(readStorage().raw)) loadValidator().catch(() => {});

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
  const [importNotes, setImportNotes] = useState<readonly string[]>([]);
  /** Set while the machine is being moved to match the address: such moves push no history. */
  const following = useRef(false);
  /**
   * A question address the router is on its way to. The router is given the route alone: it keeps
   * the fragment of the route's first load and would write `/questionnaire#G2#G1`; the fragment is
   * set when the route has arrived.
   */
  const arriving = useRef<string | null>(null);
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);
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

  /**
   * Address → machine. Pages outside the flow and the start page stand on their own (the start page
   * shows "Continue where you left off" when a session is under way).
   */
  const followAddress = useRef(() => {});
  useEffect(() => {
    followAddress.current = () => {
      if (arriving.current !== null) {
        if (window.location.pathname !== QUESTIONNAIRE_PATH) return;
        window.history.replaceState(window.history.state, '', arriving.current);
        arriving.current = null;
      }
      const here = parsePath(window.location.pathname, window.location.hash);
      if (here === null || here === 'start') return;
      const snapshot = actor.getSnapshot();
      const machinePath = formatPath(positionOf(snapshot));
      if (typeof here !== 'string' && here.question === null) {
        // The questionnaire page with no question named: show where the flow is.
        if (machinePath.startsWith(`${QUESTIONNAIRE_PATH}#`)) window.history.replaceState(window.history.state, '', machinePath);
        else routerRef.current.replace(machinePath);
        return;
      }
      const wanted = formatPath(here);
      if (wanted === machinePath) return;
      following.current = true;
      try {
        if (typeof here !== 'string') {
          if (content.questions.some((q) => q.id === here.question)) actor.send({ type: 'step.goto', question: here.question });
        } else if (here === 'summary') {
          actor.send({ type: snapshot.matches('result') ? 'step.back' : 'summary.open' });
        } else {
          actor.send({ type: 'summary.open' });
          actor.send({ type: 'summary.confirm' });
        }
      } finally {
        following.current = false;
      }
      const now = formatPath(positionOf(actor.getSnapshot()));
      if (now !== wanted) {
        // These answers cannot reach the page the address names: correct the address, add no entry.
        if (now.startsWith(`${QUESTIONNAIRE_PATH}#`) && window.location.pathname === QUESTIONNAIRE_PATH) window.history.replaceState(window.history.state, '', now);
        else if (now.startsWith(`${QUESTIONNAIRE_PATH}#`)) {
          arriving.current = now;
          routerRef.current.replace(QUESTIONNAIRE_PATH);
        } else routerRef.current.replace(now);
      }
      focusNewHeading(now);
    };
  }, [actor]);

  // Restore once, then save every change and let every machine move update the address. Storage is
  // an external system read once on mount; the notice and `ready` flag it sets cannot be known during
  // the server render.
  useEffect(() => {
    // The provider starts the actor in its own effect, which runs after this child's: start it now,
    // so that the events below are taken at once and the snapshots read after them are current.
    actor.start();
    // The page stays not ready (Start disabled, the question a picture) until saved progress is read.
    let live = true;
    let cleanup = () => {};
    const { raw, available } = readStorage();
    const reading: Promise<TRestore> = nothingSaved(raw) ? Promise.resolve({ kind: 'empty' }) : loadValidator().then(({ restore }) => restore(raw, content));
    void reading.then((restored) => {
      if (!live) return;
      if (restored.kind === 'restored') {
        // The address wins over the saved position when these answers reach it (a reload, a bookmark).
        const here = parsePath(window.location.pathname, window.location.hash);
        const { answers, setAside, discarded, attested } = restored;
        const event = { type: 'session.restore', answers, setAside, discarded, attested } as const;
        if (here !== null && here !== 'start' && (typeof here === 'string' || here.question !== null)) actor.send({ ...event, position: here });
        if (actor.getSnapshot().matches('start')) actor.send({ ...event, position: restored.position });
      } else if (restored.kind === 'rejected') {
        writeStorage(null);
        setNotice({ kind: 'rejected', message: restored.message });
      }
      if (!available) setNotice({ kind: 'unavailable' });
      startTransition(() => setReady(true));
      followAddress.current();

      let lastPath = formatPath(positionOf(actor.getSnapshot()));
      const subscription = actor.subscribe((snapshot) => {
        const { answers, setAside, discarded, attested } = snapshot.context;
        const position = positionOf(snapshot);
        const empty = position === 'start' && !attested && discarded === null && Object.keys(answers).length + Object.keys(setAside).length === 0;
        const ok = writeStorage(empty ? null : serialise({ answers, setAside, discarded, position, attested }, content));
        if (!ok) setNotice((n) => n ?? { kind: 'unavailable' });

        // Machine → address: one history entry per move, unless the move followed the address.
        const path = formatPath(position);
        if (path === lastPath) return;
        lastPath = path;
        if (following.current || path === currentAddress()) return;
        arriving.current = null;
        // Through Next's patched pushState (no state of our own): the router learns the new address,
        // so a later write of its own history entry cannot put the previous question's back. (An
        // entry carrying the router's state would skip that, and a router re-render per step, but
        // leave the router's idea of the address stale.)
        if (typeof position !== 'string' && window.location.pathname === QUESTIONNAIRE_PATH) window.history.pushState(null, '', path);
        else if (typeof position !== 'string') {
          arriving.current = path;
          routerRef.current.push(QUESTIONNAIRE_PATH, { scroll: false });
        } else {
          // Moves sent together end where the last one ends: "Replace my answers with the file" on
          // the summary resets (to the start page) and restores (to the summary) at once. The router
          // is asked for a page only if the flow still stands there when they are all taken, so the
          // address is never left at the start page under the summary.
          queueMicrotask(() => {
            if (formatPath(positionOf(actor.getSnapshot())) === path && path !== currentAddress()) routerRef.current.push(path, { scroll: false });
          });
        }
        focusNewHeading(path);
      });
      const onHistory = () => followAddress.current();
      window.addEventListener('popstate', onHistory);
      window.addEventListener('hashchange', onHistory);
      cleanup = () => {
        subscription.unsubscribe();
        window.removeEventListener('popstate', onHistory);
        window.removeEventListener('hashchange', onHistory);
      };
    }, () => {
      // The validator's script did not load. The page stays not ready — nothing can be answered
      // over the saved progress, which stays in the tab — and says how to go on: reload.
      if (live) setNotice({ kind: 'unread' });
    });
    return () => {
      live = false;
      cleanup();
    };
  }, [actor]);

  // A route change (Back/Forward between pages, a link): the machine follows the new address.
  useEffect(() => {
    if (ready) followAddress.current();
  }, [pathname, ready]);

  // The question form is not in any page's first load (question-page.tsx): once this page is idle,
  // ask for it, so that Start, Continue where you left off or a Change shows the question at once.
  useEffect(() => {
    if (!ready) return;
    const preload = () => void import('../question/question-step').catch(() => {});
    // Not every browser has requestIdleCallback (Safari): a second after the page is ready, then.
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(preload, { timeout: 3_000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(preload, 1_000);
    return () => clearTimeout(timer);
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
