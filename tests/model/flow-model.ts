/**
 * The test model of the questionnaire flow: the real flow machine with the real content, explored
 * with a small set of sample events so the graph stays small enough to drive through a browser.
 *
 * Sample answers are chosen for the branching they exercise: G1 "jerks" or a mimic (regular
 * oscillation, which closes the gate), D1 "none" or PME (which enables D1a and D2), E0 "no"
 * (E1–E4 stay off), every other question "Unknown / not assessed". Changing G1 to the mimic from
 * the summary sets every later answer aside, and changing it back brings them all back, so the
 * set-aside answers are part of the model's states; so is what Start again cleared, and its Undo.
 * Side events (Back, a typed address, Start again) are sampled only in a few states: enough to take
 * every transition the machine defines without multiplying the states.
 *
 * Paths: the shortest path to every state (`getShortestPaths`), then walks from the start page
 * (`getPathsFromEvents`) that take every remaining edge of the graph, so every state and every
 * transition of the model is driven through the real pages.
 */
import { createTestModel, getStateNodes, type TestPath } from 'xstate/graph';
import { createActor, type SnapshotFrom } from 'xstate';
import { content } from '../../content';
import { enabledQuestions } from '../../machines/answers';
import { questionnaireMachine, type TFlowEvent, type TSettledCheck } from '../../machines/questionnaire.machine';
import { canGoToSummary } from '../../machines/settled';

/** The proof behind "Go to the summary", as the question pages load it. */
const settledCheck: TSettledCheck = (answers) => canGoToSummary(answers, content);

export type TFlowSnapshot = SnapshotFrom<typeof questionnaireMachine>;
export type TFlowPath = TestPath<TFlowSnapshot, TFlowEvent>;

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
  G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: 'unknown', C3: 'unknown', C4: ['none'], C5: 'unknown', C6: ['none'],
  D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
};
/** The same, for the questions asked before D1 (G1–C6): what a clinician has answered when D1 is on screen. */
const beforeD1 = new Set(content.questions.slice(0, content.questions.findIndex((q) => q.id === 'D1')).map((q) => q.id));
const answersBeforeD1 = Object.fromEntries(Object.entries(firstPassAnswers).filter(([id]) => beforeD1.has(id)));

/**
 * Saved progress the start page may find: one for each place a session can be restored to, one at
 * D1 and two finished sessions, so that paths past the long run of "Unknown" questions need not
 * walk it again.
 */
export const SAMPLE_RESTORES: ReadonlyArray<Extract<TFlowEvent, { type: 'session.restore' }>> = [
  { type: 'session.restore', answers: { G1: 'positive_jerks' }, attested: true, position: { question: 'G2' } },
  { type: 'session.restore', answers: { G1: 'positive_jerks' }, attested: true, position: 'start' },
  { type: 'session.restore', answers: answersBeforeD1, attested: true, position: { question: 'D1' } },
  { type: 'session.restore', answers: { G1: 'regular_oscillation_only' }, attested: true, position: 'result' },
  { type: 'session.restore', answers: firstPassAnswers, attested: true, position: 'summary' },
  { type: 'session.restore', answers: { G1: 'regular_oscillation_only', G2: 'unknown', G3: 'unknown' }, attested: true, position: 'summary' },
  { type: 'session.restore', answers: decidedBeforeB1, attested: true, position: { question: 'B1' } },
];

export const enabledIds = (snapshot: TFlowSnapshot) =>
  enabledQuestions(snapshot.context.answers, snapshot.context.content).map((q) => q.id);

/** True when a mimic answer has ended the questionnaire after section G. */
export const gateClosed = (snapshot: TFlowSnapshot) =>
  enabledIds(snapshot).every((id) => content.questions.find((q) => q.id === id)?.section === 'G');

