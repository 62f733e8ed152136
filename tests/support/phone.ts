/**
 * What a clinician at the bedside sees on a phone's first screen, measured in the page: whether a
 * control is in reach without scrolling, whether the page is wider than the screen, and the colours
 * of the radios and checkboxes for their contrast (WCAG 1.4.11, which axe does not check).
 */
import type { Locator, Page } from '@playwright/test';

export const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
] as const;

/**
 * Where an element stands: 'on the first screen' when the page is at its top, the element wholly
 * inside the screen and nothing drawn over its centre (a sticky bar, a banner); otherwise why not.
 */
export function firstScreenPlace(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    if (window.scrollY !== 0) return `the page is scrolled by ${window.scrollY} px`;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) return `outside the first screen: ${Math.round(r.top)}–${Math.round(r.bottom)} px of ${window.innerHeight}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit)) ? 'on the first screen' : `covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}">`;
  });
}

/** How much wider than the screen the page is (0: not at all). */
export const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The colours of one radio or checkbox as drawn, and of the page behind it. */
export type TControlColours = { kind: string; checked: boolean; ring: string; fill: string; dot: string | null; page: string };

/** Every radio and checkbox of the main part of the page, with its colours. */
export function controlColours(page: Page): Promise<TControlColours[]> {
  return page.getByRole('main').locator('input[type="radio"], input[type="checkbox"]').evaluateAll((inputs) =>
    inputs.map((el) => {
      const style = getComputedStyle(el);
      const input = el as HTMLInputElement;
      return {
        kind: input.type,
        checked: input.checked,
        ring: style.borderTopColor,
        fill: style.backgroundColor,
        // A radio's dot is the first colour of its gradient.
        dot: /rgba?\([^)]*\)/.exec(style.backgroundImage)?.[0] ?? null,
        page: getComputedStyle(document.body).backgroundColor,
      };
    }),
  );
}

/** The contrast ratio of two CSS colours (rgb() or opaque rgba(), as computed styles give them). */
export function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const c = Number(x) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * What falls short in one control's state: its ring against the page (3:1), and once chosen, the
 * fill that marks it (a checkbox's whole square, a radio's dot) against the page (3:1), so checked
 * and unchecked differ by more than a tick.
 */
export function stateShortfalls(c: TControlColours): string[] {
  const out: string[] = [];
  const need = (what: string, ratio: number) => {
    if (ratio < 3) out.push(`${c.kind}${c.checked ? ' checked' : ''}: ${what} ${ratio.toFixed(2)}:1`);
  };
  need('ring against the page', contrast(c.ring, c.page));
  if (c.checked) need('fill against the page', contrast(c.kind === 'radio' ? (c.dot ?? c.page) : c.fill, c.page));
  return out;
}
