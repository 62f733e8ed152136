/**
 * The questionnaire flow: start → the enabled questions in order → summary → result.
 *
 * Answers live here and only here. Branching comes from the shared `settleAnswers`, so the
 * questions asked, the summary and the assessment always agree. `answers` holds the answers that
 * count (enabled questions): the assessment and every export read only these. An answer whose
 * question a change disables moves to `setAside` in the same transition, and moves back if the
 * question is enabled again (question bank 1.1: set aside, not destroyed). Start again keeps what it
 * cleared in `discarded` until the next start, so one press can be undone.
 *
 * Where the clinician is belongs to the machine: its state (`start`, `question.answering`,
 * `question.changing` — an answer changed from the summary, Continue returns there —, `summary`,
 * `result`) and the question on screen. Views and the address read it through the selectors at the
 * end of this file: the position, where Back leads, where any event leads, the gate section.
 *
 * The machine is effect-free (no invoke, no delays, no clock, no randomness): persistence and routing
 * subscribe to it from outside.
 */
import { and, assign, getNextSnapshot, setup, type SnapshotFrom } from 'xstate';
import type { TFlowContent } from '../../content/schema';
import { inGateSection, isGateClosed, lastAnsweredQuestion, resolveAnswers, settleAnswers, settleWithAnswer, type TAnswers, type TAnswerValue } from '../answers/answers';
import type { TPosition } from './paths';
import { restOfSection, skipRestOfSection } from './shortcuts';

export type { TPosition };

/** What Start again cleared, kept so that Undo brings it all back. */
export type TDiscarded = { answers: TAnswers; setAside: TAnswers; position: TPosition };

export type TFlowContext = {
  content: TFlowContent;
  /** The answers that count: enabled questions only (`unknown` where the clinician chose it). */
  answers: TAnswers;
  /** Answers of questions a change has disabled, kept for this session but never assessed or exported. */
  setAside: TAnswers;
  /** What the last Start again cleared (null once a new session starts). */
  discarded: TDiscarded | null;
  attested: boolean;
  /** The question on screen (meaningful in the `question` state). */
  question: string | null;
  /** While changing an answer from the summary (`question.changing`): questions the change has newly enabled, to be asked before returning there. */
  queue: readonly string[];
  /**
   * Where Back goes from the page a shortcut opened: the question on which "Skip the rest of this
   * section" or "Go to the summary" was pressed (`to`), from the page it led to (`from`: a question,
   * or the summary). Without it, Back from there would land on a question the clinician never saw
   * (the section's last skipped question, "Unknown" ticked). Kept while the clinician stands at or
   * beyond `from`; dropped once used, or once the clinician is back before it.
   */
  returnTo: TReturnPoint | null;
  /**
   * The proof that no open answer can change the result (settled.ts bound to the whole content),
   * loaded after the page paints; until then "Go to the summary" is not offered.
   */
  settledCheck: TSettledCheck | null;
  /**
   * Whether the answers raise a red flag that calls for urgent action (loaded with the proof); until
   * then "See the red flags now" is not offered.
   */
  urgentCheck: TSettledCheck | null;
};

/**
 * A change from the summary under way: the question being changed and the questions the change has
 * newly enabled, still to be asked. Saved with the session, so a reload keeps it.
 */
export type TChange = { question: string; queue: readonly string[] };

/** See `TFlowContext.returnTo`. */
export type TReturnPoint = { from: string | 'summary'; to: string };

/** A check over the answers that needs the rules: settled (settled.ts), urgent red flags. */
export type TSettledCheck = (answers: TAnswers) => boolean;