/** Every candidate event with its payloads; `isSampled` then keeps the ones taken in each state. */
function candidateEvents(snapshot: TFlowSnapshot): TFlowEvent[] {
  const question = snapshot.context.question;
  const last = enabledIds(snapshot).at(-1);
  const lastGoto: TFlowEvent[] = last ? [{ type: 'step.goto', question: last }] : [];
  if (snapshot.matches('start')) {
    return [{ type: 'session.start', attested: true }, ...SAMPLE_RESTORES, { type: 'session.reset' }, { type: 'session.undo' }];
  }
  if (snapshot.matches('question') && question) {
    return [
      ...(SAMPLE_ANSWERS[question] ?? UNKNOWN_ONLY).map((value): TFlowEvent => ({ type: 'answer.submit', question, value })),
      { type: 'step.back' },
      { type: 'step.goto', question: 'G1' },
      { type: 'summary.open' },
      { type: 'session.reset' },
      { type: 'section.skip', question },
      { type: 'summary.jump' },
      { type: 'shortcuts.load', check: settledCheck },
    ];
  }
  if (snapshot.matches('summary')) {
    return [
      { type: 'summary.change', question: 'G1' },
      { type: 'summary.change', question: 'D1' },
      ...lastGoto,
      { type: 'step.back' },
      { type: 'summary.confirm' },
      { type: 'session.reset' },
    ];
  }
  return [{ type: 'summary.open' }, { type: 'step.back' }, ...lastGoto, { type: 'session.reset' }];
}

/**
 * Where side events are sampled: a few states each, enough to take every transition the machine
 * defines while keeping one copy of the long run of "Unknown" questions per mode (asking and
 * changing).
 */
function isSampled(snapshot: TFlowSnapshot, event: TFlowEvent): boolean {
  const { question, changing, answers, queue, discarded } = snapshot.context;
  // The decided case restored at B1 takes the shortcuts — "Skip the rest of this section" (B, then A,
  // the last section) and "Go to the summary" — then the result, then Start again.
  if (answers['E2'] === 'focal_cortical_spike_before_jerk') {
    if (snapshot.matches('question')) return event.type === 'summary.jump' || event.type === 'section.skip';
    if (snapshot.matches('summary')) return event.type === 'summary.confirm';
    if (snapshot.matches('result')) return event.type === 'session.reset';
  }
  if (snapshot.matches('start')) {
    // With Start again's Undo on offer: Undo, or start anew. Start again on the start page itself is
    // the saved-progress notice's, met with nothing answered.
    if (discarded !== null) return event.type === 'session.undo' || event.type === 'session.start';
    if (event.type === 'session.reset') return Object.keys(answers).length === 0;
    return true;
  }
  if (snapshot.matches('question')) {
    const early = question === 'G1' || question === 'G2';
    switch (event.type) {
      case 'step.back':
        // While changing: only on the changed question itself, not on the ones the change asks.
        return changing ? queue.length === 0 && (question === 'G1' || question === 'D1') : early;
      case 'step.goto':
      case 'session.reset':
        return question === 'G2' && !changing;
      case 'summary.open':
        return changing && question === 'G1';
      case 'answer.submit':
        // The questions a change out of a mimic asks: D1 "none" only (PME is changed from the summary).
        return !(changing && queue.length > 0 && question === 'D1' && event.value === 'PME');
      case 'section.skip':
        // Taken in the decided case (above), close to its restore point.
        return false;
      case 'summary.jump':
        return true; // offered only in the decided case (the flow's guard)
      case 'shortcuts.load':
        // A self-loop (the model starts with the proof loaded): taken once.
        return question === 'G2' && !changing;
      case 'session.start':
      case 'session.restore':
      case 'session.undo':
      case 'summary.change':
      case 'summary.confirm':
        return true;
    }
  }
  if (snapshot.matches('summary') || snapshot.matches('result')) {
    if (!gateClosed(snapshot)) return event.type !== 'session.reset' || snapshot.matches('result');
    // After a mimic: no typed address into section G (it would make one more variant of the
    // mimic summary), and changes out of the mimic only once G2 and G3 were answered, so the
    // questions it re-asks are the states of the first pass.
    if (event.type === 'step.goto') return false;
    if (event.type === 'summary.change') return 'G2' in answers && 'G3' in answers;
    return true;
  }
  return true;
}

