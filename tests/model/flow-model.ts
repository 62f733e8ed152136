/**
 * The test model of the questionnaire flow: the real flow machine with the real content, explored
 * with a small set of sample events so the graph stays small enough to drive through a browser.
 *
 * Sample answers are chosen for the branching they exercise: G1 "jerks" or a mimic (regular
 * oscillation, which closes the bedside and the diagnoses; the safety screen and E0 still follow), D1 "none" or PME (which enables D1a and D2), E0 "no"
 * (E1–E4 stay off), every other question "Unknown / not assessed". Changing G1 to the mimic from
 * the summary sets every later answer aside, and changing it back brings them all back, so the
 * set-aside answers are part of the model's states; so is what Start again cleared, and its Undo.
 *
 * Every sampled event that makes a new state makes a copy of what follows it, and the run of
 * "Unknown" questions (C1–C6, B6–A3) is the costly part of a copy: each step of it drives a page
 * but takes a machine transition already taken. So side events are sampled only where they take a
 * transition no other state gives, and the run is walked once per branch that changes it: asked
 * with D1 "none" and with PME, and asked again by a change out of a mimic. In particular:
 * - on a question, Back only on G1 and G2, a typed address and Start again only on G2, and while
 *   changing, Back only on the changed question;
 * - Start again (and so Undo) on one page of each kind: G2, the summary after a mimic at G1, the
 *   result of the first pass, and the mimic's result with the first pass's answers set aside;
 * - G1 changed to the mimic only from the first pass's summary (from the PME summary, or with
 *   answers already set aside, it would copy the same mimic pages);
 * - saved progress found only by a fresh tab, at the places listed in `SAMPLE_RESTORES`;
 * - the decided case ends at its result.
 * The table `SAMPLING` says it row by row (state predicate → events): to cover a new state or event
 * of the machine, add a row there, a check and a runner in flow.spec.ts, and run the spec, whose
 * first tests prove that every state, edge and machine transition is still taken.
 *
 * Walks (`planWalks`): each from the start page of a fresh tab (nothing saved), they take every
 * edge of the model between them, so every state and every transition the machine defines is driven
 * through the real pages. From where it is, a walk goes the cheapest way to the nearest edge not yet
 * taken; when starting afresh with saved progress gets there for less, the walk ends and the next
 * one starts there. The walks are packed into a few tests of about equal length, so that parallel
 * workers finish together; within a test, the tab's sessionStorage is emptied between walks.
 */
import { createTestModel, getStateNodes } from 'xstate/graph';
import { createActor, type SnapshotFrom } from 'xstate';
import { content } from '../../content';
import { enabledQuestions, isGateClosed } from '../../machines/answers/answers';
import { redFlagsOf } from '../../machines/assessment/assess';
import { questionnaireMachine, type TFlowEvent, type TSettledCheck } from '../../machines/flow/questionnaire.machine';
import { canGoToSummary } from '../../machines/assessment/settled';

/** The proof behind "Go to the summary", as the question pages load it. */
const settledCheck: TSettledCheck = (answers) => canGoToSummary(answers, content);
/** The check behind "See the red flags now", loaded with it. */
const urgentCheck: TSettledCheck = (answers) => redFlagsOf(answers, content).some((f) => content.urgentRedFlags.includes(f));

export type TFlowSnapshot = SnapshotFrom<typeof questionnaireMachine>;

/** The answers sampled for each question; any question not listed is answered "Unknown". */
export const SAMPLE_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  G1: ['positive_jerks', 'regular_oscillation_only'],
  D1: ['none', 'PME'],
  E0: ['no'],
};
const UNKNOWN_ONLY = ['unknown'] as const;

