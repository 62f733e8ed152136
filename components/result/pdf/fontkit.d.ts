/** The part of fontkit (a dependency of @react-pdf/renderer, without types of its own) the tests use. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): { hasGlyphForCodePoint(codePoint: number): boolean };
}
