// @vitest-environment jsdom
/**
 * The result's picture (result-picture.tsx): a reload of the result paints the result this tab last
 * drew, before the scripts load — and only when it was drawn by this build from exactly the progress
 * saved now. A picture kept for other answers, another build, a case from the record or a tab too
 * full to save is never drawn; nor is anything in a kept picture that is not on the picture's lists
 * (a tampered tab: no script, no handler, no style, no link off the site). Run as the page runs it:
 * the page's markup, the script's own text.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { content } from '../../content/index';
import type { TAnswers } from '../../machines/answers/answers';
import { assess } from '../../machines/assessment/assess';
import { serialise, STORAGE_KEY } from '../../machines/exchange/session-format';
import { RESULT_PICTURE_KEY } from '../../machines/exchange/storage-key';
import { RECORD_KEY } from '../../machines/record/key';
import { resultDocument } from '../../machines/result/document';
import { answersOf, loadVignette } from '../../tests/support/vignettes';
import { keepPicture, pictureOf } from './keep-picture';
import { RESULT_PICTURE } from './picture-ids';
import { showResultPicture } from './picture-script';
import { PICTURE_ALLOWED, type TPictureNode } from './picture-tree';
import { ResultSections } from './result-sections';

const STAMP = 'this-build';
const script = showResultPicture(STAMP);

/** The result view's opening as the page draws it (result-view.tsx), for `answers`. */
const viewOf = (answers: TAnswers) =>
  `<div class="result"><a class="back-link" href="/summary">Back to your answers</a><h1>Assessment</h1>${renderToStaticMarkup(
    <ResultSections document={resultDocument(assess(answers, content), { answers, setAside: {}, fromRecord: {}, record: null }, content)} />,
  )}<section class="export"><h2>Export</h2><button type="button">Download the PDF</button></section></div>`;

const atResult = (answers: TAnswers) => serialise({ answers, position: 'result', attested: true }, content);

/** The result's HTML before its scripts: the loading line, the place for the picture. */
const pageMarkup = `<div id="${RESULT_PICTURE.loading}"><h1 data-loading="">Assessment</h1><p role="status">Loading</p></div><div id="${RESULT_PICTURE.shown}"></div>`;

/** The tab as the result page left it: `answers` saved, and the picture kept of their result. */
function resultShown(answers: TAnswers) {
  document.body.innerHTML = viewOf(answers);
  window.sessionStorage.setItem(STORAGE_KEY, atResult(answers));
  keepPicture(document.querySelector('.result')!, window.sessionStorage, STAMP);
}

/** Load the result: its HTML, then the script run as the page runs it. The picture drawn, or null. */
function reload(): HTMLElement | null {
  document.body.innerHTML = pageMarkup;
  new Function(script)();
  const shown = document.getElementById(RESULT_PICTURE.shown)!;
  const loading = !document.getElementById(RESULT_PICTURE.loading)!.hidden;
  expect(shown.childElementCount).toBe(loading ? 0 : 1);
  return loading ? null : (shown.firstElementChild as HTMLElement);
}

/** Every element's tag and classes, and the words: what decides the boxes a picture takes. */
const outline = (root: Element) => ({
  elements: [root, ...root.querySelectorAll('*')].filter((e) => e.getAttribute('role') !== 'status').map((e) => `${e.localName}.${e.getAttribute('class') ?? ''}`),
  words: [...root.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('role') === 'status')).map((n) => n.textContent).join(''),
});

/** The page's opening, up to what can be pressed: what the picture stands for. */
function opening(answers: TAnswers) {
  document.body.innerHTML = viewOf(answers);
  const view = document.querySelector('.result')!.cloneNode(true) as Element;
  view.querySelector('.export')!.remove();
  return outline(view);
}

const vignettes = ['V01', 'V03', 'V08', 'V12', 'V18', 'V20', 'V22', 'P44', 'P50', 'P54', 'P56', 'P57', 'P60'];

afterEach(() => {
  vi.restoreAllMocks();
  window.sessionStorage.clear();
  document.body.innerHTML = '';
});

