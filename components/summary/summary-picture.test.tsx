// @vitest-environment jsdom
/**
 * The summary's inline picture: shown on a reload only when it is what the summary will show above
 * and among its rows — the same rows, the same answers, the same notice — and never when the page
 * would add a red flag, an unanswered notice, set-aside answers or a record's patient line. Run as
 * the page runs it: the component's own HTML, the script's own text.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, test } from 'vitest';
import { content, type TQuestion, UNKNOWN } from '../../content/index';
import { isGateClosed, settleAnswers, type TAnswers } from '../../machines/answers/answers';
import { answerKind, answerText } from '../../machines/answers/vocabulary';
import { redFlagsOf, assess } from '../../machines/assessment/assess';
import { serialise, STORAGE_KEY } from '../../machines/exchange/session-format';
import { RECORD_KEY } from '../../machines/record/key';
import { unansweredFlagsOf, unansweredSection } from '../../machines/result/unanswered';
import { answersOf, loadVignette } from '../../tests/support/vignettes';
import { pictureGuardOf, showSummaryPicture, SummaryPicture } from './summary-picture';

const guard = pictureGuardOf(content.redFlags);
const markup = renderToStaticMarkup(<SummaryPicture guard={guard} beforeResults="Before the results." />).replace(/<script>[\s\S]*<\/script>/, '');

/** Text as a reader sees it: hidden elements left out. */
const visibleText = (node: Node): string =>
  node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : node instanceof Element && node.hasAttribute('hidden') ? '' : [...node.childNodes].map(visibleText).join('');

type TShown = { rows: [string, string, boolean][]; gate: boolean } | null;

/** The summary's HTML, `saved` in the tab, the script run as the page runs it: what it shows. */
function openSummary(saved: string, record = false): TShown {
  document.body.innerHTML = markup;
  window.sessionStorage.setItem(STORAGE_KEY, saved);
  if (record) window.sessionStorage.setItem(RECORD_KEY, '{}');
  new Function(showSummaryPicture(guard))();
  const loading = !document.getElementById('summary-loading')!.hidden;
  const picture = document.getElementById('summary-picture')!;
  expect(picture.hidden).toBe(loading);
  if (loading) return null;
  const rows = [...picture.querySelectorAll<HTMLElement>('.summary-list__row')]
    .filter((row) => !row.hidden && !row.closest('section')!.hidden)
    .map((row): [string, string, boolean] => {
      const answer = row.querySelector('.summary-list__answer')!;
      return [visibleText(row.querySelector('dt')!), visibleText(answer), answer.classList.contains('not-provided')];
    });
  return { rows, gate: !document.getElementById('summary-picture-gate')!.hidden };
}

/** What the summary shows once its answers are read (summary-view.tsx), for settled answers. */
function summaryOf(answers: TAnswers) {
  const enabled = content.questions.filter((q) => settleAnswers(answers, content).enabled.includes(q));
  return {
    rows: enabled.map((q): [string, string, boolean] => [q.prompt, answerText(q, answers[q.id]), answerKind(answers[q.id]) !== 'answered']),
    gate: isGateClosed(enabled, content),
    redFlags: redFlagsOf(answers, content),
    unanswered: unansweredSection(enabled, answers, unansweredFlagsOf(assess(answers, content), content)),
  };
}

const atSummary = (answers: TAnswers, over: Partial<Parameters<typeof serialise>[0]> = {}) =>
  serialise({ answers, position: 'summary', attested: true, ...over }, content);

afterEach(() => {
  window.sessionStorage.clear();
});

const v01 = settleAnswers(answersOf(loadVignette('V01')), content).answers;

describe('the summary’s picture before its answers are read', () => {
  test('V01 (progressive myoclonus epilepsy, every question answered, no red flag): every row, as the summary shows it', () => {
    const shown = openSummary(atSummary(v01));
    const { rows, gate } = summaryOf(v01);
    expect(shown).toEqual({ rows, gate });
    expect(rows.length).toBeGreaterThan(20);
  });

  // Near misses: one thing each that the summary adds above or among its rows, or a reading it refuses.
  const firstFlagQuestion = content.questions.find((q) => guard.flagQuestions.includes(q.id) && v01[q.id] !== undefined)!;
  test.for([
    ['a case launched from a record (its patient line comes above)', atSummary(v01), true],
    ['progress not confirmed on the start page', atSummary(v01, { attested: false }), false],
    ['progress standing at a question', atSummary(v01, { position: { question: 'A1' } }), false],
    ['progress standing at the result', atSummary(v01, { position: 'result' }), false],
    ['progress from another content version', atSummary(v01).replace(`"contentVersion":"${content.version}"`, '"contentVersion":"0.9.0"'), false],
    ['an enabled question left unanswered', atSummary(Object.fromEntries(Object.entries(v01).filter(([id]) => id !== 'A1'))), false],
    [`"Unknown" for ${firstFlagQuestion.id}, which could raise a red flag`, atSummary({ ...v01, [firstFlagQuestion.id]: UNKNOWN }), false],
    ['an answer set aside', atSummary(v01, { setAside: { E1: 'cortical' } }), false],
    ['an answer to a question these answers do not ask', atSummary({ ...v01, E1: 'cortical' }), false],
    ['damaged progress', '{"contentVersion":', false],
  ] as const)('%s: the loading line stays', ([, saved, record]) => {
    expect(openSummary(saved, record)).toBeNull();
  });

  test('a red flag raised: the loading line stays (the summary names it above the rows)', () => {
    const flagged = content.redFlags.find((r) => 'question' in r.when && r.when.op === 'is')!.when as { question: string; value: string };
    const answers = settleAnswers({ ...v01, [flagged.question]: flagged.value }, content).answers;
    expect(redFlagsOf(answers, content)).not.toEqual([]);
    expect(openSummary(atSummary(answers))).toBeNull();
  });

  test('over cases near the clean ones it shows exactly the summary’s rows, or nothing: never where a red flag, an open question or a set-aside answer would come', () => {
    // The vignettes the picture shows, each with a few answers changed, cleared or made "Unknown":
    // most changes raise a red flag, open a question, enable one or set answers aside.
    const bases = ['P02', 'P07', 'P54', 'V01', 'V08', 'V18'].map((id) => answersOf(loadVignette(id)));
    const change = (q: TQuestion) => {
      const ids = q.options.map((o) => o.id);
      const value = q.kind === 'single' ? fc.constantFrom<string>(...ids) : fc.subarray(ids, { minLength: 1 });
      return fc.tuple(fc.constant(q.id), fc.oneof(value, fc.constant(UNKNOWN), fc.constant(null)));
    };
    const changes = fc.array(fc.oneof(...content.questions.map(change)), { maxLength: 3 });
    let pictured = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), changes, fc.boolean(), (base, edits, keepSetAside) => {
        const raw: Record<string, string | readonly string[]> = { ...base };
        for (const [id, value] of edits) {
          if (value === null) delete raw[id];
          else raw[id] = value;
        }
        const { answers, setAside } = settleAnswers(raw, content);
        const shown = openSummary(atSummary(answers, keepSetAside ? { setAside } : {}));
        if (shown === null) {
          refused++;
          return;
        }
        pictured++;
        const summary = summaryOf(answers);
        expect(shown).toEqual({ rows: summary.rows, gate: summary.gate });
        expect(summary.redFlags).toEqual([]);
        expect(summary.unanswered).toBeNull();
        if (keepSetAside) expect(setAside).toEqual({});
      }),
      { numRuns: 150 },
    );
    // Not vacuous: both sides are reached.
    expect(pictured).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
