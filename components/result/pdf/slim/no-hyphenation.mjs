// @react-pdf/textkit imports English hyphenation patterns (42 KB) for its default hyphenation. The
// recap turns hyphenation off (registerHyphenationCallback in components/result/pdf/fonts.ts: no word is
// ever split with an inserted hyphen), so the patterns are never used: words stay whole.
export const syllables = (word) => [word];
export const hyphenate = (word) => word;
export const patterns = {};
