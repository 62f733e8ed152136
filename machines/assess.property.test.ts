import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';

// Hundreds of runs per property: generous time on a loaded two-core machine.
vi.setConfig({ testTimeout: 120_000 });
import { CATEGORIES, content, type TQuestion, UNKNOWN } from '../content/index';
import { answersNeeded, holdsNeededAnswer } from '../content/conditions';
import { parseAnswerFile, type TAnswers } from './answers';
import { assess, verdictOf } from './assess';

const NUM_RUNS = 300;

// ── Arbitraries: answer files that are valid for the content ────────────────────────────────────

type TRaw = string | readonly string[];

/** absent is handled by the record; here: "unknown", or an option id, or for multi a valid list. */
function rawAnswer(q: TQuestion, only?: readonly string[]): fc.Arbitrary<TRaw> {
  const ids = q.options.map((o) => o.id).filter((id) => !only || only.includes(id));
  if (q.kind === 'single') return fc.constantFrom(UNKNOWN, ...ids);
  const alone = ids.filter((id) => q.exclusive.includes(id));
  const combinable = ids.filter((id) => !q.exclusive.includes(id));
  return fc.oneof(
    fc.constant<TRaw>([UNKNOWN]),
    ...alone.map((id) => fc.constant<TRaw>([id])),
    fc.shuffledSubarray(combinable, { minLength: 1 }),
  );
}

/** Raw answer files over every question; `only` narrows the options of some questions. */
function rawAnswers(only: Record<string, readonly string[]> = {}): fc.Arbitrary<Partial<Record<string, TRaw>>> {
  const model = Object.fromEntries(content.questions.map((q) => [q.id, rawAnswer(q, only[q.id])]));
  return fc.record(model, { requiredKeys: [], noNullPrototype: true });
}

/** Options that keep section G, B6 and E2 from ending at a mimic. */
const noMimic = {
  G1: ['positive_jerks', 'negative_lapses', 'both'],
  G2: ['no'],
  G3: ['absent'],
  B6: ['clusters_after_awakening', 'lying_relaxed_or_falling_asleep_with_insomnia', 'none'],
  E2: ['focal_cortical_spike_before_jerk', 'generalized_spike_wave_locked_to_jerks', 'no_eeg_correlate', 'not_done'],
};

/**
 * Uniformly random answers end at a mimic or a red flag most of the time. Half the runs are
 * steered towards myoclonus without red flags, so DBS routes and categories are reached too.
 */
const noRedFlag = {
  ...noMimic,
  C1: ['chronic_months_to_years'],
  C2: ['10_to_20', '21_to_50', 'over_50'],
  C3: ['static_or_very_slow', 'progressive', 'improving'],
  C4: ['dystonia_neck_or_writers_cramp', 'epileptic_seizures', 'cerebellar_ataxia', 'cognitive_decline', 'psychiatric_anxiety_ocd_alcohol_misuse', 'prior_facial_palsy_same_side', 'none'],
  C6: ['remote_hypoxia_now_awake', 'known_structural_lesion', 'none'],
};
const steered = rawAnswers(noRedFlag);

