/**
 * The evidence, summed: which evidence rules fire, what they add up to per category (a pattern
 * counting once), what the neurophysiology entered decides, and the categories ranked. The one
 * place that says "definitive neurophysiology decides": the assessment's core and the settled proof
 * both ask `neurophysiologyOf`.
 */
import { CATEGORIES } from '../../content/ids';
import type { TCategory, TCondition, TContent, TEvidenceRule } from '../../content/schema';
import { indexOf, questionsOf } from './rule-index';

export type Scores = Record<TCategory, number>;

const zeroScores = (): Scores => ({
  cortical: 0,
  'cortical-subcortical': 0,
  'subcortical-nonsegmental': 0,
  segmental: 0,
  peripheral: 0,
});

/** A rule's effects as entries, each with its pattern-and-category key, worked out once per rule. */
type TEffect = readonly [category: TCategory, points: number, key: string];
const effectEntries = new WeakMap<TEvidenceRule, readonly TEffect[]>();
export function effectsOf(rule: TEvidenceRule): readonly TEffect[] {
  let entries = effectEntries.get(rule);
  if (!entries) {
    entries = (Object.entries(rule.effects) as [TCategory, number][]).map(([category, points]) => [category, points, `${rule.pattern ?? ''}|${category}`] as const);
    effectEntries.set(rule, entries);
  }
  return entries;
}

/** The evidence that fired and what it adds up to. */
export type Tally = {
  scores: Scores;
  firing: TEvidenceRule[];
  /** For each pattern and category, the rule whose points count. */
  best: Map<string, { rule: string; points: number }>;
  discriminating: number;
  neurophysiology: boolean;
};

/**
 * Sum the evidence. Rules of one pattern count once per category: the largest contribution (the
 * first in content order on a tie) counts, the others are kept in the trace with 0 points.
 */
export function tallyOf(content: TContent, holds: (when: TCondition) => boolean): Tally {
  const { questionsById } = indexOf(content);
  const firing = content.evidence.filter((r) => holds(r.when));
  const best = new Map<string, { rule: string; points: number }>(); // key: pattern + category
  for (const rule of firing) {
    if (!rule.pattern) continue;
    for (const [, points, key] of effectsOf(rule)) {
      const current = best.get(key);
      if (!current || Math.abs(points) > Math.abs(current.points)) best.set(key, { rule: rule.id, points });
    }
  }
  const scores = zeroScores();
  const discriminatingQuestions = new Set<string>();
  let neurophysiology = false;
  for (const rule of firing) {
    for (const [category, points, key] of effectsOf(rule)) {
      const winner = rule.pattern ? best.get(key) : undefined;
      if (!winner || winner.rule === rule.id) scores[category] += points;
    }
    for (const q of questionsOf(rule.when)) {
      discriminatingQuestions.add(q);
      if (questionsById.get(q)?.section === content.roles.neurophysiologySection) neurophysiology = true;
    }
  }
  return { scores, firing, best, discriminating: discriminatingQuestions.size, neurophysiology };
}

export type Ranked = [{ category: TCategory; score: number }, { category: TCategory; score: number }, ...{ category: TCategory; score: number }[]];

/**
 * Categories best first: the category definitive neurophysiology decided (if any), then by score;
 * ties keep the fixed order of CATEGORIES, so the result is stable.
 */
export function rank(scores: Scores, decided: TCategory | null): Ranked {
  const ranked = CATEGORIES.map((category) => ({ category, score: scores[category] })).sort(
    (a, b) => Number(b.category === decided) - Number(a.category === decided) || b.score - a.score,
  );
  return ranked as Ranked;
}

/** What the neurophysiological findings entered say about the category. */
export type TNeurophysiology = {
  /** The categories a definitive finding supports. */
  definitive: Set<TCategory>;
  /** For each finding with a signature, the categories it is compatible with. */
  signatures: TCategory[][];
  /** The categories every finding is compatible with (brief §1(a).7); null when none was entered. */
  shared: TCategory[] | null;
  /** The category definitive neurophysiology decides, whatever the bedside sum; else null. */
  decided: TCategory | null;
};

/**
 * Brief §0.2 rule 2: one category's definitive neurophysiology decides the lead, whatever the
 * bedside sum, when the other findings are compatible with it. `fired`: the evidence rules that
 * hold (the settled proof passes those that hold whatever the open questions are answered).
 */
export function neurophysiologyOf(fired: readonly TEvidenceRule[]): TNeurophysiology {
  const definitive = new Set(
    fired.filter((r) => r.definitive).flatMap((r) => effectsOf(r).filter(([, p]) => p > 0).map(([c]) => c)),
  );
  const signatures = fired.map((r) => r.signature).filter((x): x is TCategory[] => x !== undefined);
  const shared = signatures.length === 0 ? null : CATEGORIES.filter((c) => signatures.every((sig) => sig.includes(c)));
  const decided = definitive.size === 1 && shared !== null && shared.length > 0 ? ([...definitive][0] ?? null) : null;
  return { definitive, signatures, shared, decided };
}
