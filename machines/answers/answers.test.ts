import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { content, UNKNOWN } from '../../content/index';
import { normaliseAnswer, parseAnswerFile, quote } from './parse';
import {
  enabledIdsOf,
  evaluate,
  listHolds,
  enabledQuestions,
  enablePlanOf,
  pruneAnswers,
  resolveAnswers,
  setAsideGroups,
  settleAnswers,
  type TAnswers,
  wouldSetAside,
} from './answers';

const ids = (answers: TAnswers) => enabledQuestions(answers, content).map((q) => q.id);
const question = (id: string) => {
  const q = content.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

const G_IDS = ['G1', 'G2', 'G3'];
// Content 1.1 order: the safety screen (C), established diagnoses (D), neurophysiology (E), then the bedside picture (B, A).
const A_TO_E_ALWAYS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'D1', 'E0', 'B6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B7', 'A1', 'A2', 'A3'];
const notMimic = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };
const SAFETY_SCREEN = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];

describe('which questions are asked', () => {
  test("the summary picture's copies (enabledIdsOf, listHolds: answers as lists) enable the questions and raise the red flags resolveAnswers and evaluate do", () => {
    // Any answer to any question, enabled or not: the copy must follow the flow's conditions exactly,
    // or the summary's picture would show rows the page then takes away.
    const answer = (q: (typeof content.questions)[number]) => {
      const ids = q.options.map((o) => o.id);
      return q.kind === 'single'
        ? fc.constantFrom<string>(UNKNOWN, ...ids)
        : fc.oneof(fc.constant<string | string[]>(UNKNOWN), fc.subarray(ids, { minLength: 1 }));
    };
    const model = Object.fromEntries(content.questions.map((q) => [q.id, answer(q)]));
    const plan = enablePlanOf(content);
    fc.assert(
      fc.property(fc.record(model, { requiredKeys: [], noNullPrototype: true }), (answers) => {
        const lists: Record<string, readonly string[]> = {};
        for (const [k, v] of Object.entries(answers)) if (v !== undefined) lists[k] = typeof v === 'string' ? [v] : v;
        expect(enabledIdsOf(lists, plan, listHolds)).toEqual(ids(answers as TAnswers));
        // And every red flag's condition reads the same (the picture shows no summary that would raise one).
        for (const flag of content.redFlags) expect(listHolds(flag.when, lists)).toBe(evaluate(flag.when, answers as TAnswers));
      }),
      { numRuns: 300 },
    );
  });

  test('with nothing answered, the gate and sections A–E are asked, but not D1a, D2 or E1–E4', () => {
    expect(ids({})).toEqual([...G_IDS, ...A_TO_E_ALWAYS]);
  });

  test.for([
    ['G1 = sustained_twisting_postures_only', { G1: 'sustained_twisting_postures_only' }, []],
    ['G1 = regular_oscillation_only', { G1: 'regular_oscillation_only' }, ['E0']],
    ['G1 = continuous_flowing_random', { G1: 'continuous_flowing_random' }, []],
    ['G2 = yes', { G1: 'positive_jerks', G2: 'yes' }, []],
    ['G3 = present', { G1: 'positive_jerks', G2: 'no', G3: 'present' }, []],
    ['G1 = regular_oscillation_only with G3 = present', { G1: 'regular_oscillation_only', G3: 'present' }, []],
  ] as const)('a mimic answer (%s) asks the gate and the safety screen, the neurophysiology only after a tremor answer: %s', ([, answers, neurophysiology]) => {
    expect(ids(answers)).toEqual([...G_IDS, ...SAFETY_SCREEN, ...neurophysiology]);
  });

  test.for(['positive_jerks', 'negative_lapses', 'both'])('G1 = %s keeps the questionnaire going into section A', (g1) => {
    expect(ids({ G1: g1 })).toContain('A1');
  });

  test.for(question('D1').options.map((o) => o.id))('D1 = %s asks the PME subtype (D1a) only for PME', (d1) => {
    expect(ids({ ...notMimic, D1: d1 }).includes('D1a')).toBe(d1 === 'PME');
  });

  test.for(question('D1').options.map((o) => o.id))('D1 = %s asks about refractoriness (D2) only for myoclonus-dystonia or PME', (d1) => {
    const expected = ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME'].includes(d1);
    expect(ids({ ...notMimic, D1: d1 }).includes('D2')).toBe(expected);
  });

  test.for([
    ['yes', 'all of E1–E4', ['E1', 'E2', 'E3', 'E4']],
    ['no', 'none of E1–E4', []],
  ] as const)('E0 = %s asks %s', ([e0, , asked]) => {
    expect(ids({ ...notMimic, E0: e0 }).filter((id) => /^E[1-4]$/.test(id))).toEqual(asked);
  });

  test('each section is asked whole, in the order G, C, D, E, B, A', () => {
    const sections = ids({ ...notMimic, D1: 'PME', E0: 'yes' }).map((id) => id[0]);
    expect(sections.join('')).toMatch(/^G+C+D+E+B+A+$/);
  });
});