export type TFlowEvent =
  | { type: 'session.start'; attested: boolean }
  | { type: 'answer.submit'; question: string; value: TAnswerValue | undefined }
  | { type: 'step.back' }
  | { type: 'step.goto'; question: string }
  | { type: 'summary.open' }
  | { type: 'summary.change'; question: string }
  | { type: 'summary.confirm' }
  | {
      type: 'session.restore';
      answers: TAnswers;
      attested: boolean;
      position: TPosition;
      setAside?: TAnswers | undefined;
      discarded?: TDiscarded | null | undefined;
      /** A change from the summary under way when the progress was saved (a reload in its middle). */
      change?: TChange | null | undefined;
    }
  | { type: 'session.reset' }
  | { type: 'session.undo' }
  /**
   * `value`: the choice shown on the question's page when the button was pressed. It is stored
   * first, as Continue would store it, so a tick made just before pressing is never lost.
   */
  | { type: 'section.skip'; question: string; value?: TAnswerValue | undefined }
  | { type: 'summary.jump'; question?: string; value?: TAnswerValue | undefined }
  /** "See the red flags now": the result, with the choice on the page stored first. */
  | { type: 'result.open'; question?: string; value?: TAnswerValue | undefined }
  | { type: 'shortcuts.load'; check: TSettledCheck; urgent?: TSettledCheck | undefined };

export type TFlowInput = { content: TFlowContent; settledCheck?: TSettledCheck; urgentCheck?: TSettledCheck };

const enabledIds = (answers: TAnswers, content: TFlowContent) =>
  resolveAnswers(answers, content).enabled.map((q) => q.id);

/** The answers after storing one (answers.ts, `settleWithAnswer`). */
const withAnswer = (context: TFlowContext, question: string, value: TAnswerValue | undefined) =>
  settleWithAnswer(context.answers, context.setAside, question, value, context.content);

/**
 * Where Continue leads after answering `question`: the next enabled question (after a mimic in the
 * first section too: the safety screen is always asked, question bank 1.2); while changing from the
 * summary, the first question the change newly enabled; the summary (`null`) when nothing is left.
 * `changing`: whether the flow is changing an answer from the summary (`question.changing`).
 */
function afterSubmit(context: TFlowContext, question: string, answers: TAnswers, changing: boolean): { question: string | null; queue: string[] } {
  const { content } = context;
  const after = enabledIds(answers, content);
  const wasClosed = isGateClosed(resolveAnswers(context.answers, content).enabled, content);
  // A mimic changed back with the answers it set aside coming back — from the summary, or after Back
  // or a reload — leaves the case as it was before the mimic: the summary, which says which questions
  // are still open. (Walking on asked every restored question again, 24 pages of them.)
  if (wasClosed && Object.keys(context.setAside).some((id) => answers[id] !== undefined)) return { question: null, queue: [] };
  if (changing) {
    // Newly enabled questions are asked, except those whose set-aside answer came back with them.
    const before = new Set(enabledIds(context.answers, content));
    const queued = new Set([...context.queue, ...after.filter((id) => !before.has(id) && answers[id] === undefined)]);
    const queue = after.filter((id) => queued.has(id) && id !== question);
    return { question: queue[0] ?? null, queue: queue.slice(1) };
  }
  return { question: after[after.indexOf(question) + 1] ?? null, queue: [] };
}

/**
 * "Skip the rest of this section": the choice on the page stored first (when one was made), then
 * unknown recorded for the section's open questions, then on.
 */
function afterSkip(context: TFlowContext, question: string, value: TAnswerValue | undefined): { answers: TAnswers; setAside: TAnswers; question: string | null } {
  const chosen = value === undefined ? context : { ...context, ...withAnswer(context, question, value) };
  const skipped = restOfSection(chosen.answers, question, context.content);
  const { answers, setAside } = settleAnswers({ ...chosen.setAside, ...skipRestOfSection(chosen.answers, question, context.content) }, context.content);
  const enabled = enabledIds(answers, context.content);
  // On past the whole section, also when nothing in it was left to skip.
  const sectionOf = (id: string | undefined) => context.content.questions.find((q) => q.id === id)?.section;
  let last = enabled.indexOf(skipped.at(-1) ?? question);
  while (last >= 0 && last + 1 < enabled.length && sectionOf(enabled[last + 1]) === sectionOf(question)) last++;
  const next = enabled.slice(last + 1).find((id) => answers[id] === undefined) ?? enabled[last + 1] ?? null;
  return { answers, setAside, question: next };
}

