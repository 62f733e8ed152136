'use client';

/**
 * The address and the machine kept in step, both through `machines/flow/paths.ts` and the
 * machine's `selectPosition`:
 * - machine → address: every move of the machine pushes one history entry (question to question on
 *   the same route with `history.pushState`, other pages through the router);
 * - address → machine: on load, reload, Back/Forward (popstate, hashchange, a route change) the
 *   machine is sent to the page the address names; if those answers cannot reach it, the address is
 *   corrected to where the machine is. Views read only the machine, never the address.
 * Every page change, either way, asks `onPageShown` to move focus (use-heading-focus.ts).
 */
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { Actor } from 'xstate';
import { flowContent as content } from '@/content/flow';
import { formatPath, parsePath, QUESTIONNAIRE_PATH, START_PATH } from '@/machines/flow/paths';
import { type questionnaireMachine, selectPosition } from '@/machines/flow/questionnaire.machine';
import { currentAddress } from './use-heading-focus';

type TFlowActor = Actor<typeof questionnaireMachine>;

/**
 * Returns `follow`: once saved progress is read, call it to bring the machine to the address and
 * start keeping the two in step; it returns the function that stops.
 */
export function useAddress(actor: TFlowActor, onPageShown: (path: string) => void): () => () => void {
  const router = useRouter();
  const pathname = usePathname();
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

  /**
   * Address → machine. `moved`: browser Back or Forward (or a typed fragment) changed the address, so
   * the page shown changes and focus follows it — also when the machine is already there (Forward
   * from the start page, which stands on its own, back to the question the flow is at) and on the
   * start page itself (it shows "Continue where you left off" when a session is under way).
   */
  const followAddress = useRef<(moved: boolean) => void>(() => {});
  useEffect(() => {
    followAddress.current = (moved) => {
      if (arriving.current !== null) {
        if (window.location.pathname !== QUESTIONNAIRE_PATH) return;
        window.history.replaceState(window.history.state, '', arriving.current);
        arriving.current = null;
      }
      const here = parsePath(window.location.pathname, window.location.hash);
      if (here === null) return;
      if (here === 'start') {
        if (moved) onPageShown(START_PATH);
        return;
      }
      const snapshot = actor.getSnapshot();
      const machinePath = formatPath(selectPosition(snapshot));
      if (typeof here !== 'string' && here.question === null) {
        // The questionnaire page with no question named: show where the flow is.
        if (machinePath.startsWith(`${QUESTIONNAIRE_PATH}#`)) window.history.replaceState(window.history.state, '', machinePath);
        else routerRef.current.replace(machinePath);
        return;
      }
      const wanted = formatPath(here);
      if (wanted === machinePath) {
        if (moved) onPageShown(wanted);
        return;
      }
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
      const now = formatPath(selectPosition(actor.getSnapshot()));
      if (now !== wanted) {
        // These answers cannot reach the page the address names: correct the address, add no entry.
        if (now.startsWith(`${QUESTIONNAIRE_PATH}#`) && window.location.pathname === QUESTIONNAIRE_PATH) window.history.replaceState(window.history.state, '', now);
        else if (now.startsWith(`${QUESTIONNAIRE_PATH}#`)) {
          arriving.current = now;
          routerRef.current.replace(QUESTIONNAIRE_PATH);
        } else routerRef.current.replace(now);
      }
      onPageShown(now);
    };
  }, [actor, onPageShown]);

  // A route change once following (Back/Forward between pages, a link): the machine follows it.
  // (Focus is for the history listeners below, which see Back and Forward between routes too.)
  const seenPath = useRef<string | null>(null);
  const active = useRef(false);
  useEffect(() => {
    const moved = seenPath.current !== null && seenPath.current !== pathname;
    seenPath.current = pathname;
    if (active.current && moved) followAddress.current(false);
  }, [pathname]);

  const follow = useRef(() => () => {});
  useEffect(() => {
    follow.current = () => {
      active.current = true;
      followAddress.current(false);
      // Machine → address: one history entry per move, unless the move followed the address.
      let lastPath = formatPath(selectPosition(actor.getSnapshot()));
      const subscription = actor.subscribe((snapshot) => {
        const position = selectPosition(snapshot);
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
            if (formatPath(selectPosition(actor.getSnapshot())) === path && path !== currentAddress()) routerRef.current.push(path, { scroll: false });
          });
        }
        onPageShown(path);
      });
      const onHistory = () => followAddress.current(true);
      window.addEventListener('popstate', onHistory);
      window.addEventListener('hashchange', onHistory);
      return () => {
        subscription.unsubscribe();
        window.removeEventListener('popstate', onHistory);
        window.removeEventListener('hashchange', onHistory);
        active.current = false;
      };
    };
  }, [actor, onPageShown]);
  return () => follow.current();
}
