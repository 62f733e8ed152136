/**
 * The trace, written once for the answers themselves (never for a hypothetical answer): the gate,
 * red-flag and set-aside findings, the warnings, and every category's score with the answers for
 * and against it, each with its rule, its questions and its sources.
 */
import { conditionQuestions } from '../../content/conditions';
import type { TCategory, TEvidenceRule } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import type { Core } from './core';
import { effectsOf, type Tally } from './tally';
import type { TContribution, TFinding, TRankEntry, TWarning } from './types';

const answerText = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(', '));

/** One fired evidence rule and the points it counts for each category after patterns are applied. */
type Fired = { rule: TEvidenceRule; counted: Partial<Record<TCategory, { points: number; countedWith?: string }>> };

/** Each fired rule with the points it counts for each category, for the trace. */
function firedOf({ firing, best }: Pick<Tally, 'firing' | 'best'>): Fired[] {
  return firing.map((rule) => {
    const counted: Fired['counted'] = {};
    for (const [category, points, key] of effectsOf(rule)) {
      const winner = rule.pattern ? best.get(key) : undefined;
      counted[category] = !winner || winner.rule === rule.id ? { points } : { points: 0, countedWith: winner.rule };
    }
    return { rule, counted };
  });
}

/** The findings and warnings of the rules that fired, with the questions each reads. */
export function findingsOf(base: Pick<Core, 'mimicRules' | 'flagRules' | 'warningRules'>): { gate: TFinding[]; mimicsSetAside: TFinding[]; redFlags: TFinding[]; warnings: TWarning[] } {
  const gate: TFinding[] = [];
  const mimicsSetAside: TFinding[] = [];
  for (const { rule: r, setAside, withheld } of base.mimicRules) {
    const finding = { rule: r.id, raises: r.mimic, questions: conditionQuestions(r.when), why: r.why, nextStep: r.nextStep, sources: r.sources };
    if (!setAside) gate.push(finding);
    else if (withheld.length > 0 && r.reassuring) mimicsSetAside.push({ ...finding, nextStep: r.reassuring.nextStep, withheld });
    else mimicsSetAside.push({ ...finding, nextStep: r.caution?.nextStep ?? r.nextStep });
  }
  return {
    gate,
    mimicsSetAside,
    redFlags: base.flagRules.map((r) => ({ rule: r.id, raises: r.flag, questions: conditionQuestions(r.when), why: r.why, nextStep: r.nextStep, sources: r.sources })),
    warnings: base.warningRules.map((r) => ({ id: r.warning, rule: r.id, questions: conditionQuestions(r.when), why: r.why, reconcile: r.reconcile, sources: r.sources })),
  };
}

function contributions(fired: readonly Fired[], answers: TAnswers, category: TCategory): TContribution[] {
  const list: TContribution[] = [];
  for (const { rule, counted } of fired) {
    const share = counted[category];
    if (share === undefined) continue;
    const questions = conditionQuestions(rule.when);
    const question = questions[0] ?? '';
    // For a multi-select answer, the option this rule read; otherwise the answers themselves.
    const option = 'op' in rule.when && rule.when.op === 'includes' ? rule.when.value : undefined;
    const answer = option ?? questions.map((q) => answers[q]).filter((v) => v !== undefined).map(answerText).join('; ');
    list.push({
      rule: rule.id,
      question,
      questions,
      answer,
      points: share.points,
      ...(share.countedWith ? { countedWith: share.countedWith } : {}),
      // A rule that moves one category against and another for says why in one sentence; the
      // result model picks the sentence written for this category where content has one.
      why: rule.why,
      sources: rule.sources,
    });
  }
  return list;
}

/**
 * Every category with its score and the answers for and against it, best first; under a mimic the
 * result model shows none of it, but the trace keeps it.
 */
export function rankingOf(base: Pick<Core, 'ranked' | 'tally'>, answers: TAnswers): TRankEntry[] {
  const fired = firedOf(base.tally);
  return base.ranked.map(({ category, score }) => {
    const all = contributions(fired, answers, category);
    const sign = (c: TContribution) => Math.sign(fired.find((f) => f.rule.id === c.rule)?.rule.effects[category] ?? 0);
    return { category, score, for: all.filter((c) => sign(c) > 0), against: all.filter((c) => sign(c) < 0) };
  });
}