/** The answers with the choice on the page stored ("Go to the summary", "See the red flags now"), when it names this page's question. */
function withChoice(context: TFlowContext, event: { question?: string; value?: TAnswerValue | undefined }): { answers: TAnswers; setAside: TAnswers } {
  if (event.value === undefined || event.question === undefined || event.question !== context.question) return { answers: context.answers, setAside: context.setAside };
  return withAnswer(context, event.question, event.value);
}

function previousQuestion(context: TFlowContext): string | null {
  const enabled = enabledIds(context.answers, context.content);
  const index = context.question === null ? enabled.length : enabled.indexOf(context.question);
  return index > 0 ? (enabled[index - 1] ?? null) : null;
}

/** The shortcut's return point, when it applies to `from` (the question on screen, or the summary) and its question is still asked. */
function returnPointFrom(context: TFlowContext, from: string | 'summary'): string | null {
  const point = context.returnTo;
  if (point === null || point.from !== from) return null;
  return enabledIds(context.answers, context.content).includes(point.to) ? point.to : null;
}

/**
 * Where Back goes: from a question, the question a shortcut was pressed on when that shortcut led
 * here, else the question before; from the summary, the question "Go to the summary" (or a Skip
 * that ended the questionnaire) was pressed on, else the last question answered. Null: the start page.
 * Views read it as a position through `selectBackTarget`.
 */
function backTarget(context: TFlowContext, from: 'question' | 'summary'): string | null {
  if (from === 'summary') return returnPointFrom(context, 'summary') ?? lastAnsweredQuestion(context.answers, context.content);
  return (context.question !== null ? returnPointFrom(context, context.question) : null) ?? previousQuestion(context);
}

/**
 * The return point after the flow moves to `question`: kept while the flow stands at the page it
 * was made for or beyond it (Continue from there, then Back, still finds it); dropped when the flow
 * moves to a question before it, where Back needs none.
 */
function keepReturnPoint(context: TFlowContext, answers: TAnswers, question: string | null): TReturnPoint | null {
  const point = context.returnTo;
  if (point === null) return null;
  if (question === null) return point;
  if (point.from === 'summary') return point;
  const enabled = enabledIds(answers, context.content);
  const at = enabled.indexOf(question);
  const from = enabled.indexOf(point.from);
  return at >= 0 && from >= 0 && at >= from ? point : null;
}

/**
 * Can saved answers and position be restored: is the position a page those answers reach, and was
 * the start page's attestation given (every page after it needs it)?
 */
function canRestore(content: TFlowContent, answers: TAnswers, position: TPosition, kind: TPositionKind, attested: boolean): boolean {
  if (!attested && kind !== 'start') return false;
  if (typeof position === 'string') return position === kind;
  return kind === 'question' && enabledIds(answers, content).includes(position.question);
}
type TPositionKind = 'start' | 'summary' | 'result' | 'question';
/** Where a restore can land: a position's kind, or a question with a change from the summary under way. */
type TRestoreTarget = TPositionKind | 'changing';

/**
 * A change under way, restored at `question` (the address may name another question than the one
 * saved: as after browser Back, the question left is asked again before the summary, with the ones
 * still queued). Null when there is none, or none of it is still asked.
 */
function restoredChange(content: TFlowContent, answers: TAnswers, question: string, change: TChange | null | undefined): string[] | null {
  if (!change) return null;
  const enabled = enabledIds(answers, content);
  const pending = new Set([change.question, ...change.queue].filter((id) => id !== question));
  return enabled.includes(question) ? enabled.filter((id) => pending.has(id)) : null;
}

type TSubmit = { event: Extract<TFlowEvent, { type: 'answer.submit' }> };