function parsed(raw: Partial<Record<string, TRaw>>): TAnswers {
  const result = parseAnswerFile({ answers: raw }, content);
  if (!result.ok) throw new Error(`a generated answer file was rejected: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.answers;
}

const answerSets = fc.oneof(rawAnswers(), steered).map(parsed);

/** Myoclonus without red flags and with a diagnosis that has a DBS route. */
const dbsRouteAnswers = rawAnswers({ ...noRedFlag, D1: ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME'] }).map(parsed);

/** Myoclonus with section C left free: red flags are frequent. */
const myoclonusAnswers = rawAnswers(noMimic).map(parsed);

/** A mimic found after section G (hypnic jerks in B6, a Bereitschaftspotential in E2), section C left free. */
const laterMimicAnswers = fc
  .oneof(
    rawAnswers({ ...noMimic, B6: ['only_single_jerks_when_falling_asleep_healthy_person'] }),
    rawAnswers({ ...noMimic, E0: ['yes'], E2: ['bereitschaftspotential_before_jerks'] }),
  )
  .map(parsed);

/** Any valid value of every question, to plant into a question that is not asked. */
const plantable = fc.record(Object.fromEntries(content.questions.map((q) => [q.id, rawAnswer(q)])), { noNullPrototype: true });

/**
 * The questions the question bank's branching disables for these answers, written out from the
 * contract rather than read from the content, so the property does not trust the code it tests.
 */
function disabledByContract(answers: TAnswers): string[] {
  const g1 = answers['G1'];
  const mimicInG =
    (typeof g1 === 'string' && ['sustained_twisting_postures_only', 'regular_oscillation_only', 'continuous_flowing_random'].includes(g1)) ||
    answers['G2'] === 'yes' ||
    answers['G3'] === 'present';
  if (mimicInG) return content.questions.map((q) => q.id).filter((id) => !['G1', 'G2', 'G3'].includes(id));
  const d1 = answers['D1'];
  return [
    ...(d1 === 'PME' ? [] : ['D1a']),
    ...(typeof d1 === 'string' && ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME'].includes(d1) ? [] : ['D2']),
    ...(answers['E0'] === 'yes' ? [] : ['E1', 'E2', 'E3', 'E4']),
    // C6a (this product's addition) asks where the known lesion is, so only with one.
    ...(Array.isArray(answers['C6']) && answers['C6'].includes('known_structural_lesion') ? [] : ['C6a']),
  ];
}

const ROUTE_TARGETS: Record<string, readonly string[]> = {
  myoclonus_dystonia_SGCE_confirmed: ['GPi'],
  myoclonus_dystonia_clinical: ['GPi'],
  PME: ['SNr', 'STN'],
};

const run = <T extends [unknown, ...unknown[]]>(property: fc.IPropertyWithHooks<T>) => fc.assert(property, { numRuns: NUM_RUNS });

// ── Properties ──────────────────────────────────────────────────────────────────────────────────

describe('for any valid set of answers', () => {
  test('every generated answer file is accepted and the assessment never throws', () => {
    run(fc.property(answerSets, (answers) => {
      expect(() => assess(answers, content)).not.toThrow();
    }));
  });

  test('the same answers always give the same assessment, also from a deep copy', () => {
    run(fc.property(answerSets, (answers) => {
      const once = assess(answers, content);
      expect([assess(answers, content), assess(structuredClone(answers), content)]).toEqual([once, once]);
    }));
  });

  test('DBS targets appear only for an established myoclonus-dystonia or PME, with myoclonus, no red flag, no conflict and D2 not "no"', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers), (answers) => {
      const a = assess(answers, content);
      const d1 = a.explanation.answers['D1'];
      const allowed =
        a.gate === 'myoclonus' && a.redFlags.length === 0 && a.warnings.length === 0 && a.explanation.answers['D2'] !== 'no' && typeof d1 === 'string' && d1 in ROUTE_TARGETS;
      expect(a.dbs.targets.length === 0 || allowed).toBe(true);
    }));
  });

  test('DBS targets are exactly those of the D1 diagnosis whenever nothing withholds them', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.gate === 'myoclonus' && a.redFlags.length === 0 && a.warnings.length === 0 && a.explanation.answers['D2'] !== 'no');
      const d1 = a.explanation.answers['D1'];
      expect(a.dbs.targets).toEqual(typeof d1 === 'string' ? (ROUTE_TARGETS[d1] ?? []) : []);
    }));
  });

  test('DBS targets are empty whenever D2 = no, a diagnosis conflicts with the findings, a red flag or a mimic stands', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers, laterMimicAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.explanation.answers['D2'] === 'no' || a.warnings.some((w) => w.id === 'diagnosis_conflicts_with_findings') || a.redFlags.length > 0 || a.gate === 'mimic');
      expect(a.dbs.targets).toEqual([]);
    }));
  });

  test('whenever DBS targets are shown, a note says surgery is not first-line', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers), (answers) => {
      const { dbs } = assess(answers, content);
      fc.pre(dbs.targets.length > 0);
      expect(dbs.notes.some((n) => n.kind === 'first-line' && /not a first-line/i.test(n.text))).toBe(true);
    }));
  });

  test('an answer planted in a question that is not asked never changes the assessment', () => {
    run(fc.property(answerSets, plantable, fc.nat(), (answers, values, pick) => {
      const disabled = disabledByContract(answers);
      fc.pre(disabled.length > 0);
      const target = disabled[pick % disabled.length] as string;
      const planted = parsed({ ...answers, [target]: values[target] ?? UNKNOWN });
      expect(assess(planted, content)).toEqual(assess(answers, content));
    }));
  });

  test('the verdict the settled proof asks for (gate, category, provisional category) is the assessment’s own', () => {
    fc.assert(
      fc.property(answerSets, (answers) => {
        const a = assess(answers, content);
        expect(verdictOf(answers, content)).toEqual({ gate: a.gate, category: a.category, provisionalCategory: a.explanation.provisionalCategory });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('answers that raise a red flag always include one the question page’s red-flag guard lists', () => {
    const guard = answersNeeded(content.redFlags.map((r) => r.when));
    expect(guard.always).toBe(false);
    fc.assert(
      fc.property(myoclonusAnswers, (answers) => {
        if (assess(answers, content).redFlags.length === 0) return;
        expect(holdsNeededAnswer(answers, guard)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('the ranking always lists all five categories once', () => {
    run(fc.property(answerSets, (answers) => {
      expect(assess(answers, content).ranking.map((r) => r.category).sort()).toEqual([...CATEGORIES].sort());
    }));
  });

  test('candidates are categories, and a determinate category is among its candidates', () => {
    run(fc.property(answerSets, (answers) => {
      const a = assess(answers, content);
      const determinate = a.category !== null && a.category !== 'indeterminate';
      expect({
        known: a.candidates.every((c) => (CATEGORIES as readonly string[]).includes(c)),
        unique: new Set(a.candidates).size === a.candidates.length,
        includesCategory: !determinate || a.candidates.includes(a.category as (typeof CATEGORIES)[number]),
      }).toEqual({ known: true, unique: true, includesCategory: true });
    }));
  });

  test('the category is null exactly when the gate is a mimic', () => {
    run(fc.property(answerSets, (answers) => {
      const a = assess(answers, content);
      expect(a.category === null).toBe(a.gate === 'mimic');
    }));
  });

  test('a red flag never leaves a determinate category', () => {
    run(fc.property(myoclonusAnswers, (answers) => {
      const a = assess(answers, content);
      fc.pre(a.redFlags.length > 0 && a.gate === 'myoclonus');
      expect(a.category).toBe('indeterminate');
    }));
  });

  test('every contribution in the ranking cites sources that exist', () => {
    const sourceIds = new Set(content.sources.map((s) => s.id));
    run(fc.property(answerSets, (answers) => {
      const cited = assess(answers, content).ranking.flatMap((r) => [...r.for, ...r.against]).flatMap((c) => c.sources);
      expect(cited.filter((id) => !sourceIds.has(id))).toEqual([]);
    }));
  });

  test('with any red-flag answer among the questions asked, red flags are reported, whatever else is answered (a mimic included)', () => {
    run(fc.property(fc.oneof(answerSets, myoclonusAnswers, laterMimicAnswers), (answers) => {
      const asked = Object.fromEntries(Object.entries(answers).filter(([id]) => !disabledByContract(answers).includes(id)));
      fc.pre(raisesRedFlagByContract(asked));
      expect(assess(answers, content).redFlags.length).toBeGreaterThan(0);
    }));
  });

  test('while a red flag stands, nothing missing is proposed for the sake of a mimic, and no mimic reassures', () => {
    run(fc.property(fc.oneof(myoclonusAnswers, laterMimicAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.redFlags.length > 0);
      expect({
        mimicQuestions: a.missing.filter((m) => m.couldLeadTo.some((o) => o.startsWith('mimic:'))).map((m) => m.question),
        reassuring: a.explanation.gate.filter((f) => /reassur/i.test(f.nextStep ?? '')).map((f) => f.rule),
      }).toEqual({ mimicQuestions: [], reassuring: [] });
    }));
  });
});

describe('"what would change this"', () => {
  /**
   * Checked against a whole assessment of each hypothetical answer: `missing` works its outcomes out
   * by re-evaluating only the rules that name the changed question, and must agree with it.
   */
  test('lists every open question one of whose answers would raise a new red flag or decide another category', () => {
    run(fc.property(fc.oneof(answerSets, myoclonusAnswers), (answers) => {
      const base = assess(answers, content);
      const listed = new Map(base.missing.map((m) => [m.question, m.couldLeadTo]));
      // From the answers that count: set-aside answers are not what an open question would change.
      const counted = base.explanation.answers;
      const unlisted: string[] = [];
      for (const q of content.questions) {
        if (!base.explanation.enabledQuestions.includes(q.id) || counted[q.id] !== undefined) continue;
        for (const option of q.options) {
          if (q.notAssessed.includes(option.id)) continue;
          const next = assess({ ...counted, [q.id]: q.kind === 'multi' ? [option.id] : option.id }, content);
          const expected = next.redFlags.filter((f) => !base.redFlags.includes(f)).map((f) => `red-flag:${f}`);
          const calm = base.gate === 'myoclonus' && next.gate === 'myoclonus' && base.redFlags.length === 0 && next.redFlags.length === 0;
          if (calm && next.category !== base.category && next.category !== 'indeterminate') expected.push(next.category!);
          for (const outcome of expected) if (!listed.get(q.id)?.includes(outcome)) unlisted.push(`${q.id}=${option.id} → ${outcome}`);
        }
      }
      expect(unlisted).toEqual([]);
    }));
  });
});

/**
 * The red-flag answers of question bank 1.1 and brief §1(d).2, written out here rather than read
 * from the content (spinal cord signs are left out: a known cord lesion explains them).
 */
function raisesRedFlagByContract(answers: TAnswers): boolean {
  const has = (id: string, option: string) => {
    const v = answers[id];
    return v === option || (Array.isArray(v) && v.includes(option));
  };
  return (
    has('C1', 'acute_hours_to_days') || has('C1', 'subacute_weeks') || has('C3', 'rapidly_progressive_weeks_to_months') ||
    ['new_or_changed_drug', 'current_drug_known_to_cause_myoclonus', 'metabolic_derangement', 'recent_hypoxia_still_comatose_or_within_days', 'infection_or_autoimmune_or_paraneoplastic'].some((o) => has('C6', o)) ||
    ['rapidly_progressive_dementia', 'new_focal_cortical_signs', 'reduced_consciousness'].some((o) => has('C4', o)) ||
    (has('C2', 'under_10') && (has('C4', 'developmental_regression_or_vision_loss') || has('C4', 'cognitive_decline')))
  );
}

// ── Neurophysiology outranks bedside sums (brief §0.2 rule 2) ────────────────────────────────────

/** One definitive finding per row, with the category the brief gives it; the other studies not done. */
const DEFINITIVE = [
  { finding: { E2: 'focal_cortical_spike_before_jerk', E3: 'not_done', E4: 'not_done' }, category: 'cortical' },
  { finding: { E2: 'not_done', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done' }, category: 'cortical' },
  { finding: { E2: 'generalized_spike_wave_locked_to_jerks', E3: 'not_done', E4: 'not_done' }, category: 'cortical-subcortical' },
] as const;

const BEDSIDE = content.questions.filter((q) => q.section === 'A' || q.section === 'B');

/** The lead: the category, else the provisional one under a red flag, else the first candidate. */
const leadOf = (answers: TAnswers) => {
  const a = assess(answers, content);
  return a.category !== 'indeterminate' ? a.category : (a.explanation.provisionalCategory ?? a.candidates[0]);
};

describe('a definitive neurophysiology finding', () => {
  test.for(DEFINITIVE.map((d) => [d.category, Object.values(d.finding).find((v) => v !== 'not_done'), d] as const))(
    'leads to %s (%s) whatever single bedside answer is added',
    ([, , d]) => {
      run(fc.property(rawAnswers({ ...noMimic, E1: ['not_done'] }), fc.constantFrom(...BEDSIDE), fc.nat(), (raw, q, pick) => {
        const base = parsed({ ...raw, E0: 'yes', ...d.finding });
        const option = q.options.filter((o) => !(noMimic as Record<string, readonly string[]>)[q.id] || (noMimic as Record<string, readonly string[]>)[q.id]?.includes(o.id))[pick % q.options.length];
        fc.pre(option !== undefined);
        const added = parsed({ ...raw, E0: 'yes', ...d.finding, [q.id]: q.kind === 'multi' ? [option.id] : option.id });
        expect([leadOf(base), leadOf(added)]).toEqual([d.category, d.category]);
      }));
    },
  );
});
