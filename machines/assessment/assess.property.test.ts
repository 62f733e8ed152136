import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';

// Hundreds of runs per property: generous time on a loaded two-core machine.
vi.setConfig({ testTimeout: 120_000 });
import { CATEGORIES, content, type TQuestion, UNKNOWN } from '../../content/index';
import { loadVignette } from '../../tests/support/vignettes';
import { answersNeeded, holdsNeededAnswer } from '../../content/conditions';
import { settleAnswers, type TAnswers } from '../answers/answers';
import { parseAnswerFile } from '../answers/parse';
import { assess, redFlagsOf, verdictOf } from './assess';
import { canGoToSummary } from './settled';

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

/**
 * Answers near an open door: a complete case whose door opens (a vignette), with up to three answers
 * changed to any value, "Unknown" included. Near misses on both sides of every precondition.
 */
function near(ids: readonly string[], only: Record<string, readonly string[]> = {}): fc.Arbitrary<TAnswers> {
  const bases = ids.map((id) => parsed(loadVignette(id).answers));
  const change = fc.constantFrom(...content.questions).chain((q) => rawAnswer(q, only[q.id]).map((value) => [q.id, value] as const));
  return fc.tuple(fc.constantFrom(...bases), fc.array(change, { maxLength: 3 })).map(([base, changes]) => parsed({ ...base, ...Object.fromEntries(changes) }));
}
/** Near refractory myoclonus-dystonia (V08, V10) and PME (V01): the DBS door open or just shut. */
const openDbsAnswers = near(['V08', 'V10', 'V01']);
/** Near a healthy adult with hypnic jerks (P29): the reassurance door open or just shut. */
const openReassuranceAnswers = near(['P29']);

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
  // 1.2: a gate mimic closes A, B and D, never C; E stays open after a tremor answer (unless a tic
  // or functional answer closes it too).
  const eClosed = (typeof g1 === 'string' && ['sustained_twisting_postures_only', 'continuous_flowing_random'].includes(g1)) || answers['G2'] === 'yes' || answers['G3'] === 'present';
  const closed = mimicInG ? content.questions.filter((q) => ['A', 'B', 'D'].includes(q.section) || (q.section === 'E' && eClosed)).map((q) => q.id) : [];
  const d1 = mimicInG ? undefined : answers['D1'];
  return [
    ...closed,
    ...(d1 === 'PME' ? [] : ['D1a']),
    ...(typeof d1 === 'string' && ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME'].includes(d1) ? [] : ['D2']),
    ...(answers['E0'] === 'yes' ? [] : ['E1', 'E2', 'E3', 'E4']),
    ...(answers['C1'] === 'acute_hours_to_days' || answers['C1'] === 'subacute_weeks' ? [] : ['C1a']),
    // C6a (this product's addition in 1.1.1, contract from 1.2) asks where the known lesion is.
    ...(Array.isArray(answers['C6']) && answers['C6'].includes('known_structural_lesion') ? [] : ['C6a']),
  ].filter((id, i, all) => all.indexOf(id) === i);
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

  test('whenever DBS targets are listed, they are exactly those of the established diagnosis (D1), never of the category', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers, openDbsAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.dbs.targets.length > 0);
      const d1 = a.explanation.answers['D1'];
      expect(a.dbs.targets).toEqual(typeof d1 === 'string' ? (ROUTE_TARGETS[d1] ?? []) : []);
    }));
  });

  test('DBS targets are empty whenever D2 is not "yes", a diagnosis conflicts with the findings, a red flag or a mimic stands', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers, laterMimicAnswers, openDbsAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.explanation.answers['D2'] !== 'yes' || a.warnings.some((w) => w.id === 'diagnosis_conflicts_with_findings') || a.redFlags.length > 0 || a.gate === 'mimic');
      expect(a.dbs.targets).toEqual([]);
    }));
  });

  test('whenever DBS targets are shown, a note says surgery is not first-line', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers, openDbsAnswers), (answers) => {
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

  test('no answer that raises a red flag is ever set aside: the red flags of every answer given are the red flags assessed', () => {
    run(fc.property(fc.oneof(answerSets, myoclonusAnswers, laterMimicAnswers), plantable, (answers, extra) => {
      // Every answer of a session, some of them set aside by the branching.
      const { answers: counted } = settleAnswers({ ...extra, ...answers }, content);
      expect(redFlagsOf(counted, content).sort()).toEqual(redFlagsOf({ ...extra, ...answers }, content).sort());
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
 * The red-flag answers of question bank 1.2 and brief §1(d).2, written out here rather than read
 * from the content.
 */
function raisesRedFlagByContract(answers: TAnswers): boolean {
  const has = (id: string, option: string) => {
    const v = answers[id];
    return v === option || (Array.isArray(v) && v.includes(option));
  };
  // 1.2: an abrupt onset over a year ago with a static or improving course is no new presentation.
  const longAgoAndSettled = has('C1a', 'over_a_year_ago') && (has('C3', 'static_or_very_slow') || has('C3', 'improving'));
  return (
    ((has('C1', 'acute_hours_to_days') || has('C1', 'subacute_weeks')) && !longAgoAndSettled) || has('C3', 'rapidly_progressive_weeks_to_months') ||
    ['new_or_changed_drug', 'current_drug_known_to_cause_myoclonus', 'metabolic_derangement', 'recent_hypoxia_still_comatose_or_within_days', 'recent_hypoxia_awake_within_days', 'infection_or_autoimmune_or_paraneoplastic', 'fever_or_acute_systemic_illness'].some((o) => has('C6', o)) ||
    ['rapidly_progressive_dementia', 'new_focal_cortical_signs', 'reduced_consciousness', 'opsoclonus'].some((o) => has('C4', o)) ||
    (has('C4', 'spinal_cord_signs') && !(has('C6', 'known_structural_lesion') && has('C6a', 'spinal_cord'))) ||
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

// ── Fail closed (question bank 1.2): doors open only on affirmatively answered preconditions ───────

/** The contract's preconditions of the DBS targets, written out here from question bank 1.2. */
function dbsPreconditionsByContract(a: ReturnType<typeof assess>): string[] {
  const x = a.explanation.answers;
  const has = (id: string, option: string) => x[id] === option || (Array.isArray(x[id]) && (x[id] as readonly string[]).includes(option));
  const answered = (id: string) => x[id] !== undefined;
  const unmet: string[] = [];
  if (!['positive_jerks', 'negative_lapses', 'both'].includes(String(x['G1'])) || x['G2'] !== 'no' || x['G3'] !== 'absent') unmet.push('gate');
  if (a.gate !== 'myoclonus') unmet.push('mimic');
  if (!['C1', 'C3', 'C4', 'C6'].every(answered)) unmet.push('safety screen');
  if (a.redFlags.length > 0) unmet.push('red flags');
  if (!(typeof x['D1'] === 'string' && x['D1'] in ROUTE_TARGETS)) unmet.push('diagnosis');
  if (a.warnings.some((w) => w.id === 'diagnosis_conflicts_with_findings')) unmet.push('conflict');
  if (x['D2'] !== 'yes') unmet.push('refractory');
  if (has('D1a', 'NCL') || has('D1a', 'Lafora')) unmet.push('NCL or Lafora');
  return unmet;
}

/** Reassurance's preconditions: positive jerks and every pathological finding recorded as absent. */
function reassuranceUnmetByContract(a: ReturnType<typeof assess>): string[] {
  const x = a.explanation.answers;
  const only = (id: string, option: string) => x[id] === option || (Array.isArray(x[id]) && x[id].length === 1 && x[id][0] === option);
  const unmet: string[] = [];
  if (x['G1'] !== 'positive_jerks' || x['G2'] !== 'no' || x['G3'] !== 'absent') unmet.push('gate');
  if (x['C1'] === undefined || !['static_or_very_slow', 'improving'].includes(String(x['C3'])) || !only('C4', 'none') || !only('C6', 'none')) unmet.push('safety screen');
  if (a.redFlags.length > 0) unmet.push('red flags');
  if (x['B1'] !== 'no' || x['B2'] !== 'no' || !only('B3', 'none') || x['B5'] !== 'no') unmet.push('jerks awake, stimulus-sensitive or in sleep');
  if (!['generalized_bilateral_synchronous', 'generalized_asynchronous'].includes(String(x['A1']))) unmet.push('focal or multifocal');
  if (x['D1'] !== 'none') unmet.push('diagnosis');
  const benignNeuro =
    x['E0'] === 'no' ||
    (x['E0'] === 'yes' && ['50_to_100ms', 'over_100ms', 'not_done'].includes(String(x['E1'])) && ['no_eeg_correlate', 'not_done'].includes(String(x['E2'])) && ['normal', 'not_done'].includes(String(x['E3'])) && x['E4'] === 'not_done');
  if (!benignNeuro) unmet.push('neurophysiology');
  return unmet;
}

const dbsOpen = (answers: TAnswers) => assess(answers, content).dbs.targets.length > 0;
const reassured = (answers: TAnswers) => assess(answers, content).mimic === 'physiological';

/** Each known answer a question can take (for a checkbox question: each option alone). */
const knownValuesOf = (q: TQuestion): TRaw[] => q.options.map((o) => (q.kind === 'multi' ? [o.id] : o.id));

/**
 * (c) An unknown never opens a door that a known answer would close: for answers with the door
 * open while `q` is unknown, every known answer to `q` keeps it open.
 */
function unknownNeverOpens(door: (answers: TAnswers) => boolean, answers: TAnswers, q: TQuestion): string[] {
  const withoutQ = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== q.id));
  if (!door(withoutQ)) return [];
  return knownValuesOf(q)
    .filter((value) => !door(parsed({ ...withoutQ, [q.id]: value })))
    .map((value) => `${q.id} unknown opens the door; ${q.id} = ${String(value)} shuts it`);
}

describe('fail closed: a door opens only when each precondition is affirmatively answered', () => {
  test('the generators reach open doors (the properties below are not vacuous)', () => {
    const samples = fc.sample(openDbsAnswers, { numRuns: 200, seed: 7 });
    const hypnic = fc.sample(openReassuranceAnswers, { numRuns: 200, seed: 7 });
    expect({ dbs: samples.some(dbsOpen), reassurance: hypnic.some(reassured) }).toEqual({ dbs: true, reassurance: true });
  });

  test('(a) whenever DBS targets are listed, every precondition of contract 1.2 holds affirmatively', () => {
    run(fc.property(fc.oneof(answerSets, dbsRouteAnswers, openDbsAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.dbs.targets.length > 0);
      expect(dbsPreconditionsByContract(a)).toEqual([]);
    }));
  });

  test('(b) whenever reassurance (physiological jerks) is given, every pathological finding is affirmatively absent', () => {
    run(fc.property(fc.oneof(answerSets, laterMimicAnswers, openReassuranceAnswers), (answers) => {
      const a = assess(answers, content);
      fc.pre(a.mimic === 'physiological');
      expect(reassuranceUnmetByContract(a)).toEqual([]);
    }));
  });

  test('(c) unknown never opens the DBS door: setting any question to unknown keeps it shut whenever a known answer shuts it', () => {
    run(fc.property(openDbsAnswers, fc.constantFrom(...content.questions), (answers, q) => {
      expect(unknownNeverOpens(dbsOpen, answers, q)).toEqual([]);
    }));
  });

  test('(c) unknown never opens reassurance', () => {
    run(fc.property(openReassuranceAnswers, fc.constantFrom(...content.questions), (answers, q) => {
      expect(unknownNeverOpens(reassured, answers, q)).toEqual([]);
    }));
  });

  test('(c) "Go to the summary" is never offered while a gate or safety-screen question is left unknown', () => {
    const screened = content.questions.filter((q) => ['G1', 'G2', 'G3', 'C1', 'C3', 'C4', 'C6'].includes(q.id));
    run(fc.property(fc.oneof(openDbsAnswers, openReassuranceAnswers, answerSets), fc.constantFrom(...screened), (answers, q) => {
      // The machine's form: the clinician chose "Unknown / not assessed".
      expect(canGoToSummary({ ...answers, [q.id]: UNKNOWN }, content)).toBe(false);
    }));
  });

  test('(c) "Go to the summary": a question left unanswered never opens it where an answer to it would shut it', () => {
    run(fc.property(fc.oneof(openDbsAnswers, openReassuranceAnswers, answerSets), fc.constantFrom(...content.questions), (answers, q) => {
      expect(unknownNeverOpens((a) => canGoToSummary(a, content), answers, q)).toEqual([]);
    }));
  });
});
