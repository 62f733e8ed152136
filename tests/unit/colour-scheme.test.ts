/**
 * The dark colour scheme changes colours and nothing else: under `prefers-color-scheme` the style
 * sheets only give the light scheme's colour properties other colours. That is what lets the phone
 * test (tests/e2e/phone.spec.ts) measure each page's layout once per screen size rather than once
 * per size and scheme: a dark rule that moved, sized or hid anything would make it blind, and fails
 * here instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const sheets = ['app', 'components'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.css'))
    .map((f) => join(dir, f)),
);

/** The blocks of `@media (…prefers-color-scheme…) { … }`, braces balanced. */
function schemeBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const m of css.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push(css.slice(start, i - 1));
  }
  return blocks;
}

/** `--name: value;` pairs of a block's rules (the selector must be `:root`). */
function declarations(block: string): { selector: string; name: string; value: string }[] {
  return [...block.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap(([, selector, body]) =>
    body!
      .split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return { selector: selector!.trim(), name: d.slice(0, colon).trim(), value: d.slice(colon + 1).trim() };
      }),
  );
}

/** A value with its colours taken out: `#0b0c0c` and `%230b0c0c` (a colour in a data URL) alike. */
const withoutColours = (value: string) => value.replace(/(#|%23)[0-9a-f]{3,8}\b/gi, 'COLOUR');

describe('the dark colour scheme', () => {
  const css = Object.fromEntries(sheets.map((f) => [f, readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')]));
  const light = new Map(
    Object.values(css).flatMap((text) => declarations(text.replace(/@media[^{]*prefers-color-scheme[\s\S]*$/, '')).filter((d) => d.selector === ':root').map((d) => [d.name, d.value] as const)),
  );
  const dark = Object.entries(css).flatMap(([file, text]) => schemeBlocks(text).flatMap((b) => declarations(b).map((d) => ({ file, ...d }))));

  test('exists, so that the checks below are not vacuous', () => {
    expect(dark.length).toBeGreaterThan(10);
  });

  test('only sets custom properties on :root, each one the light scheme sets too, to a value that differs from it in colours alone', () => {
    const other = dark.filter((d) => d.selector !== ':root' || !d.name.startsWith('--') || !light.has(d.name) || withoutColours(d.value) !== withoutColours(light.get(d.name)!));
    expect(other.map((d) => `${d.file}: ${d.selector} { ${d.name}: ${d.value} }`)).toEqual([]);
  });

  test('no custom property the dark scheme sets is used for anything but a colour or a picture', () => {
    const names = new Set(dark.map((d) => d.name));
    const uses = Object.entries(css).flatMap(([file, text]) =>
      [...text.matchAll(/([a-z-]+)\s*:\s*([^;{}]*var\((--[a-z-]+)\)[^;{}]*)/g)]
        .filter(([, property, , name]) => names.has(name!) && !/^(color|background|background-color|border-color|border(-(top|right|bottom|left))?|outline(-color)?|box-shadow|fill|stroke|text-decoration-color|accent-color|caret-color|background-image|--[a-z-]+)$/.test(property!))
        .map(([, property, value]) => `${file}: ${property}: ${value}`),
    );
    expect(uses).toEqual([]);
  });
});
