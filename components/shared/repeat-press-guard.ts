/**
 * A double tap must not answer the next question. Continue (or Skip, Back, Change…) moves to a page
 * whose controls then sit under the finger: the page scrolls to its top, and the second tap of a
 * double tap ticked whatever option or button it landed on — G3 "Present" after G2, C1 "Acutely",
 * D2's "Skip the rest of this section". So the first click on a new page, if it comes within a
 * moment of a press marked `data-moves-page` and at the same spot, is ignored — unless it lands on
 * a control of the same kind (Back twice goes back twice). Only taps (touch, pen) and the second
 * click of a mouse double-click are held back: single mouse clicks and keys never are. Any click
 * that goes through disarms it.
 */
const WINDOW_MS = 600;
const RADIUS_PX = 32;

let press: { x: number; y: number; at: number; address: string; kind: string } | null = null;
const address = () => `${window.location.pathname}${window.location.hash}`;

function onClick(event: MouseEvent) {
  // Keyboard activation has detail 0; a click event in Chrome is a PointerEvent with its pointer type.
  const pointer = event.detail > 0;
  const tap = pointer && ((event as PointerEvent).pointerType !== 'mouse' || event.detail >= 2);
  const target = event.target instanceof Element ? event.target : null;
  const kind = target?.closest('[data-moves-page]')?.getAttribute('data-moves-page') ?? null;
  if (press !== null) {
    const first = press;
    press = null;
    const repeat =
      tap &&
      event.timeStamp - first.at <= WINDOW_MS &&
      address() !== first.address &&
      kind !== first.kind &&
      Math.abs(event.clientX - first.x) <= RADIUS_PX &&
      Math.abs(event.clientY - first.y) <= RADIUS_PX;
    if (repeat) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
  }
  if (pointer && kind !== null) press = { x: event.clientX, y: event.clientY, at: event.timeStamp, address: address(), kind };
}

/** Listens on the whole document, in the capture phase (before React sees the click). */
export function guardRepeatPresses(): () => void {
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}
