'use client';

/**
 * The question page: the question the flow is at. Its form (question-step.tsx, with react-hook-form)
 * is not in the page's first load: it is asked for as soon as this module runs in the browser,
 * beside hydration. Until it is in — as until this tab's saved progress is read — the page shows the
 * question's picture (question-preview.tsx), which the static HTML already paints, and the form takes
 * its place, same layout, once both are there. So the largest paint is in the HTML, and the first
 * load carries only what painting needs.
 */
import { useEffect, useState } from 'react';
import { holdsNeededAnswer } from '@/content/conditions';
import { flowContent as content } from '@/content/flow';
import { selectInGate } from '@/machines/flow/questionnaire.machine';
import { Flow, useSession } from '../shared/flow-provider';
import { LoadingAnswers } from '../shared/loading-answers';
import { QuestionPreviews, type TRedFlagGuard } from './question-preview';
import type * as QuestionStep from './question-step';
import type { TShortcuts } from './question-step';

const questionsById = new Map(content.questions.map((q) => [q.id, q]));

/**
 * The red-flag check and the settled proof: `loading`, `loaded` (with its module), `failed`, or
 * `late` (still loading after `WAIT_FOR_CHECK_MS`: the form shows without it, and says so).
 */
type TShortcutsState = { module: TShortcuts | null; status: 'loading' | 'loaded' | 'failed' | 'late' };

/**
 * How long a question after the first section waits for the red-flag check before it shows
 * without it. The check comes beside the page's scripts, so this is reached only on a slow or
 * stalled connection; answering must never wait on it for longer.
 */
const WAIT_FOR_CHECK_MS = 2_000;

/**
 * The form is asked for as soon as this module runs in the browser, beside hydration, and not in
 * the page's first load.
 */
let stepFormModule: Promise<typeof QuestionStep> | null = null;
/** The form's module once loaded in this tab: a move to the question page then shows the form at once. */
let stepForm: typeof QuestionStep | null = null;
const loadStepForm = () =>
  (stepFormModule ??= import('./question-step').then((module) => {
    stepForm = module;
    return module;
  }));
if (typeof window !== 'undefined') loadStepForm().catch(() => {});

/**
 * The proofs behind "Go to the summary" and the red-flag notice need the rules and the assessment,
 * which painting a question does not. Loading and running them is main-thread work a first paint
 * must not wait behind: they are asked for at once only when the answers so far could raise a red
 * flag (the notice must be there when the question shows), and otherwise at the clinician's first
 * press, tap or key on the page — before any answer they could check is given.
 */
let shortcutsModule: Promise<TShortcuts> | null = null;
const loadShortcuts = () => (shortcutsModule ??= import('../../machines/flow/shortcut-check'));
// `click` too: a screen reader in browse mode activates a control with a click alone.
const FIRST_INTERACTION = ['pointerdown', 'keydown', 'touchstart', 'click'] as const;
function onFirstInteraction(then: () => void): () => void {
  const once = () => {
    stop();
    then();
  };
  const stop = () => FIRST_INTERACTION.forEach((type) => window.removeEventListener(type, once, true));
  FIRST_INTERACTION.forEach((type) => window.addEventListener(type, once, { capture: true, passive: true }));
  return stop;
}

/** Hand the settled proof to the flow machine (which offers the shortcut) once it is loaded. */
function useShortcuts(wantedNow: boolean): TShortcutsState {
  const actor = Flow.useActorRef();
  const [state, setState] = useState<TShortcutsState>({ module: null, status: 'loading' });
  const [interacted, setInteracted] = useState(false);
  const wanted = wantedNow || interacted;
  // Saved progress may be restored after this page mounts: hand the check over whenever the flow
  // is at a question without it.
  const needsCheck = Flow.useSelector((s) => s.matches('question') && s.context.settledCheck === null);
  useEffect(() => {
    if (!interacted) return onFirstInteraction(() => setInteracted(true));
  }, [interacted]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadShortcuts().then(
      (module) => live && setState({ module, status: 'loaded' }),
      () => live && setState({ module: null, status: 'failed' }),
    );
    const late = window.setTimeout(() => live && setState((s) => (s.status === 'loading' ? { module: null, status: 'late' } : s)), WAIT_FOR_CHECK_MS);
    return () => {
      live = false;
      window.clearTimeout(late);
    };
  }, [wanted]);
  const loaded = state.module;
  useEffect(() => {
    if (loaded && needsCheck) actor.send({ type: 'shortcuts.load', check: loaded.settledCheck, urgent: loaded.urgentCheck });
  }, [actor, loaded, needsCheck]);
  return state;
}

/** The form's module once loaded; `failed` when its script could not be loaded. */
function useStepForm(): { module: typeof QuestionStep | null; failed: boolean } {
  // Loaded already (a move from another page of the flow, which asks for the form when idle): at
  // once. On a page load it cannot be, so the first render is the server's.
  const [state, setState] = useState<{ module: typeof QuestionStep | null; failed: boolean }>({ module: stepForm, failed: false });
  useEffect(() => {
    let live = true;
    loadStepForm().then(
      (module) => live && setState({ module, failed: false }),
      () => live && setState({ module: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * The question the flow is at. Until saved progress has been read and the form is loaded: the
 * question the address names, disabled (see question-preview.tsx), or a loading line. After the
 * first section, when the answers could raise a red flag, the form waits for the red-flag check too
 * (at most `WAIT_FOR_CHECK_MS`), so a red-flag notice is there when the question first shows (above
 * it, not pushing it down later). The picture keeps its place in the tree throughout, so what the
 * page's inline script showed before hydration stays shown until the form is there, and is then
 * hidden rather than taken out (see QuestionPreviews).
 */
export function QuestionPage({ redFlagGuard }: { redFlagGuard: TRedFlagGuard }) {
  const questionId = Flow.useSelector((s) => (s.matches('question') ? s.context.question : null));
  const q = questionId ? questionsById.get(questionId) : undefined;
  const { ready } = useSession();
  const answer = Flow.useSelector((s) => (questionId ? s.context.answers[questionId] : undefined));
  // Only answers a red flag needs can raise one: with none of them, there is nothing to wait for.
  const flagsPossible = Flow.useSelector((s) => holdsNeededAnswer(s.context.answers, redFlagGuard));
  const shortcuts = useShortcuts(ready && flagsPossible);
  const form = useStepForm();
  const inGate = Flow.useSelector(selectInGate);
  const waitForCheck = q !== undefined && shortcuts.status === 'loading' && flagsPossible && !inGate;
  const StepForm = form.module?.StepForm;
  const waiting = !ready || waitForCheck || (q !== undefined && !StepForm);
  const message = !ready ? undefined : waitForCheck ? 'Loading the red-flag check…' : 'Loading the question…';
  const check = shortcuts.status === 'failed' || (shortcuts.status === 'late' && flagsPossible) ? shortcuts.status : null;
  // One shape throughout, so the picture keeps its place in the tree (see QuestionPreviews).
  return (
    <>
      {waiting && form.failed ? (
        <div className="panel panel--warning" role="alert">
          <h2>This question could not be loaded</h2>
          <p>
            Part of this page did not load, perhaps because the connection dropped. Your answers are still kept in this
            tab. Reload the page to go on.
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      ) : null}
      <QuestionPreviews guard={redFlagGuard} message={message} waiting={waiting} replaced={ready && StepForm !== undefined} />
      {waiting ? null : q && StepForm ? (
        <StepForm key={q.id} q={q} answer={answer} shortcuts={shortcuts.module} checkMissing={check} />
      ) : (
        <LoadingAnswers title="Question" />
      )}
    </>
  );
}