/** Every question of the first pass answered as sampled: G1 jerks, D1 none, E0 no, others unknown. */
const firstPassAnswers: Record<string, string> = Object.fromEntries(
  content.questions
    .filter((q) => !q.enableWhen)
    .map((q) => [q.id, ({ G1: 'positive_jerks', D1: 'none', E0: 'no' } as Record<string, string>)[q.id] ?? 'unknown']),
);
/** A case that definitive neurophysiology has decided, at B1: "Go to the summary" is on offer. */
const decidedBeforeB1: Record<string, string | readonly string[]> = {
  G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: 'unknown', C3: 'static_or_very_slow', C4: ['none'], C5: 'unknown', C6: ['none'],
  D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
};
/** The same, for the questions asked before D1 (G1–C6): what a clinician has answered when D1 is on screen. */
const beforeD1 = new Set(content.questions.slice(0, content.questions.findIndex((q) => q.id === 'D1')).map((q) => q.id));
const answersBeforeD1 = Object.fromEntries(Object.entries(firstPassAnswers).filter(([id]) => beforeD1.has(id)));

/**
 * Saved progress the start page may find: one for each place a session can be restored to, one at
 * D1, two finished sessions and the decided case, so that walks past the long run of "Unknown"
 * questions need not walk it again.
 */
export const SAMPLE_RESTORES: ReadonlyArray<Extract<TFlowEvent, { type: 'session.restore' }>> = [
  { type: 'session.restore', answers: { G1: 'positive_jerks' }, attested: true, position: { question: 'G2' } },
  { type: 'session.restore', answers: { G1: 'positive_jerks' }, attested: true, position: 'start' },
  { type: 'session.restore', answers: answersBeforeD1, attested: true, position: { question: 'D1' } },
  { type: 'session.restore', answers: { G1: 'regular_oscillation_only' }, attested: true, position: 'result' },
  { type: 'session.restore', answers: firstPassAnswers, attested: true, position: 'summary' },
  { type: 'session.restore', answers: { G1: 'regular_oscillation_only', G2: 'unknown', G3: 'unknown' }, attested: true, position: 'summary' },
  { type: 'session.restore', answers: decidedBeforeB1, attested: true, position: { question: 'B1' } },
  // A reload in the middle of changing D1 from the first pass's summary: the change goes on.
  { type: 'session.restore', answers: firstPassAnswers, attested: true, position: { question: 'D1' }, change: { question: 'D1', queue: [] } },
  // An acute onset (an urgent red flag) at C2: "See the red flags now" is on offer.
  { type: 'session.restore', answers: { G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'acute_hours_to_days', C1a: 'within_3_months' }, attested: true, position: { question: 'C2' } },
];

export const enabledIds = (snapshot: TFlowSnapshot) =>
  enabledQuestions(snapshot.context.answers, snapshot.context.content).map((q) => q.id);

/** True when a mimic answer in section G has closed the bedside sections and the diagnoses. */
export const gateClosed = (snapshot: TFlowSnapshot) => isGateClosed(enabledQuestions(snapshot.context.answers, content), content);

/** The sampled answers to the question on screen, each an `answer.submit`. */
const answersHere = (snapshot: TFlowSnapshot, except: readonly string[] = []): TFlowEvent[] => {
  const question = snapshot.context.question!;
  return (SAMPLE_ANSWERS[question] ?? UNKNOWN_ONLY).filter((value) => !except.includes(value)).map((value) => ({ type: 'answer.submit', question, value }));
};
/** A typed address of the last enabled question (from the summary or the result). */
const typedLastQuestion = (snapshot: TFlowSnapshot): TFlowEvent[] => {
  const last = enabledIds(snapshot).at(-1);
  return last ? [{ type: 'step.goto', question: last }] : [];
};
const when = (condition: boolean, ...events: TFlowEvent[]): TFlowEvent[] => (condition ? events : []);
const answeredCount = (snapshot: TFlowSnapshot) => Object.keys(snapshot.context.answers).length;
const setAsideCount = (snapshot: TFlowSnapshot) => Object.keys(snapshot.context.setAside).length;
const onQuestion = (snapshot: TFlowSnapshot, ...ids: string[]) => snapshot.matches('question') && ids.includes(snapshot.context.question ?? '');
const changing = (snapshot: TFlowSnapshot) => snapshot.matches({ question: 'changing' });
const jumps: TFlowEvent[] = [{ type: 'summary.jump' }, { type: 'result.open' }];

/** A row of the sampling table: in the states `when` holds for, the model tries `events`. */
export type TSampleRow = { why: string; when: (snapshot: TFlowSnapshot) => boolean; events: (snapshot: TFlowSnapshot) => TFlowEvent[] };

