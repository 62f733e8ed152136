/** The part of fontkit (pdfkit's font engine, without types of its own) the recap uses. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): { hasGlyphForCodePoint(codePoint: number): boolean };
}
