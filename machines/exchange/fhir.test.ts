import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { UNKNOWN } from '../../content/ids';
import { enabledQuestions, pruneAnswers, settleAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';
import { assess } from '../assessment/assess';
import {
  ANSWER_FROM_RECORD_URL,
  codeSystemOf,
  FHIR_QUESTIONNAIRE_URL,
  OPTION_EXCLUSIVE_URL,
  toEnableWhen,
  toQuestionnaire,
  toQuestionnaireResponse,
} from './fhir';
import { fromQuestionnaireResponse, MAX_RESPONSE_DEPTH } from './fhir-import';
import { ZR4Questionnaire, ZR4QuestionnaireResponse } from '../../tests/support/fhir-schema';
import { answersOf, loadVignettes } from '../../tests/support/vignettes';
import { CKD, EGFR, GABAPENTIN, RECORD_ANSWERS, RECORD_CONTEXT, RECORD_FROM } from '../../tests/support/record-case';

const AUTHORED = '2026-11-24T10:30:00+01:00';

const vignettes = loadVignettes().map((v) => ({ file: v.file, answers: answersOf(v) }));

/** Export, pass through JSON as a file would, import. */
function roundTrip(answers: TAnswers) {
  const response = toQuestionnaireResponse(answers, content, { authored: AUTHORED });
  return fromQuestionnaireResponse(JSON.parse(JSON.stringify(response)), content);
}

/** Any answer set in normal form, including answers to questions the branching disables. */
const answersArbitrary: fc.Arbitrary<TAnswers> = fc
  .tuple(
    ...content.questions.map((q): fc.Arbitrary<[string, TAnswerValue | undefined]> => {
      const ids = q.options.map((o) => o.id);
      if (q.kind === 'single') return fc.option(fc.constantFrom(...ids), { nil: undefined }).map((v) => [q.id, v]);
      const free = ids.filter((id) => !q.exclusive.includes(id));
      const value = fc.oneof(
        fc.constant(undefined),
        ...q.exclusive.map((id) => fc.constant([id] as readonly string[])),
        fc.subarray(free, { minLength: 1 }),
      );
      return value.map((v) => [q.id, v]);
    }),
  )
  .map((entries) => Object.fromEntries(entries.filter((e): e is [string, TAnswerValue] => e[1] !== undefined)));

/**
 * Any session as the app holds it: every question answered with its options, answered "Unknown / not
 * assessed", or never reached; split by the branching into the answers that count and the ones set aside.
 */
const sessionArbitrary: fc.Arbitrary<{ answers: TAnswers; setAside: TAnswers }> = fc
  .tuple(
    ...content.questions.map((q): fc.Arbitrary<[string, TAnswerValue | undefined]> => {
      const ids = q.options.map((o) => o.id);
      const given: fc.Arbitrary<TAnswerValue> =
        q.kind === 'single'
          ? fc.constantFrom(...ids)
          : fc.oneof(...q.exclusive.map((id) => fc.constant([id] as readonly string[])), fc.subarray(ids.filter((id) => !q.exclusive.includes(id)), { minLength: 1 }));
      return fc.oneof(fc.constant(undefined), fc.constant(UNKNOWN), given).map((v) => [q.id, v]);
    }),
  )
  .map((entries) => {
    const { answers, setAside } = settleAnswers(Object.fromEntries(entries.filter((e): e is [string, TAnswerValue] => e[1] !== undefined)), content);
    return { answers, setAside };
  });

/**
 * The app's export of `answers`, with `setAside` answered too, as another FHIR form that does not
 * apply enableWhen may write it: each in its section's group (made when the export has none).
 */
function responseWithSetAside(answers: TAnswers, setAside: TAnswers): QuestionnaireResponse {
  const response = toQuestionnaireResponse(answers, content, { authored: AUTHORED });
  const groups = response.item ?? [];
  for (const [id, value] of Object.entries(setAside)) {
    const q = content.questions.find((x) => x.id === id)!;
    let group = groups.find((g) => g.linkId === q.section);
    if (!group) groups.push((group = { linkId: q.section, item: [] }));
    const codes = typeof value === 'string' ? [value] : [...value];
    (group.item ??= []).push({ linkId: id, answer: codes.map((code) => ({ valueCoding: { system: codeSystemOf(id), code } })) });
  }
  return { ...response, item: groups };
}

/** A minimal R4 enableWhen evaluator over a Questionnaire and a response's codes. */
function fhirEnabledLinkIds(questionnaire: Questionnaire, answers: TAnswers): string[] {
  const codes = new Map<string, string[]>();
  const enabled: string[] = [];
  const holds = (item: QuestionnaireItem) => {
    if (!item.enableWhen) return true;
    const results = item.enableWhen.map((w) => {
      const given = codes.get(w.question) ?? [];
      const equal = given.includes(w.answerCoding?.code ?? '');
      if (w.operator === '=') return equal;
      if (w.operator === '!=') return !equal;
      throw new Error(`operator ${w.operator} not used here`);
    });
    return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
  };
  const visit = (items: readonly QuestionnaireItem[]) => {
    for (const item of items) {
      if (!holds(item)) continue;
      if (item.type === 'group') {
        visit(item.item ?? []);
        continue;
      }
      enabled.push(item.linkId);
      const value = answers[item.linkId];
      if (value !== undefined) codes.set(item.linkId, typeof value === 'string' ? [value] : [...value]);
    }
  };
  visit(questionnaire.item ?? []);
  return enabled;
}

const questionnaire = toQuestionnaire(content);
const itemsById = new Map(
  (questionnaire.item ?? []).flatMap((group) => [[group.linkId, group] as const, ...(group.item ?? []).map((i) => [i.linkId, i] as const)]),
);
const item = (linkId: string) => {
  const found = itemsById.get(linkId);
  if (!found) throw new Error(`no item ${linkId}`);
  return found;
};
const comparisons = (linkId: string) => item(linkId).enableWhen?.map((w) => `${w.question} ${w.operator} ${w.answerCoding?.code}`);

describe('toQuestionnaire', () => {
  test('produces a Questionnaire that conforms to the R4 subset', () => {
    const result = ZR4Questionnaire.safeParse(questionnaire);
    expect(result.success ? 'valid' : result.error.issues).toBe('valid');
  });

  test('gives other renderers what they need: the R4 profile, a publisher, and radio buttons or check boxes per question', () => {
    const controls = (questionnaire.item ?? []).flatMap((section) =>
      (section.item ?? []).map((item) => [item.linkId, item.extension?.find((e) => e.url.endsWith('questionnaire-itemControl'))?.valueCodeableConcept?.coding?.[0]?.code]),
    );
    expect({ profile: questionnaire.meta?.profile, publisher: typeof questionnaire.publisher, controls }).toEqual({
      profile: ['http://hl7.org/fhir/4.0/StructureDefinition/Questionnaire'],
      publisher: 'string',
      controls: content.questions.map((q) => [q.id, q.kind === 'multi' ? 'check-box' : 'radio-button']),
    });
  });

  test('identifies itself by canonical URL and content version, dated by the content review', () => {
    expect(questionnaire).toMatchObject({
      url: FHIR_QUESTIONNAIRE_URL,
      version: content.version,
      status: 'draft',
      date: content.revisedOn,
    });
    expect(questionnaire.description).toContain('not medical advice');
  });

  test('groups the questions by section in the content order', () => {
    expect(questionnaire.item?.map((g) => [g.linkId, g.type, g.item?.map((i) => i.linkId)])).toEqual(
      content.sections.map((s) => ['' + s.id, 'group', content.questions.filter((q) => q.section === s.id).map((q) => q.id)]),
    );
  });

  test('offers every option and "unknown" as a coding, and repeats multi-select questions', () => {
    const a2 = item('A2');
    expect(a2.repeats).toBe(true);
    expect(item('A1').repeats).toBeUndefined();
    expect(a2.answerOption?.map((o) => o.valueCoding?.code)).toEqual([
      ...(content.questions.find((q) => q.id === 'A2')?.options.map((o) => o.id) ?? []),
      'unknown',
    ]);
    expect(a2.answerOption?.at(-1)?.valueCoding).toEqual({ system: codeSystemOf('A2'), code: 'unknown', display: 'Unknown / not assessed' });
  });

  test('marks "none" and "unknown" of a multi-select question as exclusive options', () => {
    const exclusive = item('B3')
      .answerOption?.filter((o) => o.extension?.some((e) => e.url === OPTION_EXCLUSIVE_URL && e.valueBoolean === true))
      .map((o) => o.valueCoding?.code);
    expect(exclusive).toEqual(['none', 'unknown']);
    expect(item('G1').answerOption?.some((o) => o.extension)).toBe(false);
  });

  test('enables sections A–E only when no G answer is a mimic answer', () => {
    expect(comparisons('A')).toEqual([
      'G1 != sustained_twisting_postures_only',
      'G1 != regular_oscillation_only',
      'G1 != continuous_flowing_random',
      'G2 != yes',
      'G3 != present',
    ]);
    expect(item('A').enableBehavior).toBe('all');
    expect(item('G').enableWhen).toBeUndefined();
  });

  test('enables D1a only when D1 is PME', () => {
    expect(comparisons('D1a')).toEqual(['D1 = PME']);
  });

  test('enables D2 when D1 is any of the three DBS-relevant diagnoses', () => {
    expect(comparisons('D2')).toEqual([
      'D1 = myoclonus_dystonia_SGCE_confirmed',
      'D1 = myoclonus_dystonia_clinical',
      'D1 = PME',
    ]);
    expect(item('D2').enableBehavior).toBe('any');
  });

  test.for(['E1', 'E2', 'E3', 'E4'])('enables %s only when E0 is yes', (id) => {
    expect(comparisons(id)).toEqual(['E0 = yes']);
  });

  test('its enableWhen enables the same questions as the content branching, for any answers', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        expect(fhirEnabledLinkIds(questionnaire, answers)).toEqual(enabledQuestions(answers, content).map((q) => q.id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the R4 subset schema', () => {
  const broken: { name: string; edit: (q: Questionnaire) => unknown }[] = [
    { name: 'a status outside the value set', edit: (q) => ({ ...q, status: 'final' }) },
    { name: 'an item type outside the value set', edit: (q) => ({ ...q, item: [{ ...q.item?.[0], type: 'radio' }] }) },
    { name: 'an unknown element', edit: (q) => ({ ...q, enableWhens: [] }) },
    {
      name: 'two enableWhen without enableBehavior (que-12)',
      edit: (q) => ({ ...q, item: q.item?.map((g) => (g.linkId === 'A' ? { ...g, enableBehavior: undefined } : g)) }),
    },
    {
      name: 'an enableWhen with two answer[x]',
      edit: (q) => ({
        ...q,
        item: q.item?.map((g) => (g.linkId === 'A' ? { ...g, enableWhen: g.enableWhen?.map((w) => ({ ...w, answerString: 'x' })) } : g)),
      }),
    },
    {
      name: 'an enableWhen operator outside the value set',
      edit: (q) => ({ ...q, item: q.item?.map((g) => (g.linkId === 'A' ? { ...g, enableWhen: g.enableWhen?.map((w) => ({ ...w, operator: '<>' })) } : g)) }),
    },
    { name: 'a group without items (que-1)', edit: (q) => ({ ...q, item: [{ linkId: 'X', type: 'group' }] }) },
    { name: 'an empty list', edit: (q) => ({ ...q, item: [] }) },
  ];

  test.for(broken)('rejects $name', ({ edit }) => {
    expect(ZR4Questionnaire.safeParse(edit(structuredClone(questionnaire))).success).toBe(false);
  });
});

describe('toEnableWhen', () => {
  const d1 = { question: 'D1', op: 'is', value: 'PME' } as const;
  const e0 = { question: 'E0', op: 'is', value: 'yes' } as const;
  const g2 = { question: 'G2', op: 'is', value: 'no' } as const;

  test('throws for an "all" nested in an "any", which FHIR cannot express', () => {
    expect(() => toEnableWhen({ any: [{ all: [d1, e0] }, g2] }, content)).toThrow(/cannot express/);
  });

  test('rewrites "not all" as "any" of "!="', () => {
    expect(toEnableWhen({ not: { all: [d1, e0] } }, content)).toMatchObject({
      enableBehavior: 'any',
      enableWhen: [
        { question: 'D1', operator: '!=' },
        { question: 'E0', operator: '!=' },
      ],
    });
  });

  test('throws for an unknown question', () => {
    expect(() => toEnableWhen({ question: 'Z9', op: 'is', value: 'yes' }, content)).toThrow(/Z9/);
  });
});

describe('toQuestionnaireResponse', () => {
  test.for(vignettes)('conforms to the R4 subset for $file', ({ answers }) => {
    const result = ZR4QuestionnaireResponse.safeParse(toQuestionnaireResponse(answers, content, { authored: AUTHORED }));
    expect(result.success ? 'valid' : result.error.issues).toBe('valid');
  });

  test('conforms to the R4 subset with no answer at all (no empty item list) and with every question answered "Unknown / not assessed"', () => {
    const allUnknown = Object.fromEntries(content.questions.map((q) => [q.id, UNKNOWN]));
    const issues = [{}, allUnknown].map((answers) => {
      const result = ZR4QuestionnaireResponse.safeParse(toQuestionnaireResponse(answers, content, { authored: AUTHORED }));
      return result.success ? 'valid' : result.error.issues;
    });
    expect(issues).toEqual(['valid', 'valid']);
  });

  test('names the questionnaire with its version and keeps the authored time given', () => {
    const response = toQuestionnaireResponse({}, content, { authored: AUTHORED, status: 'in-progress' });
    expect(response).toMatchObject({
      questionnaire: `${FHIR_QUESTIONNAIRE_URL}|${content.version}`,
      authored: AUTHORED,
      status: 'in-progress',
    });
  });

  test('holds only answered enabled questions, one answered "Unknown / not assessed" with the "unknown" coding', () => {
    const response = toQuestionnaireResponse({ G1: 'positive_jerks', G3: 'present', C2: 'unknown', A1: 'focal' }, content, { authored: AUTHORED });
    // A gate mimic closes A, B, D and E, never the safety screen (C); G2 and C1, C3–C6 were never answered.
    expect(response.item?.map((g) => [g.linkId, g.item?.map((i) => [i.linkId, i.answer?.map((a) => a.valueCoding?.code)])])).toEqual([
      ['G', [['G1', ['positive_jerks']], ['G3', ['present']]]],
      ['C', [['C2', ['unknown']]]],
    ]);
  });
});

describe('round trip', () => {
  test.for(vignettes)('export then import keeps the pruned answers of $file', ({ answers }) => {
    expect(roundTrip(answers)).toEqual({ ok: true, answers: pruneAnswers(answers, content), setAside: {}, notes: [] });
  });

  test.for(vignettes)('export then import keeps the assessment of $file', ({ answers }) => {
    const imported = roundTrip(answers);
    if (!imported.ok) throw new Error(imported.message);
    expect(assess(imported.answers, content)).toEqual(assess(answers, content));
  });

  test('export then import keeps the pruned answers and the assessment of any answer set', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const imported = roundTrip(answers);
        expect(imported).toEqual({ ok: true, answers: pruneAnswers(answers, content), setAside: {}, notes: [] });
        if (imported.ok) expect(assess(imported.answers, content)).toEqual(assess(answers, content));
      }),
      { numRuns: 150 },
    );
  });

  test('export then import gives back the same answers of any session, "Unknown / not assessed" and never reached told apart; set-aside answers stay out of the export', () => {
    fc.assert(
      fc.property(sessionArbitrary, ({ answers, setAside }) => {
        expect(roundTrip({ ...setAside, ...answers })).toEqual({ ok: true, answers, setAside: {}, notes: [] });
      }),
      { numRuns: 150 },
    );
  });

  test('a response that also answers the disabled questions imports to the same answers and the same set-aside answers, "Unknown / not assessed" included', () => {
    fc.assert(
      fc.property(sessionArbitrary, ({ answers, setAside }) => {
        const imported = fromQuestionnaireResponse(JSON.parse(JSON.stringify(responseWithSetAside(answers, setAside))), content);
        expect(imported.ok && { answers: imported.answers, setAside: imported.setAside }).toEqual({ answers, setAside });
      }),
      { numRuns: 150 },
    );
  });

  test('an answer stored as "unknown" exports as the unknown coding and imports as "unknown" again', () => {
    const answers = { G1: 'positive_jerks', G2: 'unknown', A2: ['unknown'] };
    const response = toQuestionnaireResponse(answers, content, { authored: AUTHORED });
    const codes = response.item?.flatMap((g) => g.item ?? []).map((i) => [i.linkId, i.answer?.[0]?.valueCoding]);
    expect(codes).toContainEqual(['G2', { system: codeSystemOf('G2'), code: 'unknown', display: 'Unknown / not assessed' }]);
    expect(codes).toContainEqual(['A2', { system: codeSystemOf('A2'), code: 'unknown', display: 'Unknown / not assessed' }]);
    const imported = fromQuestionnaireResponse(response, content);
    expect(imported).toEqual({ ok: true, answers: { G1: 'positive_jerks', G2: 'unknown', A2: 'unknown' }, setAside: {}, notes: [] });
    if (imported.ok) expect(assess(imported.answers, content)).toEqual(assess(answers, content));
  });

  test('a response from an earlier export, which wrote the unknown coding for questions never answered too, still imports: each reads "Unknown / not assessed"', () => {
    const earlier = toQuestionnaireResponse({ G1: 'positive_jerks', G2: 'unknown' }, content, { authored: AUTHORED });
    earlier.item![0]!.item!.push({ linkId: 'G3', answer: [{ valueCoding: { system: codeSystemOf('G3'), code: 'unknown', display: 'Unknown / not assessed' } }] });
    expect(fromQuestionnaireResponse(earlier, content)).toEqual({ ok: true, answers: { G1: 'positive_jerks', G2: 'unknown', G3: 'unknown' }, setAside: {}, notes: [] });
  });

  test('import reads a response given as JSON text', () => {
    const text = JSON.stringify(toQuestionnaireResponse({ G1: 'both' }, content, { authored: AUTHORED }));
    expect(fromQuestionnaireResponse(text, content)).toEqual({ ok: true, answers: { G1: 'both' }, setAside: {}, notes: [] });
  });

  test('import keeps set aside, and says so, the answers the file’s own branching turns off (never drops them)', () => {
    const response = toQuestionnaireResponse({ D1: 'none' }, content, { authored: AUTHORED });
    const sectionD = response.item?.find((g) => g.linkId === 'D');
    sectionD?.item?.push({ linkId: 'D1a', answer: [{ valueCoding: { system: codeSystemOf('D1a'), code: 'ULD' } }] });
    expect(fromQuestionnaireResponse(response, content)).toEqual({ ok: true, answers: { D1: 'none' }, setAside: { D1a: 'ULD' }, notes: [expect.stringMatching(/^1 answer in the file does not apply .* set aside/)] });
  });

  test('an answer behind a mimic in the file is set aside, not lost; a red-flag answer beside it still counts', () => {
    const response = toQuestionnaireResponse({ G1: 'positive_jerks', C1: 'acute_hours_to_days', A1: 'focal' }, content, { authored: AUTHORED });
    const sectionG = response.item?.find((g) => g.linkId === 'G');
    const g1 = sectionG?.item?.find((i) => i.linkId === 'G1');
    if (g1) g1.answer = [{ valueCoding: { system: codeSystemOf('G1'), code: 'sustained_twisting_postures_only' } }];
    const imported = fromQuestionnaireResponse(response, content);
    expect(imported.ok && { answers: imported.answers, setAside: imported.setAside }).toEqual({
      answers: { G1: 'sustained_twisting_postures_only', C1: 'acute_hours_to_days' },
      setAside: { A1: 'focal' },
    });
  });
});

