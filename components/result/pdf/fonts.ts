/**
 * The recap's embedded font. The PDF's standard fonts cannot encode "–", "≥", "µ", "ε" or curly
 * quotes, so the recap embeds DejaVu Sans (public/fonts, with its licence), cut at build to the
 * characters the recap can print (scripts/pdf-fonts.mjs). Only the lazy PDF chunk imports this module.
 */
import { create } from 'fontkit';

export const FONT_FAMILY = 'DejaVu Sans';
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export type TFontFiles = { regular: Uint8Array; bold: Uint8Array };

let registeredBase: string | null = null;
let loading: Promise<TFontFiles> | null = null;

/**
 * Where the TTF files are: in the browser a URL (`${window.location.origin}/fonts`), in Node a
 * folder (`<repo>/public/fonts`). Calling it again with the same place does nothing; with another
 * place the fonts are read from there next time.
 */
export function registerFonts(baseUrl: string): void {
  const base = baseUrl.replace(/[/\\]+$/, '');
  if (registeredBase === base) return;
  registeredBase = base;
  loading = null;
}

export const fontsRegistered = (): boolean => registeredBase !== null;

/** A font file's bytes: fetched in the browser (the service worker has it offline), read from disk in Node. */
async function bytesOf(base: string, file: string): Promise<Uint8Array> {
  const fs = /^https?:/.test(base) ? undefined : globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (fs) return new Uint8Array(await fs.readFile(`${base}/${file}`));
  const response = await fetch(`${base}/${file}`);
  if (!response.ok) throw new Error(`The recap's font ${file} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Both weights of the recap's font, loaded once per place. */
export function fontFiles(): Promise<TFontFiles> {
  const base = registeredBase;
  if (base === null) throw new Error('Call registerFonts(baseUrl) first: the recap embeds DejaVu Sans.');
  loading ??= Promise.all([bytesOf(base, FILES.regular), bytesOf(base, FILES.bold)]).then(([regular, bold]) => ({ regular, bold }));
  // A failed load is tried again next time (the network may be back).
  loading.catch(() => {
    if (registeredBase === base) loading = null;
  });
  return loading;
}

/** The characters of `text` (control characters aside) that either weight of the font has no glyph for. */
export async function missingGlyphs(text: string): Promise<string[]> {
  const files = await fontFiles();
  const fonts = [create(files.regular), create(files.bold)];
  return [...new Set(text)].filter((c) => c.codePointAt(0)! >= 0x20 && fonts.some((f) => !f.hasGlyphForCodePoint(c.codePointAt(0)!)));
}