/**
 * Which events the model tries in which states: the first row whose `when` holds gives them, and
 * the machine keeps those it accepts (`snapshot.can`). A state no row covers stops the model with an
 * error, so a new state of the machine needs a row here (and a check and a runner in flow.spec.ts).
 *
 * Side events are sampled in a few states each, enough to take every transition the machine defines
 * while keeping one copy of the long run of "Unknown" questions per branch (see the top).
 */
export const SAMPLING: readonly TSampleRow[] = [
  // Two restored cases take their own short way, where their walks end.
  {
    why: 'the urgent case restored at C2 opens the result at once ("See the red flags now")',
    when: (s) => s.context.answers['C1'] === 'acute_hours_to_days',
    events: (s) => when(s.matches('question'), { type: 'result.open' }),
  },
  {
    why: 'the decided case restored at B1 takes "Skip the rest of this section" and "Go to the summary", and Back to where each was pressed',
    when: (s) => s.context.answers['E2'] === 'focal_cortical_spike_before_jerk' && s.matches('question'),
    events: (s) => [{ type: 'summary.jump' }, { type: 'section.skip', question: s.context.question! }, ...when(s.context.returnTo?.from === s.context.question, { type: 'step.back' })],
  },
  {
    why: 'the decided case: from the summary, its result, or Back to the question of the shortcut',
    when: (s) => s.context.answers['E2'] === 'focal_cortical_spike_before_jerk',
    events: (s) => when(s.matches('summary'), { type: 'summary.confirm' }, ...when(s.context.returnTo !== null, { type: 'step.back' })),
  },

  // The start page.
  {
    why: 'the start page with Start again’s Undo on offer: Undo, or start anew',
    when: (s) => s.matches('start') && s.context.discarded !== null,
    events: () => [{ type: 'session.start', attested: true }, { type: 'session.undo' }],
  },
  {
    why: 'a fresh tab: saved progress may be found, and Start again is the saved-progress notice’s',
    when: (s) => s.matches('start') && answeredCount(s) === 0 && !s.context.attested,
    events: () => [{ type: 'session.start', attested: true }, ...SAMPLE_RESTORES, { type: 'session.reset' }, { type: 'session.undo' }],
  },
  {
    why: 'the start page with nothing answered',
    when: (s) => s.matches('start') && answeredCount(s) === 0,
    events: () => [{ type: 'session.start', attested: true }, { type: 'session.reset' }, { type: 'session.undo' }],
  },
  {
    why: 'the start page holding answers (Back from the first question)',
    when: (s) => s.matches('start'),
    events: () => [{ type: 'session.start', attested: true }, { type: 'session.undo' }],
  },

  // Question pages while a change from the summary is under way.
  {
    why: 'G1 being changed: Back (when nothing more is asked) and the browser’s Back to the summary',
    when: (s) => onQuestion(s, 'G1') && changing(s),
    events: (s) =>
      s.context.queue.length > 0
        ? // G1 reached by a typed address while changing D1: answered as it was, back to D1.
          [...answersHere(s).filter((e) => e.type === 'answer.submit' && e.value === 'positive_jerks'), ...jumps]
        : [...answersHere(s), { type: 'step.back' }, { type: 'summary.open' }, ...jumps],
  },
  {
    why: 'D1 being changed, or asked by a change out of a mimic (then "none" only: PME is changed from the summary)',
    when: (s) => onQuestion(s, 'D1') && changing(s),
    events: (s) => [
      ...answersHere(s, s.context.queue.length > 0 ? ['PME'] : []),
      ...when(s.context.queue.length === 0, { type: 'step.back' }),
      // A typed address once, while changing: from D1 of the whole first pass, changed (or restored so), to G1.
      ...when(
        s.context.queue.length === 0 && s.context.answers['D1'] === 'none' && 'A3' in s.context.answers && setAsideCount(s) === 0,
        { type: 'step.goto', question: 'G1' },
      ),
      ...jumps,
    ],
  },

  // Question pages.
  {
    why: 'G2: Back, a typed address, Start again, and the shortcut proof loaded (a self-loop, taken once)',
    when: (s) => onQuestion(s, 'G2') && !changing(s),
    events: (s) => [
      ...answersHere(s),
      { type: 'step.back' },
      { type: 'step.goto', question: 'G1' },
      { type: 'session.reset' },
      ...jumps,
      { type: 'shortcuts.load', check: settledCheck, urgent: urgentCheck },
    ],
  },
  {
    why: 'G1: Back to the start page',
    when: (s) => onQuestion(s, 'G1') && !changing(s),
    events: (s) => [...answersHere(s), { type: 'step.back' }, ...jumps],
  },
  {
    why: 'any other question: its sampled answers, and the shortcuts where the flow offers them',
    when: (s) => s.matches('question'),
    events: (s) => [...answersHere(s), ...jumps],
  },

  // The summary and the result.
  {
    why: 'the summary of a myoclonus case: G1 changed to the mimic only on the first pass (no PME, nothing set aside)',
    when: (s) => s.matches('summary') && !gateClosed(s),
    events: (s) => [
      ...when(setAsideCount(s) === 0 && s.context.answers['D1'] !== 'PME', { type: 'summary.change', question: 'G1' }),
      { type: 'summary.change', question: 'D1' },
      ...typedLastQuestion(s),
      { type: 'step.back' },
      { type: 'summary.confirm' },
    ],
  },
  {
    why: 'the summary after a mimic: changes once G2 and G3 are answered (the questions it re-asks are the first pass’s), Start again right after G1, no typed address',
    when: (s) => s.matches('summary'),
    events: (s) => [
      ...when('G2' in s.context.answers && 'G3' in s.context.answers, { type: 'summary.change', question: 'G1' }, { type: 'summary.change', question: 'D1' }),
      { type: 'step.back' },
      { type: 'summary.confirm' },
      ...when(answeredCount(s) === 1, { type: 'session.reset' }),
    ],
  },
  {
    why: 'the result of a myoclonus case: Start again on the first pass’s',
    when: (s) => s.matches('result') && !gateClosed(s),
    events: (s) => [
      { type: 'summary.open' },
      { type: 'step.back' },
      ...typedLastQuestion(s),
      ...when(setAsideCount(s) === 0 && s.context.answers['D1'] === 'none', { type: 'session.reset' }),
    ],
  },
  {
    why: 'the mimic’s result: Start again with the first pass’s answers set aside (the only mimic result with any), no typed address',
    when: (s) => s.matches('result'),
    events: (s) => [{ type: 'summary.open' }, { type: 'step.back' }, ...when(setAsideCount(s) > 0, { type: 'session.reset' })],
  },
];

