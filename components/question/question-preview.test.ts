// @vitest-environment jsdom
/**
 * The question page's inline script reads saved progress with the format's own `readSaved`, carried
 * as source: it shows the named question, its saved answer ticked, exactly when the saved progress
 * stands there; anything the format's reader refuses keeps the loading line.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { content } from '../../content/index';
import { serialise, STORAGE_KEY } from '../../machines/exchange/session-format';
import { showNamedQuestion } from './preview-script';

const noGuard = { always: false, byQuestion: {} };

/** The page's previews of G1 and G2, the loading line, the script run as the page would run it. */
function openPage(hash: string, saved: string | null, full = false) {
  document.body.innerHTML = `<div id="question-loading"></div><div id="question-preview-shown"></div><div hidden><template id="question-preview-parts">
    <div id="question-preview-G1" data-question-preview hidden><input id="question-preview-G1-positive_jerks" type="radio"></div>
    <div id="question-preview-G2" data-question-preview hidden><input id="question-preview-G2-no" type="radio"><input id="question-preview-G2-yes" type="radio"></div>
    </template></div>`;
  window.location.hash = hash;
  if (saved !== null) window.sessionStorage.setItem(STORAGE_KEY, saved);
  if (full)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
  // The same text the page carries inline (and its CSP hashes).
  new Function(showNamedQuestion(noGuard))();
  // Only a copy in the page counts: the template's parts are not in it.
  const shown = document.querySelector<HTMLElement>('#question-preview-shown > [data-question-preview]:not([hidden])')?.id ?? null;
  const ticked = [...document.querySelectorAll<HTMLInputElement>('input')].filter((i) => i.checked).map((i) => i.id);
  return { shown, ticked, loading: !document.getElementById('question-loading')!.hidden };
}

const at = (question: string, over: Partial<Parameters<typeof serialise>[0]> = {}) =>
  serialise({ answers: { G1: 'positive_jerks', G2: 'no' }, position: { question }, attested: true, ...over }, content);

afterEach(() => {
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

describe('the inline picture of the question reads saved progress with the format’s reader', () => {
  test('saved progress at the named question: that question shows, its saved answer ticked', () => {
    expect(openPage('#G2', at('G2'))).toEqual({ shown: 'question-preview-G2', ticked: ['question-preview-G2-no'], loading: false });
  });

  test('saved progress in the middle of a change shows the question too', () => {
    expect(openPage('#G2', at('G2', { change: { question: 'G2', queue: [] } })).shown).toBe('question-preview-G2');
  });

  test.for([
    ['nothing saved', null],
    ['saved at another question', at('G1')],
    ['saved by another content version', at('G2').replace(`"contentVersion":"${content.version}"`, '"contentVersion":"0.9.0"')],
    ['not confirmed on the start page', at('G2', { attested: false })],
    ['damaged', '{"contentVersion":'],
    ['larger than any real session', `${at('G2').slice(0, -1)},"pad":"${'x'.repeat(20_000)}"}`],
  ] as const)('%s: the loading line stays', ([, saved]) => {
    expect(openPage('#G2', saved)).toEqual({ shown: null, ticked: [], loading: true });
  });

  test('a tab too full to save in: the loading line stays (the page says so above the question)', () => {
    expect(openPage('#G2', at('G2'), true)).toEqual({ shown: null, ticked: [], loading: true });
  });

  // Back or Forward to another question before the form comes shows that one; once the form has
  // come (its place hidden for good, QuestionPreviews), the script leaves the page to the form.
  test.for([
    ['before the form comes: the question gone to shows', false, 'question-preview-G1'],
    ['once the form has come: nothing is copied, the loading line is left alone', true, null],
  ] as const)('a new fragment %s', ([, formCame, expected]) => {
    openPage('#G2', at('G2'));
    const shown = document.getElementById('question-preview-shown')!;
    const loading = document.getElementById('question-loading')!;
    if (formCame) {
      shown.replaceChildren();
      shown.hidden = true;
      loading.hidden = false;
    }
    window.sessionStorage.setItem(STORAGE_KEY, at('G1'));
    window.location.hash = '#G1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(shown.querySelector('[data-question-preview]')?.id ?? null).toBe(expected);
    expect(loading.hidden).toBe(!formCame);
  });
});