describe('a reload of the result paints the result this tab last drew', () => {
  test.for(vignettes)('%s: the same elements and words as the page, up to what can be pressed; the heading marked as a placeholder', (id) => {
    const answers = answersOf(loadVignette(id));
    resultShown(answers);
    const picture = reload();
    expect(picture).not.toBeNull();
    expect(outline(picture!)).toEqual(opening(answers));
    expect(picture!.querySelector('h1')!.hasAttribute('data-loading')).toBe(true);
    expect(picture!.querySelector('[role="status"]')!.textContent).toBe('Loading your answers from this tab…');
    // Nothing to press, and no id the page's own elements then have.
    expect(picture!.querySelector('button, input, [id], [aria-labelledby]')).toBeNull();
  });

  test('a picture whose page never comes (its scripts did not load) gives way to the loading line', () => {
    vi.useFakeTimers();
    try {
      resultShown(answersOf(loadVignette('V01')));
      expect(reload()).not.toBeNull();
      vi.advanceTimersByTime(PICTURE_ALLOWED.stale - 1);
      expect(document.getElementById(RESULT_PICTURE.shown)!.childElementCount).toBe(1);
      vi.advanceTimersByTime(1);
      expect(document.getElementById(RESULT_PICTURE.shown)!.childElementCount).toBe(0);
      expect(document.getElementById(RESULT_PICTURE.loading)!.hidden).toBe(false);
      // Once the page has drawn the result (the picture's place hidden), the timer leaves it alone.
      expect(reload()).not.toBeNull();
      document.getElementById(RESULT_PICTURE.shown)!.hidden = true;
      vi.advanceTimersByTime(PICTURE_ALLOWED.stale);
      expect(document.getElementById(RESULT_PICTURE.loading)!.hidden).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('the score chart is drawn as SVG, and the red flags above the result when there are any', () => {
    resultShown(answersOf(loadVignette('V22')));
    const picture = reload()!;
    expect(picture.querySelector('svg')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(picture.querySelector('svg rect')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(picture.querySelector('.red-flags')!.compareDocumentPosition(picture.querySelector('.result-status')!)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });
});

describe('never a picture of anything but the result saved now', () => {
  const v01 = answersOf(loadVignette('V01'));
  const v22 = answersOf(loadVignette('V22'));

  test('progress that does not stand, confirmed, at the result: none kept, none drawn', () => {
    const elsewhere = [serialise({ answers: v01, position: 'summary', attested: true }, content), serialise({ answers: v01, position: 'result', attested: false }, content)];
    for (const saved of elsewhere) {
      // The result's address opened over progress saved elsewhere: the result shows, and saves no move.
      document.body.innerHTML = viewOf(v01);
      window.sessionStorage.setItem(STORAGE_KEY, saved);
      keepPicture(document.querySelector('.result')!, window.sessionStorage, STAMP);
      expect(window.sessionStorage.getItem(RESULT_PICTURE_KEY)).toBeNull();
    }
    // A picture kept beside progress the page would not read (tampered): not drawn.
    for (const saved of [...elsewhere, '', '{', JSON.stringify({ position: 'result', attested: true, __proto__: null }).replace('{', '{"__proto__":{},')]) {
      window.sessionStorage.setItem(STORAGE_KEY, saved);
      window.sessionStorage.setItem(RESULT_PICTURE_KEY, JSON.stringify({ stamp: STAMP, session: saved, tree: ['div', {}, ['h1', {}, 'Assessment']] }));
      expect(reload()).toBeNull();
    }
  });

  test('other answers saved since: another case, one answer changed, or the same answers at another place', () => {
    for (const saved of [atResult(v22), atResult({ ...v01, G1: 'unknown' }), serialise({ answers: v01, position: 'summary', attested: true }, content)]) {
      resultShown(v01);
      window.sessionStorage.setItem(STORAGE_KEY, saved);
      expect(reload()).toBeNull();
    }
  });

  test('nothing saved; nothing kept; kept by another build', () => {
    resultShown(v01);
    window.sessionStorage.removeItem(STORAGE_KEY);
    expect(reload()).toBeNull();
    resultShown(v01);
    window.sessionStorage.removeItem(RESULT_PICTURE_KEY);
    expect(reload()).toBeNull();
    resultShown(v01);
    const kept = JSON.parse(window.sessionStorage.getItem(RESULT_PICTURE_KEY)!);
    window.sessionStorage.setItem(RESULT_PICTURE_KEY, JSON.stringify({ ...kept, stamp: 'another-build' }));
    expect(reload()).toBeNull();
  });

  test('a case launched from the record: none kept, none drawn (its patient line comes above the result)', () => {
    window.sessionStorage.setItem(RECORD_KEY, '{}');
    resultShown(v01);
    expect(window.sessionStorage.getItem(RESULT_PICTURE_KEY)).toBeNull();
    window.sessionStorage.removeItem(RECORD_KEY);
    resultShown(v01);
    window.sessionStorage.setItem(RECORD_KEY, '{}');
    expect(reload()).toBeNull();
  });

  test('a tab too full to save: none drawn (the page says so above the result), and none kept, the old one gone', () => {
    resultShown(v01);
    const full = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(reload()).toBeNull();
    document.body.innerHTML = viewOf(v01);
    keepPicture(document.querySelector('.result')!, window.sessionStorage, STAMP);
    full.mockRestore();
    expect(window.sessionStorage.getItem(RESULT_PICTURE_KEY)).toBeNull();
  });
});

describe('a tampered picture draws nothing', () => {
  /** Keep `tree` as the picture of the progress saved now, by this build. */
  const tampered = (tree: unknown) => {
    const session = atResult(answersOf(loadVignette('V01')));
    window.sessionStorage.setItem(STORAGE_KEY, session);
    window.sessionStorage.setItem(RESULT_PICTURE_KEY, JSON.stringify({ stamp: STAMP, session, tree }));
    return reload();
  };
  const h1 = ['h1', {}, 'Assessment'];

  test('the same picture, untampered, is drawn (the cases below differ from it in one place)', () => {
    expect(tampered(['div', { class: 'result' }, h1, ['a', { href: '/summary' }, 'Back'], ['a', { href: '#scores' }, 'Scores']])).not.toBeNull();
  });

  test.for([
    ['a script', ['div', {}, h1, ['script', {}, 'alert(1)']]],
    ['a handler', ['div', {}, h1, ['p', { onclick: 'alert(1)' }, 'x']]],
    ['a style', ['div', {}, h1, ['p', { style: 'display:none' }, 'x']]],
    ['an id', ['div', {}, h1, ['p', { id: 'category-title' }, 'x']]],
    ['a link to another site', ['div', {}, h1, ['a', { href: '//example.com/' }, 'x']]],
    ['a script link', ['div', {}, h1, ['a', { href: 'javascript:alert(1)' }, 'x']]],
    // A browser reads `\` as `/`, and drops tabs and line breaks: each of these leads off the site.
    ['a link to another site, by a backslash', ['div', {}, h1, ['a', { href: '/\\evil.example/x' }, 'x']]],
    ['a link to another site, by a tab', ['div', {}, h1, ['a', { href: '/\t/evil.example/x' }, 'x']]],
    ['a link to another site, by a line break', ['div', {}, h1, ['a', { href: '/\n/evil.example/x' }, 'x']]],
    ['a link to another site, in the chart', ['div', {}, h1, ['svg', {}, ['a', { href: '/\\evil.example/x' }, 'x']]]],
    ['an image', ['div', {}, h1, ['img', { class: 'x' }]]],
    ['a form', ['div', {}, h1, ['form', {}, ['button', {}, 'Go']]]],
    ['a foreign object in the chart', ['div', {}, h1, ['svg', {}, ['foreignObject', {}, 'x']]]],
    ['an attribute not a text', ['div', {}, h1, ['p', { class: 1 }, 'x']]],
    ['attributes that are a list', ['div', [], h1]],
    ['a __proto__ attribute', JSON.parse('["div",{"__proto__":{"class":"x"}},["h1",{},"Assessment"]]')],
    ['a number for a child', ['div', {}, h1, 42]],
    ['text for the picture', 'Most likely: Cortical'],
    ['no heading', ['div', {}, ['p', {}, 'x']]],
    ['more elements than a result has', ['div', {}, h1, ...Array.from({ length: PICTURE_ALLOWED.maxNodes }, () => ['span', {}])]],
    ['more texts than a result has', ['div', {}, h1, ['p', {}, ...Array.from({ length: PICTURE_ALLOWED.maxNodes }, () => 'x')]]],
    ['more words than a result has', ['div', {}, h1, ['p', {}, 'x'.repeat(PICTURE_ALLOWED.maxLength)]]],
  ] as [string, unknown][])('%s', ([, tree]) => {
    expect(tampered(tree)).toBeNull();
  });

  test('whatever a link says, a drawn link stays on the site, as the browser reads its address', () => {
    const tricky = fc.constantFrom('/', '//', '\\', '/\\', '#', '\t', '\n', '\r', ' ', '%2F', 'evil.example', ':', '@', '.', 'https:', 'javascript:');
    const href = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(href, fc.boolean(), (address, inChart) => {
        const link = ['a', { href: address }, 'Back to your answers'];
        const picture = tampered(['div', {}, ['h1', {}, 'Assessment'], inChart ? ['svg', {}, link] : link]);
        if (picture !== null) expect(new URL(address, 'https://app.example/result').origin).toBe('https://app.example');
      }),
      { numRuns: 500 },
    );
  });

  test('not JSON, or not a picture at all', () => {
    const session = atResult(answersOf(loadVignette('V01')));
    window.sessionStorage.setItem(STORAGE_KEY, session);
    for (const kept of ['{', 'null', '[]', '"x"', JSON.stringify({ stamp: STAMP, session }), JSON.stringify({ stamp: STAMP, session: { toString: 1 }, tree: ['div', {}, ['h1', {}]] })]) {
      window.sessionStorage.setItem(RESULT_PICTURE_KEY, kept);
      expect(reload()).toBeNull();
    }
  });

  test('whatever is kept, the script ends without an error, and draws only elements and attributes on its lists', () => {
    const tag = fc.constantFrom(...PICTURE_ALLOWED.tags, 'script', 'img', 'iframe', 'style', 'foreignObject');
    const attributes = fc.dictionary(
      fc.constantFrom(...PICTURE_ALLOWED.attributes, 'href', 'href', 'onload', 'style', 'id', 'src'),
      fc.oneof(fc.string(), fc.constantFrom('/x', '//x', 'javascript:x', '#x', '/\\x.example', '/\t/x.example', '\\\\x.example', ' //x.example', '/%2F/x')),
    );
    const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((t) => ({
      tree: fc.tuple(tag, attributes, fc.array(t('node'), { maxLength: 4 })).map(([name, a, children]) => [name, a, ...children]),
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string(), t('tree'), fc.integer(), fc.constant(null)),
    }));
    const h1s = tree.map((t) => ['div', {}, ['h1', {}, 'Assessment'], t]);
    fc.assert(
      fc.property(h1s, (kept) => {
        const picture = tampered(kept);
        if (picture === null) return;
        for (const element of [picture, ...picture.querySelectorAll('*')]) {
          expect(PICTURE_ALLOWED.tags).toContain(element.localName);
          // An HTML element lowers an attribute's name (`viewbox` on a `div` does nothing).
          for (const { name } of element.attributes) expect([...PICTURE_ALLOWED.attributes, 'data-loading'].map((a) => a.toLowerCase())).toContain(name.toLowerCase());
        }
        // Every link leads where the browser would take it on this site: judged by the browser's own
        // reading of the address, not by the rule the script applies.
        for (const link of picture.querySelectorAll('a')) {
          const href = link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
          if (href !== null) expect(new URL(href, 'https://app.example/result').origin).toBe('https://app.example');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('what is kept', () => {
  test('a browser that denies storage: nothing kept, and no error', () => {
    document.body.innerHTML = viewOf(answersOf(loadVignette('V01')));
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => keepPicture(document.querySelector('.result')!)).not.toThrow();
  });

  test('the view up to its first part with something to press; nothing of a view without a heading is drawn', () => {
    document.body.innerHTML = '<div class="result"><h1>Assessment</h1><p>One</p><div><button>Press</button></div><p>After</p></div>';
    expect(pictureOf(document.querySelector('.result')!, Infinity)).toEqual(['div', { class: 'result' }, ['h1', {}, 'Assessment'], ['p', {}, 'One']] satisfies TPictureNode);
  });
});