/** Continue on a question, answering or changing: the summary when nothing is left, else the next question, in the same state. */
const continueFrom = (state: 'answering' | 'changing') => {
  const params = ({ event }: TSubmit) => ({ question: event.question, value: event.value, changing: state === 'changing' });
  return [
    { guard: { type: 'leadsToSummary' as const, params }, target: '#questionnaire.summary', actions: { type: 'storeAnswerAndAdvance' as const, params } },
    {
      guard: { type: 'isCurrentQuestion' as const, params: ({ event }: TSubmit) => ({ question: event.question }) },
      target: `#questionnaire.question.${state}`,
      reenter: true,
      actions: { type: 'storeAnswerAndAdvance' as const, params },
    },
  ];
};

export const questionnaireMachine = setup({
  types: {
    context: {} as TFlowContext,
    events: {} as TFlowEvent,
    input: {} as TFlowInput,
  },
  guards: {
    isAttested: (_, params: { attested: boolean }) => params.attested,
    isEnabledQuestion: ({ context }, params: { question: string }) =>
      enabledIds(context.answers, context.content).includes(params.question),
    isCurrentQuestion: ({ context }, params: { question: string }) => context.question === params.question,
    leadsToSummary: ({ context }, params: { question: string; value: TAnswerValue | undefined; changing: boolean }) =>
      context.question === params.question &&
      afterSubmit(context, params.question, withAnswer(context, params.question, params.value).answers, params.changing).question === null,
    hasPreviousQuestion: ({ context }) => backTarget(context, 'question') !== null,
    canRestoreTo: (
      { context },
      params: { answers: TAnswers; setAside?: TAnswers | undefined; attested: boolean; position: TPosition; change?: TChange | null | undefined; kind: TRestoreTarget },
    ) => {
      const answers = resolveAnswers({ ...params.setAside, ...params.answers }, context.content).answers;
      const { position, kind } = params;
      const changing = typeof position !== 'string' && restoredChange(context.content, answers, position.question, params.change) !== null;
      if (kind === 'changing') return changing && canRestore(context.content, answers, position, 'question', params.attested);
      return !(kind === 'question' && changing) && canRestore(context.content, answers, position, kind, params.attested);
    },
    // "Skip the rest of this section" (not while changing: offered in `question.answering` only): on
    // the question shown, after the gate, and never on the safety screen (one press would record
    // every red-flag question as unknown).
    canSkipSection: ({ context, event }) => {
      if (event.type !== 'section.skip' || context.question !== event.question) return false;
      const section = context.content.questions.find((q) => q.id === event.question)?.section;
      return !inGateSection(event.question, context.content) && context.content.sections.find((s) => s.id === section)?.role !== 'safety-screen';
    },
    skipLeadsToSummary: ({ context, event }) => event.type === 'section.skip' && afterSkip(context, event.question, event.value).question === null,
    // Proved with the choice on the page stored: the offer is about what the summary will hold.
    isSettled: ({ context, event }) =>
      (context.settledCheck?.(event.type === 'summary.jump' ? withChoice(context, event).answers : context.answers) ?? false),
    // "See the red flags now": a red flag calling for urgent action stands, with the choice on the page.
    hasUrgentRedFlag: ({ context, event }) =>
      event.type === 'result.open' && (context.urgentCheck?.(withChoice(context, event).answers) ?? false),
    canUndoTo: ({ context }, params: { kind: TPositionKind }) =>
      context.discarded !== null && canRestore(context.content, context.discarded.answers, context.discarded.position, params.kind, true),
  },
  actions: {
    attest: assign({ attested: true, discarded: null }),
    goToFirstQuestion: assign(({ context }) => ({
      question: enabledIds(context.answers, context.content)[0] ?? null,
      queue: [],
      returnTo: null,
    })),
    storeAnswerAndAdvance: assign(({ context }, params: { question: string; value: TAnswerValue | undefined; changing: boolean }) => {
      const { answers, setAside } = withAnswer(context, params.question, params.value);
      const next = afterSubmit(context, params.question, answers, params.changing);
      return { answers, setAside, question: next.question, queue: next.queue, returnTo: keepReturnPoint(context, answers, next.question) };
    }),
    // Back from where the skip leads returns here, to the question on which it was pressed.
    skipSection: assign(({ context }, params: { question: string; value: TAnswerValue | undefined }) => {
      const next = afterSkip(context, params.question, params.value);
      return { ...next, returnTo: { from: next.question ?? 'summary', to: params.question } };
    }),
    storeChoice: assign(({ context, event }) => (event.type === 'summary.jump' || event.type === 'result.open' ? withChoice(context, event) : {})),
    // "Go to the summary": Back from the summary returns to the question it was pressed on.
    rememberShortcut: assign(({ context }) => ({ returnTo: context.question === null ? null : { from: 'summary', to: context.question } })),
    loadShortcuts: assign((_, params: { check: TSettledCheck; urgent?: TSettledCheck | undefined }) => ({ settledCheck: params.check, urgentCheck: params.urgent ?? null })),
    // A return point, once used, is done with: from there on, Back walks the questions before it.
    goBack: assign(({ context }) => ({ question: backTarget(context, 'question'), returnTo: returnPointFrom(context, context.question ?? '') ? null : context.returnTo })),
    // Back from the summary: where a shortcut to it was pressed, else the last question answered (a
    // mimic at G1 ends the questionnaire there).
    goToLastQuestion: assign(({ context }) => ({ question: backTarget(context, 'summary'), returnTo: null })),
    // Browser Back/Forward or a typed address. While changing from the summary, the change goes on:
    // the question left is asked again before the summary, with the ones still queued.
    goTo: assign(({ context }, params: { question: string; changing: boolean }) => {
      const returnTo = keepReturnPoint(context, context.answers, params.question);
      if (!params.changing) return { question: params.question, queue: [], returnTo };
      const enabled = enabledIds(context.answers, context.content);
      const pending = new Set([context.question, ...context.queue].filter((id): id is string => id !== null && id !== params.question));
      return { question: params.question, queue: enabled.filter((id) => pending.has(id)), returnTo };
    }),
    // A change returns to the summary by itself: no shortcut's return point survives it.
    beginChange: assign((_, params: { question: string }) => ({ question: params.question, queue: [], returnTo: null })),
    leaveQuestion: assign({ question: null, queue: [] }),
    restore: assign(
      (
        { context },
        params: { answers: TAnswers; setAside?: TAnswers | undefined; discarded?: TDiscarded | null | undefined; attested: boolean; position: TPosition; change?: TChange | null | undefined },
      ) => {
        const { answers, setAside } = settleAnswers({ ...params.setAside, ...params.answers }, context.content);
        const question = typeof params.position === 'string' ? null : params.position.question;
        return {
          answers,
          setAside,
          discarded: params.discarded ?? null,
          attested: params.attested,
          question,
          queue: question === null ? [] : (restoredChange(context.content, answers, question, params.change) ?? []),
          returnTo: null,
        };
      },
    ),
    // Start again: everything cleared, but kept aside for Undo (a second press keeps the first case).
    reset: assign(({ context }, params: { from: TPositionKind }) => {
      const last = lastAnsweredQuestion(context.answers, context.content);
      const position: TPosition =
        params.from === 'question' && context.question ? { question: context.question } : params.from === 'start' ? (last ? { question: last } : 'start') : params.from === 'question' ? 'start' : params.from;
      const hasAnswers = Object.keys(context.answers).length + Object.keys(context.setAside).length > 0;
      return {
        answers: {},
        setAside: {},
        discarded: hasAnswers ? { answers: context.answers, setAside: context.setAside, position } : context.discarded,
        attested: false,
        question: null,
        queue: [],
        returnTo: null,
      };
    }),
    undo: assign(({ context }) => {
      const discarded = context.discarded!;
      return {
        answers: discarded.answers,
        setAside: discarded.setAside,
        discarded: null,
        attested: true,
        question: typeof discarded.position === 'string' ? null : discarded.position.question,
        queue: [],
        returnTo: null,
      };
    }),
  },
}).createMachine({
  id: 'questionnaire',
  context: ({ input }) => ({
    content: input.content,
    answers: {},
    setAside: {},
    discarded: null,
    attested: false,
    question: null,
    queue: [],
    returnTo: null,
    settledCheck: input.settledCheck ?? null,
    urgentCheck: input.urgentCheck ?? null,
  }),
  initial: 'start',
  states: {
    start: {
      on: {
        'session.reset': { target: '#questionnaire.start', actions: { type: 'reset', params: { from: 'start' } } },
        'session.start': {
          guard: { type: 'isAttested', params: ({ event }) => ({ attested: event.attested }) },
          target: 'question',
          actions: ['attest', 'goToFirstQuestion'],
        },
        'session.restore': (['changing', 'question', 'summary', 'result', 'start'] as const).map((kind) => ({
          guard: {
            type: 'canRestoreTo' as const,
            params: ({ event }: { event: Extract<TFlowEvent, { type: 'session.restore' }> }) => ({
              answers: event.answers,
              setAside: event.setAside,
              attested: event.attested,
              position: event.position,
              change: event.change,
              kind,
            }),
          },
          target: kind === 'changing' ? '#questionnaire.question.changing' : `#questionnaire.${kind}`,
          actions: { type: 'restore' as const, params: ({ event }: { event: Extract<TFlowEvent, { type: 'session.restore' }> }) => event },
        })),
        // What Start again cleared always had answers, so it was left from a question, the summary or the result.
        'session.undo': (['question', 'summary', 'result'] as const).map((kind) => ({
          guard: { type: 'canUndoTo' as const, params: { kind } },
          target: kind,
          actions: 'undo' as const,
        })),
      },
    },
    question: {
      initial: 'answering',
      on: {
        'session.reset': { target: '#questionnaire.start', actions: { type: 'reset', params: { from: 'question' } } },
        'summary.open': { target: '#questionnaire.summary', actions: 'leaveQuestion' },
        'result.open': { guard: 'hasUrgentRedFlag', target: '#questionnaire.result', actions: ['storeChoice', 'leaveQuestion'] },
        // The question pages load the proof after they paint, and hand it over here.
        'shortcuts.load': { actions: { type: 'loadShortcuts', params: ({ event }) => ({ check: event.check, urgent: event.urgent }) } },
      },
      states: {
        /** The questions in order, with Back, the shortcuts and typed addresses. */
        answering: {
          on: {
            'answer.submit': continueFrom('answering'),
            'step.back': [
              { guard: 'hasPreviousQuestion', target: 'answering', reenter: true, actions: 'goBack' },
              { target: '#questionnaire.start', actions: 'leaveQuestion' },
            ],
            'step.goto': {
              guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
              target: 'answering',
              reenter: true,
              actions: { type: 'goTo', params: ({ event }) => ({ question: event.question, changing: false }) },
            },
            'section.skip': [
              {
                guard: and(['canSkipSection', 'skipLeadsToSummary']),
                target: '#questionnaire.summary',
                actions: [{ type: 'skipSection', params: ({ event }) => ({ question: event.question, value: event.value }) }, 'leaveQuestion'],
              },
              {
                guard: 'canSkipSection',
                target: 'answering',
                reenter: true,
                actions: { type: 'skipSection', params: ({ event }) => ({ question: event.question, value: event.value }) },
              },
            ],
            'summary.jump': { guard: 'isSettled', target: '#questionnaire.summary', actions: ['storeChoice', 'rememberShortcut', 'leaveQuestion'] },
          },
        },
        /**
         * Changing an answer from the summary: the changed question, then the questions the change
         * newly enabled (`queue`), then back to the summary. Back returns to the summary; the
         * shortcuts are not offered.
         */
        changing: {
          on: {
            'answer.submit': continueFrom('changing'),
            'step.back': { target: '#questionnaire.summary', actions: 'leaveQuestion' },
            // Browser Back/Forward or a typed address: the change goes on (see `goTo`).
            'step.goto': {
              guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
              target: 'changing',
              reenter: true,
              actions: { type: 'goTo', params: ({ event }) => ({ question: event.question, changing: true }) },
            },
          },
        },
      },
    },
    summary: {
      on: {
        'session.reset': { target: '#questionnaire.start', actions: { type: 'reset', params: { from: 'summary' } } },
        'summary.change': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: '#questionnaire.question.changing',
          actions: { type: 'beginChange', params: ({ event }) => ({ question: event.question }) },
        },
        'step.goto': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          actions: { type: 'goTo', params: ({ event }) => ({ question: event.question, changing: false }) },
        },
        'step.back': { target: 'question', actions: 'goToLastQuestion' },
        'summary.confirm': { target: 'result' },
      },
    },
    result: {
      on: {
        'session.reset': { target: '#questionnaire.start', actions: { type: 'reset', params: { from: 'result' } } },
        'summary.open': { target: 'summary' },
        'step.back': { target: 'summary' },
        'step.goto': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          actions: { type: 'goTo', params: ({ event }) => ({ question: event.question, changing: false }) },
        },
      },
    },
  },
});

