/**
 * The questionnaire flow: start → the enabled questions in order → summary → result.
 *
 * Answers live here and only here. Branching comes from the shared `resolveAnswers`, so the
 * questions asked, the summary and the assessment always agree, and an answer to a question that
 * becomes disabled is pruned in the same transition. The machine is effect-free (no invoke, no
 * delays, no clock, no randomness): persistence and routing subscribe to it from outside.
 */
import { assign, setup } from 'xstate';
import type { TFlowContent } from '../content/schema';
import { isGateClosed, lastAnsweredQuestion, resolveAnswers, type TAnswers, type TAnswerValue } from './answers';

/** Where the user is: a question id, or one of the fixed pages. */
export type TPosition = 'start' | 'summary' | 'result' | { question: string };

export type TFlowContext = {
  content: TFlowContent;
  answers: TAnswers;
  attested: boolean;
  /** The question on screen (meaningful in the `question` state). */
  question: string | null;
  /** Set while changing an answer from the summary: Continue returns there. */
  changing: boolean;
  /** Questions a change has newly enabled, to be asked before returning to the summary. */
  queue: readonly string[];
};

export type TFlowEvent =
  | { type: 'session.start'; attested: boolean }
  | { type: 'answer.submit'; question: string; value: TAnswerValue | undefined }
  | { type: 'step.back' }
  | { type: 'step.goto'; question: string }
  | { type: 'summary.open' }
  | { type: 'summary.change'; question: string }
  | { type: 'summary.confirm' }
  | { type: 'session.restore'; answers: TAnswers; attested: boolean; position: TPosition }
  | { type: 'session.reset' };

export type TFlowInput = { content: TFlowContent };

const enabledIds = (answers: TAnswers, content: TFlowContent) =>
  resolveAnswers(answers, content).enabled.map((q) => q.id);

/** The answers after storing one; `undefined` means "Unknown / not assessed" and is not stored. */
function withAnswer(context: TFlowContext, question: string, value: TAnswerValue | undefined): TAnswers {
  const next: Record<string, TAnswerValue> = { ...context.answers };
  if (value === undefined) delete next[question];
  else next[question] = value;
  return resolveAnswers(next, context.content).answers;
}

/**
 * Where Continue leads after answering `question`: the next enabled question; while changing from
 * the summary, the first question the change newly enabled; the summary (`null`) when nothing is
 * left or a mimic has ended the questionnaire.
 */
function afterSubmit(context: TFlowContext, question: string, answers: TAnswers): { question: string | null; queue: string[] } {
  const after = enabledIds(answers, context.content);
  if (isGateClosed(resolveAnswers(answers, context.content).enabled, context.content)) return { question: null, queue: [] };
  if (context.changing) {
    const before = new Set(enabledIds(context.answers, context.content));
    const queued = new Set([...context.queue, ...after.filter((id) => !before.has(id))]);
    const queue = after.filter((id) => queued.has(id) && id !== question);
    return { question: queue[0] ?? null, queue: queue.slice(1) };
  }
  return { question: after[after.indexOf(question) + 1] ?? null, queue: [] };
}

function previousQuestion(context: TFlowContext): string | null {
  const enabled = enabledIds(context.answers, context.content);
  const index = context.question === null ? enabled.length : enabled.indexOf(context.question);
  return index > 0 ? (enabled[index - 1] ?? null) : null;
}

/**
 * Can saved answers and position be restored: is the position a page those answers reach, and was
 * the start page's attestation given (every page after it needs it)?
 */
