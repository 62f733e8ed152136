/**
 * The recap's fonts are cut at build to the characters the recap can print (scripts/pdf-fonts.mjs).
 * These tests cut them as the build does and fail when the content, a result or a case label within
 * the allowed ranges uses a character the cut fonts lack (it would print as an empty box).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { CASE_LABEL_RANGES, DATE_CHARACTERS, RECAP_FONTS, recapCharacters, subsetOf } from '../../../scripts/pdf-fonts.mjs';
import { content } from '../../../content/index';
import { answersOf, loadVignettes } from '../../../tests/support/vignettes';
import { assess } from '../../../machines/assessment/assess';
import { resultDocument } from '../../../machines/result/document';

type TFont = ReturnType<typeof create>;
const root = join(import.meta.dirname, '../../..');
const fonts = new Map<string, { whole: TFont; cut: TFont }>();

beforeAll(async () => {
  const text = recapCharacters();
  for (const name of RECAP_FONTS) {
    const whole = readFileSync(join(root, 'public/fonts', name));
    fonts.set(name, { whole: create(whole), cut: create(await subsetOf(whole, text)) });
  }
}, 60_000);

/** Every string in a value (objects and arrays walked), as one text. */
function stringsIn(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringsIn).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(stringsIn).join(' ');
  return '';
}

/** The printable characters of a text that a font has no glyph for. */
const missingFrom = (font: TFont, text: string) =>
  [...new Set(text)].filter((c) => c.codePointAt(0)! >= 0x20 && !font.hasGlyphForCodePoint(c.codePointAt(0)!));

function font(name: string) {
  const f = fonts.get(name);
  if (!f) throw new Error(`${name} was not cut`);
  return f;
}

/** The result document of every answer file in tests/vignettes: what a recap of each prints. */
function vignetteResults(): string {
  return loadVignettes()
    .map((v) => {
      const answers = answersOf(v);
      return stringsIn(resultDocument(assess(answers, content), { answers, setAside: {} }, content));
    })
    .join(' ');
}

const range = ([from, to]: readonly [number, number]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

describe.for(RECAP_FONTS)('%s, cut to the recap’s characters', (name) => {
  test('has every character of the content bundle', () => {
    expect(missingFrom(font(name).cut, stringsIn(content))).toEqual([]);
  });

  test('has every character of the result of each vignette', () => {
    expect(missingFrom(font(name).cut, vignetteResults())).toEqual([]);
  });

  test('has every character a case label may hold, and the spaces and minus of a date', () => {
    expect(missingFrom(font(name).cut, CASE_LABEL_RANGES.map(range).join('') + DATE_CHARACTERS)).toEqual([]);
  });

  test('lacks a character nothing in the recap uses, which the whole font has (the check can fail)', () => {
    const snowman = '\u2603';
    expect(missingFrom(font(name).whole, snowman)).toEqual([]);
    expect(missingFrom(font(name).cut, snowman)).toEqual([snowman]);
  });
});