export type TFlowSnapshot = SnapshotFrom<typeof questionnaireMachine>;

/*
 * Selectors: where-am-I, read from a snapshot. Views, the address and saved progress use these and
 * never re-derive it.
 */

/** The page the flow is at. */
export function selectPosition(snapshot: TFlowSnapshot): TPosition {
  if (snapshot.matches('question') && snapshot.context.question) return { question: snapshot.context.question };
  if (snapshot.matches('summary')) return 'summary';
  if (snapshot.matches('result')) return 'result';
  return 'start';
}

/** True while an answer is being changed from the summary (Continue and Back return there). */
export const selectChanging = (snapshot: TFlowSnapshot): boolean => snapshot.matches({ question: 'changing' });

/** The change under way, as saved with the session, or null. */
export function selectChange(snapshot: TFlowSnapshot): TChange | null {
  const { question, queue } = snapshot.context;
  return selectChanging(snapshot) && question !== null ? { question, queue } : null;
}

/** The events a link of the flow sends (flow-link.tsx): data only, so each is named by its type and question. */
const LINK_EVENTS = ['step.back', 'step.goto', 'summary.open', 'summary.change'] as const satisfies readonly TFlowEvent['type'][];
type TLinkEvent = Extract<TFlowEvent, { type: (typeof LINK_EVENTS)[number] }>;
const isLinkEvent = (event: TFlowEvent): event is TLinkEvent => (LINK_EVENTS as readonly string[]).includes(event.type);