/** The events the sampling table gives a state; a state no row covers is an error. */
export function sampledEvents(snapshot: TFlowSnapshot): TFlowEvent[] {
  const row = SAMPLING.find((r) => r.when(snapshot));
  if (!row) throw new Error(`no row of SAMPLING (tests/model/flow-model.ts) covers the state ${JSON.stringify(snapshot.value)}`);
  return row.events(snapshot);
}

/** A state of the model: the machine state and its context without the (constant) content and proof. */
export function serializeState(snapshot: TFlowSnapshot): string {
  return JSON.stringify({ value: snapshot.value, context: { ...snapshot.context, content: undefined, settledCheck: undefined, urgentCheck: undefined } });
}

export const flowModel = createTestModel(questionnaireMachine, {
  input: { content, settledCheck, urgentCheck },
  events: sampledEvents,
  // createTestModel adds a bare `{ type }` for every event type the state accepts and the table
  // does not name there: only the table's own events are kept.
  filterEvents: (snapshot, event) => sampledEvents(snapshot).some((e) => JSON.stringify(e) === JSON.stringify(event)) && snapshot.can(event),
  serializeState: (snapshot) => serializeState(snapshot),
});

/** The states and event types the machine defines, for checking the test handlers at run time. */
export const machineStateNames = Object.keys(questionnaireMachine.root.states).sort();
export const machineEventTypes = [
  ...new Set(getStateNodes(questionnaireMachine.root).concat(questionnaireMachine.root).flatMap((node) => [...node.transitions.keys()])),
].sort();

