// fontkit decompresses WOFF2 fonts with brotli.js (its dictionary alone is 69 KB of the PDF chunk).
// The recap embeds TrueType fonts only (components/result/pdf/fonts.ts), so WOFF2 is refused instead.
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported in the PDF recap: embed a TrueType font');
}
