/**
 * What the assessment works out once per content bundle (the questions by id, the conditions the
 * core reads and the questions each names, the branching questions) and once per condition (the
 * questions it names). Cached in weak maps: pure, and nothing here is handed out to be changed.
 */
import { conditionQuestions, conditionsQuestions, rulesOf } from '../../content/conditions';
import { RULE_KINDS } from '../../content/ids';
import type { TCondition, TContent, TQuestion } from '../../content/schema';

/** Precomputed once per content bundle. */
type Index = {
  questionsById: Map<string, TQuestion>;
  /** Questions some section's or question's condition names: their answers can change what is asked. */
  branching: Set<string>;
  /** For each question, the rule conditions (evidence, red flags, mimics, cautions, warnings, doors) naming it. */
  conditionsNaming: Map<string, Set<TCondition>>;
  /** Every condition the core reads: each is evaluated for the answers, so a hypothetical answer knows how it stood. */
  conditions: TCondition[];
  /** The reassurance door's conditions: read only while a reassuring mimic's own condition holds. */
  doorConditions: Set<TCondition>;
  /** The conditions of the reassuring mimics (hypnic jerks). */
  reassuringWhen: TCondition[];
  /** Questions some red-flag rule names. */
  flagQuestions: Set<string>;
};

/**
 * The kinds of rule the core reads. `askFirst` only orders what is missing (missing.ts reads it
 * there): the core's result never depends on it.
 */
const coreKinds = RULE_KINDS.filter((kind) => kind !== 'askFirst');

const indexCache = new WeakMap<TContent, Index>();
export function indexOf(content: TContent): Index {
  let index = indexCache.get(content);
  if (!index) {
    index = {
      questionsById: new Map(content.questions.map((q) => [q.id, q])),
      branching: new Set(
        conditionsQuestions([...content.sections, ...content.questions].flatMap((x) => (x.enableWhen ? [x.enableWhen] : []))),
      ),
      conditionsNaming: new Map(),
      conditions: [],
      doorConditions: new Set(),
      reassuringWhen: content.mimics.filter((r) => r.reassuring).map((r) => r.when),
      flagQuestions: new Set(conditionsQuestions(content.redFlags.map((r) => r.when))),
    };
    const rules = rulesOf(content, coreKinds).map((r) => r.when);
    const doorConditions = content.doors.reassurance.flatMap((p) => [...(p.when ? [p.when] : []), ...(p.instead ?? []).map((x) => x.when)]);
    index.doorConditions = new Set(doorConditions);
    index.conditions = [...new Set([...rules, ...content.mimics.flatMap((r) => (r.caution ? [r.caution.when] : [])), ...doorConditions])];
    for (const when of index.conditions) {
      for (const id of conditionQuestions(when)) {
        const naming = index.conditionsNaming.get(id) ?? new Set<TCondition>();
        naming.add(when);
        index.conditionsNaming.set(id, naming);
      }
    }
    indexCache.set(content, index);
  }
  return index;
}

/** The questions a rule's condition names, worked out once per condition (read-only: never handed out). */
const namedQuestions = new WeakMap<TCondition, readonly string[]>();
export function questionsOf(condition: TCondition): readonly string[] {
  let ids = namedQuestions.get(condition);
  if (!ids) {
    ids = conditionQuestions(condition);
    namedQuestions.set(condition, ids);
  }
  return ids;
}
