/**
 * The content bundle: parsed and cross-checked once at load. A broken bundle throws here, at build
 * and test time, never in front of a clinician.
 */
import * as z from 'zod';
import { conditionQuestions, rulesOf } from './conditions';
import { CONTENT_VERSION, contentData } from './data';
import { RULE_KINDS, type TCondition, type TContent, type TRule, UNKNOWN, ZContent } from './schema';

export * from './schema';
export { CONTENT_VERSION, conditionQuestions };

/** The bundle as written, before validation (tests break copies of it on purpose). */
export const contentInput: TContent = contentData;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
}

/** The whole bundle, with every cross-reference checked rather than trusted. */
export const ZContentBundle = ZContent.superRefine((c, ctx) => {
  const issue = (message: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message, path });

  const sectionIds = c.sections.map((s) => s.id);
  const questionsById = new Map(c.questions.map((q) => [q.id, q]));
  const sourceIds = new Set(c.sources.map((s) => s.id));
  const order = new Map(c.questions.map((q, i) => [q.id, i]));

  for (const dup of duplicates(sectionIds)) issue(`duplicate section id "${dup}"`, ['sections']);
  for (const dup of duplicates(c.questions.map((q) => q.id))) issue(`duplicate question id "${dup}"`, ['questions']);
  for (const dup of duplicates(c.sources.map((s) => s.id))) issue(`duplicate source id "${dup}"`, ['sources']);
  const ruleIds = [...rulesOf(c).map((r) => r.id), ...c.dbs.flatMap((r) => r.notes.map((n) => n.id))];
  for (const dup of duplicates(ruleIds)) issue(`duplicate rule id "${dup}"`, ['evidence']);

  // Questions come section by section, in the sections' order.
  let lastSection = -1;
  c.questions.forEach((q, i) => {
    const s = sectionIds.indexOf(q.section);
    if (s < 0) issue(`question ${q.id} names unknown section "${q.section}"`, ['questions', i, 'section']);
    else if (s < lastSection) issue(`question ${q.id} is out of section order`, ['questions', i, 'section']);
    lastSection = Math.max(lastSection, s);
    const optionIds = q.options.map((o) => o.id);
    for (const dup of duplicates(optionIds)) issue(`question ${q.id} repeats option "${dup}"`, ['questions', i, 'options']);
    if (optionIds.includes(UNKNOWN)) issue(`question ${q.id} may not define the reserved option "${UNKNOWN}"`, ['questions', i, 'options']);
    const extra = [...q.notAssessed, ...(q.kind === 'multi' ? q.exclusive : [])];
    for (const id of extra) {
      if (!optionIds.includes(id)) issue(`question ${q.id} names unknown option "${id}"`, ['questions', i]);
    }
  });

  /** A condition may only name known questions and their options, with an operator that fits. */
  const checkCondition = (cond: TCondition, path: (string | number)[], before?: number) => {
    if ('all' in cond) return cond.all.forEach((x, k) => checkCondition(x, [...path, 'all', k], before));
    if ('any' in cond) return cond.any.forEach((x, k) => checkCondition(x, [...path, 'any', k], before));
    if ('not' in cond) return checkCondition(cond.not, [...path, 'not'], before);
    const q = questionsById.get(cond.question);
    if (!q) return issue(`condition names unknown question "${cond.question}"`, path);
    if (before !== undefined && (order.get(q.id) ?? Infinity) >= before)
      issue(`branching may only depend on earlier questions, not ${q.id}`, path);
    const multiOp = cond.op === 'includes' || cond.op === 'includesAny';
    if (multiOp !== (q.kind === 'multi'))
      issue(`operator "${cond.op}" does not fit ${q.kind}-select question ${q.id}`, path);
    const values = typeof cond.value === 'string' ? [cond.value] : cond.value;
    for (const v of values) {
      if (!q.options.some((o) => o.id === v)) issue(`condition names unknown option "${v}" of ${q.id}`, path);
    }
  };
  const checkSources = (ids: readonly string[], path: (string | number)[]) => {
    for (const id of ids) if (!sourceIds.has(id)) issue(`unknown source id "${id}"`, path);
  };

  c.sections.forEach((s, i) => {
    if (!s.enableWhen) return;
    const first = c.questions.findIndex((q) => q.section === s.id);
    checkCondition(s.enableWhen, ['sections', i, 'enableWhen'], first < 0 ? undefined : first);
  });
  c.questions.forEach((q, i) => {
    if (q.enableWhen) checkCondition(q.enableWhen, ['questions', i, 'enableWhen'], i);
  });
  for (const kind of RULE_KINDS) {
    c[kind].forEach((r: TRule, i: number) => {
      checkCondition(r.when, [kind, i, 'when']);
      checkSources(r.sources, [kind, i, 'sources']);
    });
  }
  c.mimics.forEach((r, i) => {
    if (r.caution) checkCondition(r.caution.when, ['mimics', i, 'caution', 'when']);
  });
  // Doors fail closed: a precondition's condition may not use `not`, which an unknown answer would
  // satisfy (question bank 1.2: an unknown never opens a door a known answer would close).
  const usesNot = (cond: TCondition): boolean =>
    'not' in cond || ('all' in cond && cond.all.some(usesNot)) || ('any' in cond && cond.any.some(usesNot));
  for (const [door, preconditions] of Object.entries(c.doors)) {
    preconditions.forEach((p: TContent['doors']['dbs'][number] | TContent['doors']['reassurance'][number] | TContent['doors']['summary'][number], i: number) => {
      if (p.when) {
        checkCondition(p.when, ['doors', door, i, 'when']);
        if (usesNot(p.when)) issue(`door ${door}: precondition "${p.id}" uses "not", which an unknown answer satisfies`, ['doors', door, i, 'when']);
      }
      if (!p.when && !p.check) issue(`door ${door}: precondition "${p.id}" has neither a condition nor a check`, ['doors', door, i]);
      p.instead?.forEach((x, k) => checkCondition(x.when, ['doors', door, i, 'instead', k, 'when']));
    });
  }
  c.askFirst.forEach((r, i) => {
    if (!questionsById.has(r.question)) issue(`askFirst names unknown question "${r.question}"`, ['askFirst', i, 'question']);
  });
  if (!sectionIds.includes(c.roles.neurophysiologySection))
    issue(`roles names unknown section "${c.roles.neurophysiologySection}"`, ['roles', 'neurophysiologySection']);
  const refractory = questionsById.get(c.roles.refractoryQuestion);
  if (!refractory || !['yes', 'no'].every((o) => refractory.options.some((x) => x.id === o)))
    issue(`roles.refractoryQuestion "${c.roles.refractoryQuestion}" must be a question with options yes and no`, ['roles', 'refractoryQuestion']);
  // The seed article is cited in the DBS discussion only where it is corrected (question bank 1.2).
  const laySources = new Set(c.sources.filter((s) => s.lay).map((s) => s.id));
  c.dbs.forEach((route, i) => {
    checkCondition(route.when, ['dbs', i, 'when']);
    checkSources(route.sources, ['dbs', i, 'sources']);
    for (const id of route.sources.filter((s) => laySources.has(s)))
      issue(`DBS route ${route.diagnosis} cites the consumer article "${id}" outside a correction`, ['dbs', i, 'sources']);
    for (const t of route.targets) if (!route.targetEvidence[t]) issue(`DBS route ${route.diagnosis}: target ${t} has no level of evidence`, ['dbs', i, 'targetEvidence']);
    for (const t of Object.keys(route.targetEvidence))
      if (!route.targets.includes(t as (typeof route.targets)[number])) issue(`DBS route ${route.diagnosis}: evidence for ${t}, which it does not list`, ['dbs', i, 'targetEvidence']);
    route.notes.forEach((n, k) => {
      if (n.when) checkCondition(n.when, ['dbs', i, 'notes', k, 'when']);
      checkSources(n.sources, ['dbs', i, 'notes', k, 'sources']);
      if (n.kind !== 'source-correction' && n.sources.some((s) => laySources.has(s)))
        issue(`DBS note ${n.id} cites the consumer article outside a correction`, ['dbs', i, 'notes', k, 'sources']);
    });
  });
  // A pattern counts once per category: it must group at least two rules, or it is a typo.
  const patterns = c.evidence.map((r) => r.pattern).filter((p): p is string => p !== undefined);
  for (const p of new Set(patterns)) {
    if (patterns.filter((x) => x === p).length < 2) issue(`pattern "${p}" groups only one rule`, ['evidence']);
  }
});

/** Parse a bundle; throws a readable error naming every broken reference. */
export function parseContent(input: unknown): TContent {
  const result = ZContentBundle.safeParse(input);
  if (!result.success) throw new Error(`Invalid content bundle:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The validated bundle. Browser code imports `contentData` from './data' directly, to leave zod
 * out of its first load; a test proves that parsing it changes nothing, so both are the same data.
 */
export const content: TContent = parseContent(contentData);