test('a QuestionnaireResponse carries no identifier of a patient or clinician', () => {
  const response = toQuestionnaireResponse({ G1: 'positive_jerks' }, content, { authored: AUTHORED });
  expect(Object.keys(response).filter((key) => ['subject', 'author', 'source', 'identifier', 'encounter', 'basedOn', 'partOf', 'contained'].includes(key))).toEqual([]);
});

describe('fromQuestionnaireResponse accepts files from other FHIR clients', () => {
  const valid = (): QuestionnaireResponse => toQuestionnaireResponse({ G1: 'positive_jerks', A2: ['neck'] }, content, { authored: AUTHORED });
  /** Section A with A2 answered with these codes, as a client that ignores optionExclusive may write it. */
  const withA2 = (codes: string[]): QuestionnaireResponse => ({
    ...valid(),
    item: [
      { linkId: 'G', item: [{ linkId: 'G1', answer: [{ valueCoding: { code: 'positive_jerks' } }] }] },
      { linkId: 'A', item: [{ linkId: 'A2', answer: codes.map((code) => ({ valueCoding: { system: codeSystemOf('A2'), code } })) }] },
    ],
  });

  test('a questionnaire reference without |version is read when every linkId and code is ours, and says so', () => {
    const result = fromQuestionnaireResponse({ ...valid(), questionnaire: FHIR_QUESTIONNAIRE_URL }, content);
    expect(result).toEqual({ ok: true, answers: { G1: 'positive_jerks', A2: ['neck'] }, setAside: {}, notes: [expect.stringMatching(/does not name the questionnaire version/)] });
  });

  test.for(['1.1.0', '1.1.1'])('a response made with content version %s (whose ids all mean the same in 1.2) still resumes, and says so', (version) => {
    const result = fromQuestionnaireResponse({ ...valid(), questionnaire: `${FHIR_QUESTIONNAIRE_URL}|${version}` }, content);
    expect(result).toEqual({ ok: true, answers: { G1: 'positive_jerks', A2: ['neck'] }, setAside: {}, notes: [expect.stringMatching(new RegExp(`made with questionnaire version ${version.replace(/\./g, '\\.')}`))] });
  });

  test('a response with the 1.2 options (C1a, opsoclonus, fever, early Lance-Adams) makes the round trip', () => {
    const answers = { G1: 'positive_jerks', C1: 'subacute_weeks', C1a: 'within_3_months', C4: ['opsoclonus'], C6: ['recent_hypoxia_awake_within_days', 'fever_or_acute_systemic_illness'] };
    const result = fromQuestionnaireResponse(toQuestionnaireResponse(answers, content, { authored: AUTHORED }), content);
    expect(result.ok && result.answers).toEqual(answers);
  });

  test('"Unknown" ticked with real options (LHC-Forms ignores optionExclusive) keeps the real options and says so', () => {
    expect(fromQuestionnaireResponse(withA2(['unknown', 'neck', 'legs']), content)).toEqual({
      ok: true,
      answers: { G1: 'positive_jerks', A2: ['neck', 'legs'] },
      setAside: {},
      notes: [expect.stringMatching(/“Unknown \/ not assessed” ticked with other options; the other options were kept/)],
    });
  });

  test('"None" ticked with a real option keeps the real option and says so', () => {
    const response = { ...valid(), item: [{ linkId: 'B', item: [{ linkId: 'B3', answer: ['none', 'sudden_noise_startle'].map((code) => ({ valueCoding: { code } })) }] }] };
    expect(fromQuestionnaireResponse(response, content)).toEqual({
      ok: true,
      answers: { B3: ['sudden_noise_startle'] },
      setAside: {},
      notes: [expect.stringMatching(/“None of these” ticked with other options/)],
    });
  });
});

