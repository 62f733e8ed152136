// @vitest-environment jsdom
/**
 * The double-tap guard: the second tap of a double tap on Continue lands on the next page, under
 * the finger. It must not tick an answer or press Skip there; anything else must go through.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { guardRepeatPresses } from './repeat-press-guard';

let stop = () => {};
let reached: string[] = [];
const record = (e: Event) => reached.push((e.target as Element).id);

beforeEach(() => {
  window.history.replaceState(null, '', '/questionnaire#G2');
  document.body.innerHTML = '<button id="continue" data-moves-page="continue">Continue</button>';
  reached = [];
  document.addEventListener('click', record);
  stop = guardRepeatPresses();
});
afterEach(() => {
  stop();
  document.removeEventListener('click', record);
});

/** A click as a finger (no pointer type: not a mouse), a mouse or a key makes it. */
function click(id: string, at: [number, number], how: 'tap' | 'mouse' | 'mouse-double' | 'key' = 'tap') {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, clientX: at[0], clientY: at[1], detail: how === 'key' ? 0 : how === 'mouse-double' ? 2 : 1 });
  if (how === 'mouse' || how === 'mouse-double') Object.defineProperty(event, 'pointerType', { value: 'mouse' });
  document.getElementById(id)!.dispatchEvent(event);
  return event;
}

/** Continue pressed at (100, 400); the next page then has `html` where the finger is. */
function pressContinueThenShow(html: string, how: 'tap' | 'mouse' | 'mouse-double' = 'tap') {
  click('continue', [100, 400], how === 'mouse-double' ? 'mouse' : how);
  window.history.pushState(null, '', '/questionnaire#G3');
  document.body.innerHTML = html;
}

describe('the first tap on a new page, at the spot of the press that opened it', () => {
  test('does not tick the option there', () => {
    pressContinueThenShow('<input type="radio" id="present" name="G3">');
    const second = click('present', [104, 396]);
    expect({ prevented: second.defaultPrevented, reached }).toEqual({ prevented: true, reached: ['continue'] });
  });

  test('does not press the next page’s Skip; nor does the second click of a mouse double-click', () => {
    pressContinueThenShow('<button id="skip" data-moves-page="skip">Skip</button>');
    expect(click('skip', [100, 400]).defaultPrevented).toBe(true);
    window.history.replaceState(null, '', '/questionnaire#G2');
    document.body.innerHTML = '<button id="continue" data-moves-page="continue">Continue</button>';
    pressContinueThenShow('<button id="skip" data-moves-page="skip">Skip</button>', 'mouse-double');
    expect(click('skip', [100, 400], 'mouse-double').defaultPrevented).toBe(true);
  });
});

describe('near misses go through', () => {
  test.for([
    ['elsewhere on the page', [100, 480], 'tap'],
    ['a single mouse click', [100, 400], 'mouse'],
    ['a key press', [0, 0], 'key'],
  ] as const)('%s', ([, at, how]) => {
    pressContinueThenShow('<input type="radio" id="absent" name="G3">');
    expect(click('absent', [...at], how).defaultPrevented).toBe(false);
  });

  test('the same kind of control (Back twice goes back twice)', () => {
    pressContinueThenShow('<button id="next" data-moves-page="continue">Continue</button>');
    expect(click('next', [100, 400]).defaultPrevented).toBe(false);
  });

  test('a second tap on the same page (nothing moved)', () => {
    click('continue', [100, 400]);
    document.body.insertAdjacentHTML('beforeend', '<input type="radio" id="here" name="G2">');
    expect(click('here', [100, 400]).defaultPrevented).toBe(false);
  });

  test('only the first tap on the new page is held back: the next one goes through', () => {
    pressContinueThenShow('<input type="radio" id="present" name="G3">');
    click('present', [100, 400]);
    expect(click('present', [100, 400]).defaultPrevented).toBe(false);
  });
});
