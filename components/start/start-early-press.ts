/**
 * A press of "Start now" before the start page's scripts have run. On a slow connection the page is
 * painted seconds before its scripts arrive; a press then must not be silently lost (the form is
 * method="dialog", so the browser sends nothing). The start page carries `earlyPressScript` inline
 * (hashed into its CSP at build): it notes the press in `window.mnEarlyStart`, says on the line
 * under Start what happens next, and stops listening once the form (start-form.tsx) has taken over.
 */

/** What the line under Start says while this tab is checked for a case in progress. */
export const CHECKING = 'Checking for a case in progress…';
/** The same, once Start has been pressed with the box ticked: the press is taken when the check is done. */
export const PRESSED_WHILE_CHECKING = 'Checking for a case in progress… You will go on as soon as it is done.';
/** The same, once Start has been pressed with the box not ticked. */
export const TICK_FIRST = 'Tick the box above first, then press Start now.';

/** The inline script; the form's id is `start-form`, its box `attested`, the line `start-status`. */
export function earlyPressScript(): string {
  const words = JSON.stringify({ pressed: PRESSED_WHILE_CHECKING, tick: TICK_FIRST });
  return `(function(){var f=document.getElementById('start-form'),w=${words},e=window.mnEarlyStart={};if(!f)return;
function on(ev){ev.preventDefault();var box=document.getElementById('attested'),line=document.getElementById('start-status'),ok=!!(box&&box.checked);e.pressed=ok;if(line)line.textContent=ok?w.pressed:w.tick}
f.addEventListener('submit',on);e.stop=function(){f.removeEventListener('submit',on)}})();`;
}