describe('fromQuestionnaireResponse refuses what it does not read, naming it', () => {
  /** G1 answered with jerks and, inside, what `extra` adds to the G1 item or to its answer. */
  const g1With = (extra: { item?: unknown; answerItem?: unknown }) => ({
    ...toQuestionnaireResponse({ G1: 'positive_jerks' }, content, { authored: AUTHORED }),
    item: [
      {
        linkId: 'G',
        item: [
          {
            linkId: 'G1',
            answer: [{ valueCoding: { system: codeSystemOf('G1'), code: 'positive_jerks' }, ...(extra.answerItem ? { item: extra.answerItem } : {}) }],
            ...(extra.item ? { item: extra.item } : {}),
          },
        ],
      },
    ],
  });
  /** A red flag (rapidly progressive dementia) as another client could legally nest it. */
  const hiddenRedFlag = [{ linkId: 'C4', answer: [{ valueCoding: { system: codeSystemOf('C4'), code: 'rapidly_progressive_dementia' } }] }];
  const causativeDrug = [{ linkId: 'C6', answer: [{ valueCoding: { system: codeSystemOf('C6'), code: 'current_drug_known_to_cause_myoclonus' } }] }];
  const v01 = () => JSON.stringify(toQuestionnaireResponse(loadV01(), content, { authored: AUTHORED }), null, 1);
  const loadV01 = () => vignettes.find((v) => v.file === 'V01.json')!.answers;
  /** `depth` levels of nested items under section G: the file's nesting grows by two per level. */
  const nestedGroups = (depth: number) => {
    let items: unknown[] = [{ linkId: 'G1', answer: [{ valueCoding: { code: 'positive_jerks' } }] }];
    for (let i = 0; i < depth; i++) items = [{ linkId: 'G', item: items }];
    return { ...toQuestionnaireResponse({}, content, { authored: AUTHORED }), item: items };
  };

  const cases: { name: string; input: unknown; message: RegExp }[] = [
    {
      name: 'a red flag (C4 rapidly progressive dementia) hidden in a nested answer[].item is refused, never dropped',
      input: g1With({ answerItem: hiddenRedFlag }),
      message: /An answer to G1 holds nested items \(answer\[\]\.item: "C4"\), which this app does not read/,
    },
    {
      name: 'a red flag (C6 current causative drug) in a nested item[].item of a question is refused, never dropped',
      input: g1With({ item: causativeDrug }),
      message: /Question G1 holds nested items \(item\[\]\.item: "C6"\), which this app does not read/,
    },
    {
      name: 'a nested answer[].item that is not even a list is refused',
      input: g1With({ answerItem: { linkId: 'C4' } }),
      message: /An answer to G1 holds nested items \(answer\[\]\.item\)/,
    },
    {
      name: '"code" given twice in one coding (an acute onset read as chronic) is refused, naming the member and where',
      input: v01().replace('"code": "chronic_months_to_years"', '"code": "acute_hours_to_days", "code": "chronic_months_to_years"'),
      message: /member name twice in one object.*"code" is given more than once in item\[\d+\]\.item\[\d+\]\.answer\[0\]\.valueCoding/,
    },
    {
      name: '"answer" given twice in one item is refused',
      input: v01().replace(/"linkId": "C1",/, '"linkId": "C1", "answer": [{ "valueCoding": { "code": "acute_hours_to_days" } }],'),
      message: /"answer" is given more than once in item\[\d+\]\.item\[0\]/,
    },
    {
      name: 'a duplicate at the top level ("status" twice) is refused',
      input: v01().replace('"status": "completed",', '"status": "entered-in-error", "status": "completed",'),
      message: /"status" is given more than once\./,
    },
    {
      name: 'status entered-in-error is refused, saying what it means',
      input: { ...toQuestionnaireResponse({ G1: 'both' }, content, { authored: AUTHORED }), status: 'entered-in-error' },
      message: /has status "entered-in-error"; only a completed, in-progress or amended response is read \(entered-in-error means its answers were recorded in error\)/,
    },
    {
      name: 'status stopped is refused',
      input: { ...toQuestionnaireResponse({ G1: 'both' }, content, { authored: AUTHORED }), status: 'stopped' },
      message: /has status "stopped"; only a completed, in-progress or amended response is read\./,
    },
    {
      name: 'a response without a status is refused',
      input: { ...toQuestionnaireResponse({ G1: 'both' }, content, { authored: AUTHORED }), status: undefined },
      message: /does not give its status as text/,
    },
    {
      name: `nesting deeper than ${MAX_RESPONSE_DEPTH} levels is refused with a plain message`,
      input: nestedGroups(MAX_RESPONSE_DEPTH),
      message: new RegExp(`^The file is nested more than ${MAX_RESPONSE_DEPTH} levels deep; no response to this questionnaire is, so it is not read\\.$`),
    },
    {
      name: 'nesting 100,000 levels deep, as text, is refused with the same plain message, not a stack overflow',
      input: `{"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"${FHIR_QUESTIONNAIRE_URL}","item":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      message: /^The file is nested more than \d+ levels deep/,
    },
  ];

  test.for(cases)('$name', ({ input, message }) => {
    const result = fromQuestionnaireResponse(input, content);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  test(`a response nested exactly ${MAX_RESPONSE_DEPTH} levels deep is not refused for its depth; one level more is`, () => {
    /** V01's response with an extension of `levels` nested objects: the response itself is level 1. */
    const withDepth = (levels: number) => {
      let deep: Record<string, unknown> = {};
      for (let i = 2; i < levels; i++) deep = { nested: deep };
      return { ...toQuestionnaireResponse(loadV01(), content, { authored: AUTHORED }), extension: deep };
    };
    expect([fromQuestionnaireResponse(withDepth(MAX_RESPONSE_DEPTH), content).ok, fromQuestionnaireResponse(withDepth(MAX_RESPONSE_DEPTH + 1), content).ok]).toEqual([true, false]);
  });

  test.for(['completed', 'in-progress', 'amended'])('status %s is read', (status) => {
    expect(fromQuestionnaireResponse({ ...toQuestionnaireResponse({ G1: 'both' }, content, { authored: AUTHORED }), status }, content)).toEqual({
      ok: true,
      answers: { G1: 'both' },
      setAside: {},
      notes: [],
    });
  });

  test('an empty nested list (item: []) says nothing and is read', () => {
    expect(fromQuestionnaireResponse(g1With({ answerItem: [] }), content)).toMatchObject({ ok: true, answers: { G1: 'positive_jerks' } });
  });
});

describe('fromQuestionnaireResponse rejects', () => {
  const valid = (): QuestionnaireResponse => toQuestionnaireResponse({ G1: 'positive_jerks', A2: ['neck'] }, content, { authored: AUTHORED });
  const withItem = (linkId: string, codes: string[]): QuestionnaireResponse => ({
    ...valid(),
    item: [{ linkId: 'G', item: [{ linkId, answer: codes.map((code) => ({ valueCoding: { code } })) }] }],
  });

  const cases: { name: string; input: unknown; message: RegExp }[] = [
    {
      name: 'a response made with another content version, naming both versions',
      input: { ...valid(), questionnaire: `${FHIR_QUESTIONNAIRE_URL}|0.9.0` },
      message: new RegExp(`version 0\\.9\\.0.*version ${content.version.replace(/\./g, '\\.')}`),
    },
    {
      name: 'a response to another questionnaire',
      input: { ...valid(), questionnaire: 'http://example.org/Questionnaire/phq-9|1.0.0' },
      message: /another questionnaire \(http:\/\/example\.org\/Questionnaire\/phq-9\)/,
    },
    { name: 'a value that is not an object', input: 42, message: /Not a FHIR QuestionnaireResponse/ },
    { name: 'another resource type', input: { ...valid(), resourceType: 'Questionnaire' }, message: /resourceType must be "QuestionnaireResponse"/ },
    { name: 'items that are not a list', input: { ...valid(), item: 'G1' }, message: /Not a FHIR QuestionnaireResponse.*item/ },
    { name: 'an item without a linkId', input: { ...valid(), item: [{ text: 'G' }] }, message: /linkId/ },
    { name: 'text that is not JSON', input: '{"resourceType": "QuestionnaireResponse",', message: /not valid JSON/ },
    { name: 'an unknown linkId, naming it', input: withItem('Z9', ['yes']), message: /unknown linkId "Z9"/ },
    { name: 'an unknown code, naming question and code', input: withItem('G1', ['wobbly']), message: /"wobbly" is not an option of G1/ },
    { name: 'several answers to a single-select question', input: withItem('G1', ['positive_jerks', 'both']), message: /G1 is a single-select question/ },
    {
      name: 'a coding from another code system',
      input: { ...valid(), item: [{ linkId: 'G', item: [{ linkId: 'G2', answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: 'yes' } }] }] }] },
      message: /G2 uses code system "http:\/\/snomed\.info\/sct"/,
    },
    {
      name: 'an answer that is not a coding',
      input: { ...valid(), item: [{ linkId: 'G', item: [{ linkId: 'G2', answer: [{ valueString: 'yes' }] }] }] },
      message: /answer to G2 must be a valueCoding/,
    },
    {
      name: 'a question answered twice',
      input: { ...valid(), item: [{ linkId: 'G1', answer: [{ valueCoding: { code: 'both' } }] }, { linkId: 'G1', answer: [{ valueCoding: { code: 'both' } }] }] },
      message: /"G1" more than once/,
    },
  ];

  test.for(cases)('$name', ({ input, message }) => {
    const result = fromQuestionnaireResponse(input, content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  test('a right-to-left override or a terminal escape in a linkId cannot reorder or hide the message: it is written as \\uXXXX', () => {
    const result = fromQuestionnaireResponse(withItem('Z9\u202e\u001b[2J', ['yes']), content);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('unknown linkId "Z9\\u202e\\u001b[2J"') });
    expect(result.ok || /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(result.message)).toBe(false);
  });

  test('a crafted file cannot fill the page with its own text: 30,000 bad items, or two codes of 300 KB, give a short message', () => {
    const many = fromQuestionnaireResponse({ ...valid(), item: Array.from({ length: 30_000 }, () => ({ text: 'G' })) }, content);
    const long = fromQuestionnaireResponse(withItem('G1', ['a'.repeat(300_000), 'b'.repeat(300_000)]), content);
    if (many.ok || long.ok) throw new Error('a crafted file was imported');
    expect([many.message.length < 1_000, long.message.length < 1_000, /and 29995 more/.test(many.message)]).toEqual([true, true, true]);
  });

  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => fromQuestionnaireResponse(value, content)).not.toThrow();
      }),
    );
  });
});

describe('answers from the patient’s record', () => {
  const SAVE_BACK = { authored: AUTHORED, fromRecord: RECORD_FROM, subject: RECORD_CONTEXT.patient, author: RECORD_CONTEXT.user! };
  const saved = () => toQuestionnaireResponse(RECORD_ANSWERS, content, SAVE_BACK);
  /** Each answer's code and the references its extensions give, question by question. */
  const marks = (response: QuestionnaireResponse) =>
    (response.item ?? []).flatMap((g) => g.item ?? []).flatMap((i) => (i.answer ?? []).map((a) => [i.linkId, a.valueCoding?.code, (a.extension ?? []).map((e) => e.valueReference?.reference)]));
  /** The saved response with the extensions of the C6 answer coded `code` replaced. */
  const withExtension = (code: string, extension: unknown[]) => {
    const response = JSON.parse(JSON.stringify(saved())) as QuestionnaireResponse;
    const answer = response.item!.flatMap((g) => g.item ?? []).find((i) => i.linkId === 'C6')!.answer!.find((a) => a.valueCoding?.code === code)!;
    (answer as Record<string, unknown>)['extension'] = extension;
    return response;
  };

  test('a response saved back conforms to the R4 subset and names the patient, and the clinician as author and source', () => {
    const response = saved();
    const valid = ZR4QuestionnaireResponse.safeParse(response);
    expect(valid.success ? 'valid' : valid.error.issues).toBe('valid');
    expect({ subject: response.subject, author: response.author, source: response.source }).toEqual({
      subject: { reference: 'Patient/gabapentin-ckd' },
      author: { reference: 'Practitioner/dr-okafor' },
      source: { reference: 'Practitioner/dr-okafor' },
    });
  });

  test('the extension is on the answers that came from the record, one reference per record entry, and on no other answer', () => {
    expect(marks(saved())).toEqual([
      ['G1', 'positive_jerks', []],
      ['G2', 'no', []],
      ['G3', 'absent', []],
      ['C1', 'subacute_weeks', []],
      ['C6', 'new_or_changed_drug', []],
      ['C6', 'current_drug_known_to_cause_myoclonus', [GABAPENTIN.reference]],
      ['C6', 'metabolic_derangement', [EGFR.reference, CKD.reference]],
    ]);
    const drug = saved().item!.flatMap((g) => g.item ?? []).find((i) => i.linkId === 'C6')!.answer![1];
    expect(drug).toEqual({
      valueCoding: { system: codeSystemOf('C6'), code: 'current_drug_known_to_cause_myoclonus', display: expect.any(String) },
      extension: [{ url: ANSWER_FROM_RECORD_URL, valueReference: { reference: 'MedicationRequest/med-gabapentin', display: 'Gabapentin 300 mg three times a day, active since 2026-03-02' } }],
    });
  });

  test('a record suggestion the answers no longer hold marks nothing', () => {
    const response = toQuestionnaireResponse({ ...RECORD_ANSWERS, C6: ['new_or_changed_drug'] }, content, SAVE_BACK);
    expect(marks(response).filter(([, , refs]) => (refs as string[]).length > 0)).toEqual([]);
  });

  test('the app’s own import reads a saved response back to the same answers, the record entries behind them and whom it names', () => {
    expect(fromQuestionnaireResponse(JSON.stringify(saved()), content)).toEqual({
      ok: true,
      answers: RECORD_ANSWERS,
      setAside: {},
      notes: [],
      fromRecord: RECORD_FROM,
      about: { subject: 'Patient/gabapentin-ckd', author: 'Practitioner/dr-okafor', source: 'Practitioner/dr-okafor' },
    });
  });

  test('a response downloaded without the record’s names carries the record entries only, and reads back to them', () => {
    const response = toQuestionnaireResponse(RECORD_ANSWERS, content, { authored: AUTHORED, fromRecord: RECORD_FROM });
    expect(Object.keys(response).filter((k) => ['subject', 'author', 'source'].includes(k))).toEqual([]);
    expect(fromQuestionnaireResponse(response, content)).toEqual({ ok: true, answers: RECORD_ANSWERS, setAside: {}, notes: [], fromRecord: RECORD_FROM });
  });

  test('an author R4 does not allow as source (an organisation) is author only', () => {
    const response = toQuestionnaireResponse(RECORD_ANSWERS, content, { authored: AUTHORED, author: 'Organization/clinic' });
    expect([response.author, response.source]).toEqual([{ reference: 'Organization/clinic' }, undefined]);
  });

  const UNREAD = /Some of the patient’s record entries given for “Which of these apply to the context of onset\?” could not be read .*; the answer itself is kept\./;
  const DRUG = 'current_drug_known_to_cause_myoclonus';
  const ref = (reference: string, display?: string) => ({ url: ANSWER_FROM_RECORD_URL, valueReference: { reference, ...(display === undefined ? {} : { display }) } });
  /** Judgement: a record entry the import cannot read is dropped with a note; the answer, which the coding gives, is kept. */
  const tampered: { name: string; code: string; extension: unknown[]; kept: string[] }[] = [
    { name: 'a string, not a reference', code: DRUG, extension: [{ url: ANSWER_FROM_RECORD_URL, valueString: 'MedicationRequest/med-gabapentin' }], kept: [] },
    { name: 'a reference to a type the record is not read for (Binary)', code: DRUG, extension: [ref('Binary/evil', 'Gabapentin')], kept: [] },
    { name: 'an absolute reference to another server', code: DRUG, extension: [ref('https://elsewhere.example/fhir/MedicationRequest/med-1', 'Gabapentin')], kept: [] },
    { name: 'a reference given with a second value', code: DRUG, extension: [{ ...ref(GABAPENTIN.reference, GABAPENTIN.text), valueString: 'x' }], kept: [] },
    { name: 'a text longer than any record entry', code: DRUG, extension: [ref(GABAPENTIN.reference, 'x'.repeat(501))], kept: [] },
    { name: 'one bad entry beside a good one (the good one is kept)', code: DRUG, extension: [ref('Binary/evil'), ref(GABAPENTIN.reference, GABAPENTIN.text)], kept: [GABAPENTIN.reference] },
    { name: 'an entry claimed for “Unknown / not assessed”', code: 'unknown', extension: [ref(GABAPENTIN.reference, GABAPENTIN.text)], kept: [] },
  ];

  test.for(tampered)('$name: the answer is kept, the entry left out, and the import says so', ({ code, extension, kept }) => {
    const response = code === 'unknown' ? toQuestionnaireResponse({ ...RECORD_ANSWERS, C6: UNKNOWN }, content, SAVE_BACK) : withExtension(code, extension);
    if (code === 'unknown') (response.item!.flatMap((g) => g.item ?? []).find((i) => i.linkId === 'C6')!.answer![0] as Record<string, unknown>)['extension'] = extension;
    const result = fromQuestionnaireResponse(JSON.parse(JSON.stringify(response)), content);
    if (!result.ok) throw new Error(result.message);
    expect({
      answers: result.answers,
      drug: result.fromRecord?.['C6']?.find((s) => s.value === DRUG)?.evidence.map((e) => e.reference) ?? [],
      notes: result.notes,
    }).toEqual({
      answers: code === 'unknown' ? { ...RECORD_ANSWERS, C6: UNKNOWN } : RECORD_ANSWERS,
      drug: kept,
      notes: [expect.stringMatching(UNREAD)],
    });
  });

  test('a record entry’s text cannot reorder or hide what is shown around it: control and direction characters are written as \\uXXXX', () => {
    const result = fromQuestionnaireResponse(withExtension(DRUG, [ref(GABAPENTIN.reference, 'Gabapentin\u202e 300 mg')]), content);
    expect(result.ok && result.fromRecord?.['C6']?.[0]?.evidence).toEqual([{ reference: GABAPENTIN.reference, text: 'Gabapentin\\u202e 300 mg' }]);
  });

  test('an extension of another kind on an answer is left aside, as before', () => {
    const result = fromQuestionnaireResponse(withExtension(DRUG, [{ url: 'http://example.org/fhir/StructureDefinition/note', valueString: 'seen' }]), content);
    expect(result.ok && { answers: result.answers, drug: result.fromRecord?.['C6']?.map((s) => s.value), notes: result.notes }).toEqual({
      answers: RECORD_ANSWERS,
      drug: ['metabolic_derangement'],
      notes: [],
    });
  });

  const modifier = [{ url: 'http://example.org/fhir/StructureDefinition/negated', valueBoolean: true }];
  test.for([
    { where: 'the response', edit: (r: Record<string, unknown>) => (r['modifierExtension'] = modifier), message: /^The response has an extension which changes what it holds means/ },
    {
      where: 'an item',
      edit: (r: Record<string, unknown>) => (((r['item'] as Record<string, unknown>[])[0]!['item'] as Record<string, unknown>[])[0]!['modifierExtension'] = modifier),
      message: /^Item "G1" has an extension which changes what it holds means/,
    },
    {
      where: 'an answer',
      edit: (r: Record<string, unknown>) =>
        ((((r['item'] as Record<string, unknown>[])[0]!['item'] as Record<string, unknown>[])[0]!['answer'] as Record<string, unknown>[])[0]!['modifierExtension'] = modifier),
      message: /^An answer to G1 has an extension which changes what it holds means \(R4 modifierExtension\)/,
    },
  ])('a modifierExtension on $where (it could say “not”) is refused, never read past', ({ edit, message }) => {
    const response = JSON.parse(JSON.stringify(saved())) as Record<string, unknown>;
    edit(response);
    expect(fromQuestionnaireResponse(response, content)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});