/**
 * Where each link's event leads from each snapshot, worked out once: a page reads it for every link
 * at every render (the summary has a Change link per answer), and a snapshot never changes.
 */
const linkTargets = new WeakMap<TFlowSnapshot, Map<string, TPosition>>();

/** The page an event would lead to (the page itself when the flow does not take it). */
export function selectPositionAfter(snapshot: TFlowSnapshot, event: TFlowEvent): TPosition {
  if (!isLinkEvent(event)) return selectPosition(getNextSnapshot(questionnaireMachine, snapshot, event));
  let targets = linkTargets.get(snapshot);
  if (!targets) linkTargets.set(snapshot, (targets = new Map()));
  const key = 'question' in event ? `${event.type} ${event.question}` : event.type;
  let target = targets.get(key);
  if (target === undefined) targets.set(key, (target = selectPosition(getNextSnapshot(questionnaireMachine, snapshot, event))));
  return target;
}

/** Where Back leads from here: the question before, the one a shortcut was pressed on, the summary, or the start page. */
export const selectBackTarget = (snapshot: TFlowSnapshot): TPosition => selectPositionAfter(snapshot, { type: 'step.back' });

/** True when the question on screen is in the gate section (answers.ts, `inGateSection`). */
export const selectInGate = (snapshot: TFlowSnapshot): boolean =>
  snapshot.context.question !== null && inGateSection(snapshot.context.question, snapshot.context.content);

/** True when a mimic at the gate has closed the bedside sections and the diagnoses. */
export const selectGateClosed = (snapshot: TFlowSnapshot): boolean =>
  isGateClosed(resolveAnswers(snapshot.context.answers, snapshot.context.content).enabled, snapshot.context.content);