type TEdge = { from: string; event: TFlowEvent; to: string };

/** The model graph: its states and edges, keyed by serialised state and event. */
export function modelGraph() {
  const adjacency = flowModel.getAdjacencyMap();
  const states = new Map<string, TFlowSnapshot>();
  const edges = new Map<string, TEdge>();
  for (const [from, { state, transitions }] of Object.entries(adjacency)) {
    states.set(from, state);
    for (const [eventKey, { event, state: next }] of Object.entries(transitions) as Array<[string, { event: TFlowEvent; state: TFlowSnapshot }]>) {
      edges.set(`${from}|${eventKey}`, { from, event, to: serializeState(next) });
    }
  }
  return { states, edges };
}

/**
 * Every transition definition of the machine, as `source:event#index`: the ones a path must take.
 * The root's `session.reset` counts once per state it can leave.
 */
export function machineTransitions(): string[] {
  const ids: string[] = [];
  const root = questionnaireMachine.root;
  for (const node of getStateNodes(root)) {
    for (const [type, list] of node.transitions) list.forEach((_, i) => ids.push(`${node.key}:${type}#${i}`));
    for (const [type] of root.transitions) ids.push(`${node.key}:${type}#root`);
  }
  return ids.sort();
}

/** Which machine transition an event takes from a state (`null` if none). */
export function transitionTaken(snapshot: TFlowSnapshot, event: TFlowEvent): string | null {
  const [taken] = questionnaireMachine.getTransitionData(snapshot, event);
  if (!taken) return null;
  const source = taken.source === questionnaireMachine.root ? String(snapshot.value) : taken.source.key;
  if (taken.source === questionnaireMachine.root) return `${source}:${event.type}#root`;
  const index = taken.source.transitions.get(event.type)?.indexOf(taken) ?? -1;
  return `${source}:${event.type}#${index}`;
}

export const initialSnapshot = () => createActor(questionnaireMachine, { input: { content, settledCheck, urgentCheck } }).getSnapshot();

const stepKey = (from: string, event: TFlowEvent) => `${from}|${JSON.stringify(event)}`;

/** One step of a walk: the event sent, and the state the model is in after it. */
export type TFlowStep = { event: TFlowEvent; state: TFlowSnapshot };
/** A walk from the start page with nothing saved (a fresh tab): the initial state, then its steps. */
export type TFlowWalk = { initial: TFlowSnapshot; steps: TFlowStep[] };

/**
 * Roughly what each event costs in the browser, a click being 1: a page load (saved progress, a
 * typed address, Start again through the header) costs about two. Only for planning the walks.
 */
const STEP_COST: Partial<Record<TFlowEvent['type'], number>> = {
  'session.restore': 2.5,
  'step.goto': 2,
  'session.reset': 2,
  'shortcuts.load': 0.1,
};
export const stepCost = (event: TFlowEvent) => STEP_COST[event.type] ?? 1;
/** Starting the next walk afresh: sessionStorage emptied, the start page loaded. */
const RESTART_COST = 2;

/**
 * The walks to drive: together they take every edge of the model (so every state, and every
 * transition the machine defines), each as few times as a greedy plan manages. From where it is, a
 * walk goes the cheapest way to the nearest edge not yet taken (saved progress being a teleport
 * from the start page), takes it, and carries on; it stops when starting afresh is cheaper, or
 * when it has cost `maxWalkCost`. The walks are then packed, longest first, into groups of about
 * `testCost` each, one Playwright test per group, so that parallel workers finish together.
 */
