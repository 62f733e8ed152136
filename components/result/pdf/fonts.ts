/**
 * The recap's embedded font. The PDF's standard fonts cannot encode "–", "≥", "µ", "ε" or curly
 * quotes, so the recap embeds DejaVu Sans (public/fonts, with its licence). Only the lazy PDF chunk
 * imports this module.
 */
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'DejaVu Sans';
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let registeredBase: string | null = null;

/**
 * Register DejaVu Sans from the folder that holds the TTF files: in the browser a URL
 * (`${window.location.origin}/fonts`), in Node a file path (`<repo>/public/fonts`). Also turns
 * hyphenation off, so no word is split with an inserted hyphen. Calling it again with the same folder
 * does nothing; with another folder it replaces the earlier registration.
 */
export function registerFonts(baseUrl: string): void {
  const base = baseUrl.replace(/[/\\]+$/, '');
  if (registeredBase === base) return;
  // FontStore.register appends sources; drop the earlier ones so the new folder is used.
  if (registeredBase !== null) delete Font.getRegisteredFonts()[FONT_FAMILY];
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: `${base}/${FILES.regular}`, fontWeight: 400 },
      { src: `${base}/${FILES.bold}`, fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]);
  registeredBase = base;
}

export const fontsRegistered = (): boolean => registeredBase !== null;
