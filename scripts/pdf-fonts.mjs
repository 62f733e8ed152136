// @ts-check
/**
 * pdf-fonts — the PDF recap's fonts, cut at build to the characters the recap can print.
 *
 * The recap embeds DejaVu Sans (components/result/pdf/fonts.ts): the standard PDF fonts cannot encode "–",
 * "≥", "µ", "ε" or curly quotes. Whole, its two TrueType files weigh 1.4 MiB, and the service worker
 * precaches them on a first visit, so that a PDF can be made offline. The recap only ever prints:
 *  - text written in the sources listed in `RECAP_TEXT_SOURCES` (the content, the result model, the
 *    recap's own labels, the answers' wording), every character of those files, escapes included;
 *  - the case label a clinician types: `CASE_LABEL_RANGES` (printable ASCII and Latin-1, which covers
 *    clinic codes and Western European letters). The recap refuses a label with any other character
 *    the font cannot print, and says so (components/result/pdf/render.ts, `unprintableCharacters`);
 *  - the date it was made (`DATE_CHARACTERS`: the spaces and minus sign dates can be written with).
 * `npm run build` (scripts/postbuild.mjs) replaces `out/fonts/*.ttf` with subsets of exactly those
 * characters, without hinting (a PDF viewer does not use it). components/result/pdf/fonts.test.ts fails when
 * the content or a result uses a character the subset lacks.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import subsetFont from 'subset-font';

const root = resolve(import.meta.dirname, '..');

/** The fonts the recap embeds, in public/fonts (and, once built, out/fonts). */
export const RECAP_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** Files and folders whose text can reach the recap, relative to the project root. Tests are left out. */
export const RECAP_TEXT_SOURCES = [
  'content',
  'machines/assessment',
  'machines/result',
  'machines/answers/answers.ts',
  'machines/answers/vocabulary.ts',
  'components/result/pdf',
];

/** What a case label may hold besides the recap's own characters: printable ASCII and Latin-1. */
export const CASE_LABEL_RANGES = [
  [0x20, 0x7e],
  [0xa0, 0xff],
];

/** No-break, narrow no-break and thin spaces, and the minus sign, which formatted dates can use. */
export const DATE_CHARACTERS = '\u00a0\u202f\u2009\u2212';

/** Every source file under the listed paths (tests and fixtures excepted). */
function sourceFiles() {
  return RECAP_TEXT_SOURCES.flatMap((path) => {
    const full = join(root, path);
    if (!statSync(full).isDirectory()) return [full];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(ts|tsx|json)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
  });
}

/** The characters a text stands for: itself, and what its `\u…` and `\x…` escapes write. */
function charactersOf(text) {
  const escaped = [...text.matchAll(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g)].map((m) =>
    String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3] ?? '0', 16)),
  );
  return [...text, ...escaped];
}

/** Every character the recap can print, sorted, control characters left out. */
export function recapCharacters() {
  const set = new Set(sourceFiles().flatMap((file) => charactersOf(readFileSync(file, 'utf8'))));
  for (const [from, to] of CASE_LABEL_RANGES) for (let c = from; c <= to; c++) set.add(String.fromCodePoint(c));
  for (const c of DATE_CHARACTERS) set.add(c);
  return [...set].filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 && !/[\u007f-\u009f]/.test(c)).sort().join('');
}

/** One font cut to `text`: TrueType, no hinting, kerning kept (the recap's layout uses no other feature). */
export const subsetOf = (font, text) => subsetFont(font, text, { targetFormat: 'truetype', noHinting: true, keepFeatures: ['kern'] });

/**
 * Replace the built fonts (`out/fonts/*.ttf`, copied there whole from public/fonts) with their
 * subsets. Returns each file's size before and after.
 */
export async function subsetRecapFonts(out) {
  const text = recapCharacters();
  const sizes = [];
  for (const name of RECAP_FONTS) {
    const file = join(out, 'fonts', name);
    const whole = readFileSync(join(root, 'public/fonts', name));
    const cut = await subsetOf(whole, text);
    writeFileSync(file, cut);
    sizes.push({ name, before: whole.length, after: cut.length });
  }
  return sizes;
}