describe('answers of questions that are not asked are dropped', () => {
  test('a mimic in section G drops the answers of sections A, B, D and E, and keeps the safety screen (C)', () => {
    expect(pruneAnswers({ G1: 'positive_jerks', G2: 'yes', A1: 'focal', C1: 'acute_hours_to_days', D1: 'PME', E0: 'yes' }, content))
      .toEqual({ G1: 'positive_jerks', G2: 'yes', C1: 'acute_hours_to_days' });
  });

  test('results E1–E4 are dropped when E0 is no', () => {
    expect(pruneAnswers({ ...notMimic, E0: 'no', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk' }, content))
      .toEqual({ ...notMimic, E0: 'no' });
  });

  test('D1a and D2 are dropped when D1 is changed from PME to none', () => {
    expect(pruneAnswers({ ...notMimic, D1: 'none', D1a: 'ULD', D2: 'yes' }, content)).toEqual({ ...notMimic, D1: 'none' });
  });

  test('D2 is kept but D1a dropped for myoclonus-dystonia', () => {
    expect(pruneAnswers({ ...notMimic, D1: 'myoclonus_dystonia_clinical', D1a: 'ULD', D2: 'no' }, content))
      .toEqual({ ...notMimic, D1: 'myoclonus_dystonia_clinical', D2: 'no' });
  });

  test('answers of enabled questions are kept unchanged', () => {
    const answers = { ...notMimic, A2: ['hands_fingers', 'neck'], D1: 'PME', D1a: 'Lafora', D2: 'yes', E0: 'yes', E3: 'normal' };
    expect(resolveAnswers(answers, content).answers).toEqual(answers);
  });
});

describe('normalising one answer', () => {
  test.for([
    ['a single-select "unknown"', 'G1', 'unknown'],
    ['a multi-select "unknown"', 'A2', 'unknown'],
    ['a multi-select ["unknown"]', 'A2', ['unknown']],
  ] as const)('%s has one shape: the string "unknown"', ([, id, raw]) => {
    expect(normaliseAnswer(question(id), raw)).toEqual({ ok: true, value: 'unknown' });
  });

  test.for([
    ['"unknown"', 'unknown'],
    ['["unknown"]', ['unknown']],
  ] as const)('an answer file\'s %s is kept as the clinician\'s "Unknown / not assessed", not read as a question never answered', ([, raw]) => {
    expect(parseAnswerFile({ answers: { G1: 'positive_jerks', A2: raw } }, content)).toEqual({ ok: true, answers: { G1: 'positive_jerks', A2: 'unknown' } });
  });

  test('a multi-select answer is stored once per option, in the question’s option order', () => {
    expect(normaliseAnswer(question('A2'), ['neck', 'hands_fingers', 'neck'])).toEqual({ ok: true, value: ['hands_fingers', 'neck'] });
  });

  test('an option that does not belong to the question is rejected, naming the question', () => {
    expect(normaliseAnswer(question('B4'), 'jerky')).toEqual({
      ok: false,
      problem: { question: 'B4', message: expect.stringMatching(/"jerky".*B4/) },
    });
  });

  test('a list for a single-select question is rejected, naming the question', () => {
    expect(normaliseAnswer(question('D1'), ['PME'])).toEqual({
      ok: false,
      problem: { question: 'D1', message: expect.stringMatching(/D1.*single-select/) },
    });
  });

  test.for([
    ['B3', 'none with sudden_noise_startle', ['none', 'sudden_noise_startle']],
    ['C4', 'epileptic_seizures with none', ['epileptic_seizures', 'none']],
    ['C6', 'none with new_or_changed_drug', ['none', 'new_or_changed_drug']],
    ['A2', 'unknown with neck', ['unknown', 'neck']],
  ] as const)('in %s, %s is rejected because "none" and "unknown" stand alone', ([id, , raw]) => {
    const result = normaliseAnswer(question(id), raw);
    expect(result).toEqual({ ok: false, problem: { question: id, message: expect.stringMatching(/must stand alone/) } });
  });

  test('a number for a single-select question is rejected, naming the question', () => {
    expect(normaliseAnswer(question('C2'), 15)).toEqual({ ok: false, problem: { question: 'C2', message: expect.stringContaining('C2') } });
  });

  test('a list with a number for a multi-select question is rejected, naming the question', () => {
    expect(normaliseAnswer(question('C4'), ['none', 3])).toEqual({ ok: false, problem: { question: 'C4', message: expect.stringContaining('C4') } });
  });
});

describe('reading an answer file', () => {
  test('a valid file gives normalised answers in questionnaire order, and extra keys such as "expected" are ignored', () => {
    const result = parseAnswerFile({ expected: {}, answers: { E0: 'no', A2: ['neck', 'hands_fingers'], G1: 'positive_jerks', B3: 'unknown' } }, content);
    expect(result.ok && Object.entries(result.answers)).toEqual([['G1', 'positive_jerks'], ['E0', 'no'], ['B3', 'unknown'], ['A2', ['hands_fingers', 'neck']]]);
  });

  test('an unknown question id is rejected with a message naming it', () => {
    expect(parseAnswerFile({ answers: { G1: 'positive_jerks', Z9: 'yes' } }, content)).toEqual({
      ok: false,
      problems: [{ question: 'Z9', message: expect.stringContaining('"Z9"') }],
    });
  });

  test('an unknown option is rejected with a message naming the question and the option', () => {
    expect(parseAnswerFile({ answers: { E1: 'under_30ms' } }, content)).toEqual({
      ok: false,
      problems: [{ question: 'E1', message: expect.stringMatching(/"under_30ms".*E1/) }],
    });
  });

  test('a list for a single-select question is rejected with a message naming the question', () => {
    expect(parseAnswerFile({ answers: { C1: ['acute_hours_to_days'] } }, content)).toEqual({
      ok: false,
      problems: [{ question: 'C1', message: expect.stringContaining('C1') }],
    });
  });

  test('"none" combined with another option is rejected with a message naming the question', () => {
    expect(parseAnswerFile({ answers: { C6: ['none', 'metabolic_derangement'] } }, content)).toEqual({
      ok: false,
      problems: [{ question: 'C6', message: expect.stringContaining('C6') }],
    });
  });

  test('every problem in a file is reported, each naming its question', () => {
    const result = parseAnswerFile({ answers: { Q7: 'x', G1: 'jerks', C1: ['subacute_weeks'] } }, content);
    expect(result.ok ? [] : result.problems.map((p) => p.question)).toEqual(['Q7', 'G1', 'C1']);
  });

  test.for([
    ['a list instead of an object', []],
    ['an object without "answers"', { G1: 'positive_jerks' }],
    ['"answers" as a list', { answers: [['G1', 'positive_jerks']] }],
    ['"answers" as a string', { answers: 'G1=positive_jerks' }],
    ['null', null],
  ] as const)('a malformed file (%s) is rejected as not an answer file', ([, data]) => {
    expect(parseAnswerFile(data, content)).toEqual({
      ok: false,
      problems: [{ question: null, message: expect.stringMatching(/not an answer file/) }],
    });
  });
});

describe('answers set aside, not destroyed', () => {
  test('settling splits every answer into the ones that count and the ones set aside, losing none', () => {
    const all = { ...notMimic, G3: 'present', A1: 'focal', D1: 'PME', D1a: 'ULD' };
    expect(settleAnswers(all, content)).toMatchObject({
      answers: { ...notMimic, G3: 'present' },
      setAside: { A1: 'focal', D1: 'PME', D1a: 'ULD' },
    });
  });

  test.for<{ case: string; answers: TAnswers; setAside: TAnswers; groups: { because: string[]; questions: string[] }[] }>([
    {
      case: 'a functional answer at G3 sets aside every later answer because of G3',
      answers: { ...notMimic, G3: 'present' },
      setAside: { A1: 'focal', E0: 'yes', E1: 'under_50ms' },
      groups: [{ because: ['G3'], questions: ['E0', 'E1', 'A1'] }],
    },
    {
      case: 'D1 none sets aside D1a and D2 because of D1, and E0 no sets aside E1 because of E0',
      answers: { ...notMimic, D1: 'none', E0: 'no' },
      setAside: { D1a: 'ULD', D2: 'yes', E1: 'under_50ms' },
      groups: [
        { because: ['D1'], questions: ['D1a', 'D2'] },
        { because: ['E0'], questions: ['E1'] },
      ],
    },
  ])('$case', ({ answers, setAside, groups }) => {
    expect(setAsideGroups(setAside, answers, content)).toEqual(groups);
  });

  test.for<{ case: string; question: string; value: string; expected: string[] }>([
    { case: 'G3 present would set aside every answered question after section G', question: 'G3', value: 'present', expected: ['D1', 'D1a', 'E0', 'A1'] },
    { case: 'D1 none would set aside D1a', question: 'D1', value: 'none', expected: ['D1a'] },
    { case: 'D1 PME again sets nothing aside', question: 'D1', value: 'PME', expected: [] },
  ])('$case', ({ question: id, value, expected }) => {
    const answers = { ...notMimic, A1: 'focal', D1: 'PME', D1a: 'ULD', E0: 'no' };
    expect(wouldSetAside(answers, {}, id, value, content)).toEqual(expected);
  });
});

describe('quoting a value from a file for a message', () => {
  test.for([
    ['plain text is quoted as it is', 'G1', '"G1"'],
    ['a quote and a backslash are escaped, so the quotes always close the value', 'a"b\\c', '"a\\"b\\\\c"'],
    ['a terminal escape (ESC) and DEL are written as \\uXXXX', '\u001b[31mred\u007f', '"\\u001b[31mred\\u007f"'],
    ['a right-to-left override and an isolate are written as \\uXXXX', 'G1\u202egnp.exe\u2066', '"G1\\u202egnp.exe\\u2066"'],
    ['a line break and a line separator are written as \\uXXXX', 'a\nb\u2028c', '"a\\u000ab\\u2028c"'],
    ['a surrogate pair cut in half at 80 characters leaves no lone half', `${'x'.repeat(79)}😀`, `"${'x'.repeat(79)}\\ud83d…"`],
  ] as const)('%s', ([, value, quoted]) => {
    expect(quote(value)).toBe(quoted);
  });
});