function canRestore(content: TFlowContent, answers: TAnswers, position: TPosition, kind: TPositionKind, attested: boolean): boolean {
  if (!attested) return false;
  if (typeof position === 'string') return position === kind;
  return kind === 'question' && enabledIds(answers, content).includes(position.question);
}
type TPositionKind = 'start' | 'summary' | 'result' | 'question';

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
    leadsToSummary: ({ context }, params: { question: string; value: TAnswerValue | undefined }) =>
      context.question === params.question &&
      afterSubmit(context, params.question, withAnswer(context, params.question, params.value)).question === null,
    hasPreviousQuestion: ({ context }) => previousQuestion(context) !== null,
    isChanging: ({ context }) => context.changing,
    canRestoreTo: ({ context }, params: { answers: TAnswers; attested: boolean; position: TPosition; kind: TPositionKind }) =>
      canRestore(context.content, resolveAnswers(params.answers, context.content).answers, params.position, params.kind, params.attested),
  },
  actions: {
    attest: assign({ attested: true }),
    goToFirstQuestion: assign(({ context }) => ({
      question: enabledIds(context.answers, context.content)[0] ?? null,
      changing: false,
      queue: [],
    })),
    storeAnswerAndAdvance: assign(({ context }, params: { question: string; value: TAnswerValue | undefined }) => {
      const answers = withAnswer(context, params.question, params.value);
      const next = afterSubmit(context, params.question, answers);
      return { answers, question: next.question, queue: next.queue, changing: next.question !== null && context.changing };
    }),
    goBack: assign(({ context }) => ({ question: previousQuestion(context) })),
    // Back from the summary: the last question answered (a mimic at G1 ends the questionnaire there).
    goToLastQuestion: assign(({ context }) => ({ question: lastAnsweredQuestion(context.answers, context.content) })),
    // Browser Back/Forward or a typed address. While changing from the summary, the change goes on:
    // the question left is asked again before the summary, with the ones still queued.
    goTo: assign(({ context }, params: { question: string }) => {
      if (!context.changing) return { question: params.question, changing: false, queue: [] };
      const enabled = enabledIds(context.answers, context.content);
      const pending = new Set([context.question, ...context.queue].filter((id): id is string => id !== null && id !== params.question));
      return { question: params.question, queue: enabled.filter((id) => pending.has(id)) };
    }),
    beginChange: assign((_, params: { question: string }) => ({ question: params.question, changing: true, queue: [] })),
    leaveQuestion: assign({ question: null, changing: false, queue: [] }),
    restore: assign(({ context }, params: { answers: TAnswers; attested: boolean; position: TPosition }) => ({
      answers: resolveAnswers(params.answers, context.content).answers,
      attested: params.attested,
      question: typeof params.position === 'string' ? null : params.position.question,
      changing: false,
      queue: [],
    })),
    reset: assign({ answers: {}, attested: false, question: null, changing: false, queue: [] }),
  },
}).createMachine({
  id: 'questionnaire',
  context: ({ input }) => ({
    content: input.content,
    answers: {},
    attested: false,
    question: null,
    changing: false,
    queue: [],
  }),
  initial: 'start',
  on: {
    'session.reset': { target: '.start', actions: 'reset' },
  },
  states: {
    start: {
      on: {
        'session.start': {
          guard: { type: 'isAttested', params: ({ event }) => ({ attested: event.attested }) },
          target: 'question',
          actions: ['attest', 'goToFirstQuestion'],
        },
        'session.restore': (['question', 'summary', 'result', 'start'] as const).map((kind) => ({
          guard: {
            type: 'canRestoreTo' as const,
            params: ({ event }: { event: Extract<TFlowEvent, { type: 'session.restore' }> }) => ({ answers: event.answers, attested: event.attested, position: event.position, kind }),
          },
          target: kind,
          actions: { type: 'restore' as const, params: ({ event }: { event: Extract<TFlowEvent, { type: 'session.restore' }> }) => event },
        })),
      },
    },
    question: {
      on: {
        'answer.submit': [
          {
            guard: { type: 'leadsToSummary', params: ({ event }) => event },
            target: 'summary',
            actions: { type: 'storeAnswerAndAdvance', params: ({ event }) => event },
          },
          {
            guard: { type: 'isCurrentQuestion', params: ({ event }) => ({ question: event.question }) },
            target: 'question',
            reenter: true,
            actions: { type: 'storeAnswerAndAdvance', params: ({ event }) => event },
          },
        ],
        'step.back': [
          { guard: 'isChanging', target: 'summary', actions: 'leaveQuestion' },
          { guard: 'hasPreviousQuestion', target: 'question', reenter: true, actions: 'goBack' },
          { target: 'start', actions: 'leaveQuestion' },
        ],
        'step.goto': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          reenter: true,
          actions: { type: 'goTo', params: ({ event }) => ({ question: event.question }) },
        },
        'summary.open': { target: 'summary', actions: 'leaveQuestion' },
      },
    },
    summary: {
      on: {
        'summary.change': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          actions: { type: 'beginChange', params: ({ event }) => ({ question: event.question }) },
        },
        'step.goto': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          actions: { type: 'goTo', params: ({ event }) => ({ question: event.question }) },
        },
        'step.back': { target: 'question', actions: 'goToLastQuestion' },
        'summary.confirm': { target: 'result' },
      },
    },
    result: {
      on: {
        'summary.open': { target: 'summary' },
        'step.back': { target: 'summary' },
        'step.goto': {
          guard: { type: 'isEnabledQuestion', params: ({ event }) => ({ question: event.question }) },
          target: 'question',
          actions: { type: 'goTo', params: ({ event }) => ({ question: event.question }) },
        },
      },
    },
  },
});
