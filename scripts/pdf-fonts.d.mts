/** Types of scripts/pdf-fonts.mjs, for the tests that import it. */
export const RECAP_FONTS: readonly string[];
export const RECAP_TEXT_SOURCES: readonly string[];
export const CASE_LABEL_RANGES: readonly (readonly [number, number])[];
export const DATE_CHARACTERS: string;
export function recapCharacters(): string;
export function subsetOf(font: Uint8Array, text: string): Promise<Uint8Array>;
export function subsetRecapFonts(out: string): Promise<{ name: string; before: number; after: number }[]>;