/** A state of the model: the machine state and its context without the (constant) content and proof. */
export function serializeState(snapshot: TFlowSnapshot): string {
  return JSON.stringify({ value: snapshot.value, context: { ...snapshot.context, content: undefined, settledCheck: undefined } });
}

export const flowModel = createTestModel(questionnaireMachine, {
  input: { content, settledCheck },
  events: candidateEvents,
  filterEvents: (snapshot, event) => isSampled(snapshot, event) && snapshot.can(event),
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
  const source = String(snapshot.value);
  if (taken.source === questionnaireMachine.root) return `${source}:${event.type}#root`;
  const index = taken.source.transitions.get(event.type)?.indexOf(taken) ?? -1;
  return `${source}:${event.type}#${index}`;
}

export const initialSnapshot = () => createActor(questionnaireMachine, { input: { content, settledCheck } }).getSnapshot();

const stepKey = (from: string, event: TFlowEvent) => `${from}|${JSON.stringify(event)}`;

/**
 * The paths to drive: shortest paths to every state, then walks from the start page taking every
 * edge they left out. A walk goes to the nearest edge not yet taken, takes it, and carries on from
 * there; it stops after `maxSteps` so walks stay short enough to run in parallel.
 */
export function planPaths({ maxSteps = 90 } = {}) {
  const { states, edges } = modelGraph();
  const initial = serializeState(initialSnapshot());
  const shortest = flowModel.getShortestPaths();
  const taken = new Set<string>();
  // TestModel paths start with an `xstate.init` step; each step's `state` is the state after its event.
  shortest.forEach((path) => {
    path.steps.slice(1).forEach((step, i) => taken.add(stepKey(serializeState(path.steps[i]!.state), step.event)));
  });

  const out = new Map<string, TEdge[]>();
  for (const edge of edges.values()) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  /** Breadth-first from `from` to the nearest state with an edge not taken yet; the route there. */
  const routeToUntaken = (from: string): TEdge[] | null => {
    const seen = new Map<string, TEdge[]>([[from, []]]);
    const queue = [from];
    while (queue.length) {
      const here = queue.shift()!;
      const path = seen.get(here)!;
      const untaken = (out.get(here) ?? []).find((e) => !taken.has(stepKey(e.from, e.event)));
      if (untaken) return [...path, untaken];
      for (const e of out.get(here) ?? []) {
        if (!seen.has(e.to)) {
          seen.set(e.to, [...path, e]);
          queue.push(e.to);
        }
      }
    }
    return null;
  };

  const walks: TFlowEvent[][] = [];
  for (;;) {
    const walk: TFlowEvent[] = [];
    let here = initial;
    for (;;) {
      const next = routeToUntaken(here);
      if (!next || (walk.length > 0 && walk.length + next.length > maxSteps)) break;
      for (const e of next) {
        taken.add(stepKey(e.from, e.event));
        walk.push(e.event);
        here = e.to;
      }
    }
    if (walk.length === 0) break;
    walks.push(walk);
  }

  const options = {
    input: { content, settledCheck },
    fromState: initialSnapshot(),
    events: candidateEvents,
    filterEvents: (snapshot: TFlowSnapshot, event: TFlowEvent) => isSampled(snapshot, event) && snapshot.can(event),
    serializeState: (snapshot: TFlowSnapshot) => serializeState(snapshot),
  };
  const walkPaths = walks.flatMap((events) => flowModel.getPathsFromEvents(events, options));
  return { paths: [...shortest, ...walkPaths], shortest: shortest.length, walks: walkPaths.length, states, edges };
}

/** A short, readable title for a path: its events in order, runs of "Unknown" answers folded. */
export function describePath(path: TFlowPath): string {
  const parts: string[] = [];
  let unknownRun: string[] = [];
  const flush = () => {
    if (unknownRun.length === 1) parts.push(`${unknownRun[0]}=unknown`);
    if (unknownRun.length > 1) parts.push(`${unknownRun[0]}…${unknownRun.at(-1)}=unknown`);
    unknownRun = [];
  };
  for (const { event } of path.steps.slice(1)) {
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
      case 'shortcuts.load':
        parts.push(event.type);
    }
  }
  flush();
  return parts.join(' → ');
}