export function planWalks({ maxWalkCost = 45, testCost = 40 } = {}) {
  const { states, edges } = modelGraph();
  const initialState = initialSnapshot();
  const initial = serializeState(initialState);
  const out = new Map<string, TEdge[]>();
  for (const edge of edges.values()) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const untaken = new Set(edges.keys());
  const edgeKey = (e: TEdge) => stepKey(e.from, e.event);

  /** Dijkstra from `from` to the cheapest edge not taken yet: the route there, that edge last. */
  const route = (from: string): { edges: TEdge[]; cost: number } | null => {
    const cost = new Map<string, number>([[from, 0]]);
    const via = new Map<string, TEdge>();
    const done = new Set<string>();
    let best: { edges: TEdge[]; cost: number } | null = null;
    for (;;) {
      let here: string | null = null;
      for (const [state, c] of cost) if (!done.has(state) && (here === null || c < cost.get(here)!)) here = state;
      if (here === null || (best && cost.get(here)! >= best.cost)) return best;
      done.add(here);
      for (const e of out.get(here) ?? []) {
        const c = cost.get(here)! + stepCost(e.event);
        if (untaken.has(edgeKey(e)) && (!best || c < best.cost)) {
          const path = [e];
          for (let s = here; s !== from; s = via.get(s)!.from) path.unshift(via.get(s)!);
          best = { edges: path, cost: c };
        }
        if (c < (cost.get(e.to) ?? Infinity)) {
          cost.set(e.to, c);
          via.set(e.to, e);
        }
      }
    }
  };

  const walks: TEdge[][] = [];
  let walk: TEdge[] = [];
  let walkCost = 0;
  let here = initial;
  while (untaken.size > 0) {
    let next = route(here);
    const afresh = here === initial ? null : route(initial);
    if (afresh && (!next || walkCost + next.cost > maxWalkCost || afresh.cost + RESTART_COST < next.cost)) {
      walks.push(walk);
      [walk, walkCost, here, next] = [[], 0, initial, afresh];
    }
    if (!next) throw new Error(`${untaken.size} edges of the model cannot be reached`);
    for (const e of next.edges) {
      untaken.delete(edgeKey(e));
      walk.push(e);
      walkCost += stepCost(e.event);
      here = e.to;
    }
  }
  walks.push(walk);

  const toWalk = (edgeList: TEdge[]): TFlowWalk => ({
    initial: initialState,
    steps: edgeList.map((e) => ({ event: e.event, state: states.get(e.to)! })),
  });
  const costOf = (w: TFlowWalk) => RESTART_COST + w.steps.reduce((n, step) => n + stepCost(step.event), 0);
  const planned = walks.filter((w) => w.length > 0).map(toWalk);

  // Longest first, each into the group that costs least so far.
  const total = planned.reduce((n, w) => n + costOf(w), 0);
  const groups: TFlowWalk[][] = Array.from({ length: Math.max(1, Math.round(total / testCost)) }, () => []);
  const groupCost = (g: TFlowWalk[]) => g.reduce((n, w) => n + costOf(w), 0);
  for (const w of [...planned].sort((a, b) => costOf(b) - costOf(a))) {
    groups.reduce((least, g) => (groupCost(g) < groupCost(least) ? g : least)).push(w);
  }
  return { walks: planned, tests: groups.filter((g) => g.length > 0), states, edges };
}

/** A short, readable title for a walk: its events in order, runs of "Unknown" answers folded. */
export function describeWalk(walk: TFlowWalk): string {
  const parts: string[] = [];
  let unknownRun: string[] = [];
  const flush = () => {
    if (unknownRun.length === 1) parts.push(`${unknownRun[0]}=unknown`);
    if (unknownRun.length > 1) parts.push(`${unknownRun[0]}…${unknownRun.at(-1)}=unknown`);
    unknownRun = [];
  };
  for (const { event } of walk.steps) {
    if (event.type === 'answer.submit' && event.value === 'unknown') {
      unknownRun.push(event.question);
      continue;
    }
    flush();
    switch (event.type) {
      case 'answer.submit':
        parts.push(`${event.question}=${typeof event.value === 'string' ? event.value : event.value?.join('+')}`);
        break;
      case 'step.goto':
      case 'summary.change':
      case 'section.skip':
        parts.push(`${event.type}(${event.question})`);
        break;
      case 'session.restore':
        parts.push(`restore(${typeof event.position === 'string' ? event.position : event.position.question})`);
        break;
      case 'session.start':
      case 'session.reset':
      case 'session.undo':
      case 'step.back':
      case 'summary.open':
      case 'summary.confirm':
      case 'summary.jump':
      case 'result.open':
      case 'shortcuts.load':
        parts.push(event.type);
    }
  }
  flush();
  return parts.join(' → ');
}

