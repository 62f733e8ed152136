/**
 * The recap PDF, rendered in the browser on click. The UI loads this module lazily, so
 * @react-pdf/renderer stays in one chunk that only downloads when someone asks for a PDF:
 *
 *   const { registerFonts, renderRecapPdf } = await import('@/components/result/pdf/render');
 *   registerFonts(`${window.location.origin}/fonts`);
 *   const blob = await renderRecapPdf({ document, content, generatedAt, caseLabel });
 */
import { type DocumentProps, Font, pdf } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { FONT_FAMILY, fontsRegistered } from './fonts';
import { RecapDocument, type TRecapProps } from './recap-document';

export { registerFonts } from './fonts';
export type { TRecapProps } from './recap-document';

/** The recap of one assessment as a PDF blob. `registerFonts` must have been called first. */
export async function renderRecapPdf(props: TRecapProps): Promise<Blob> {
  if (!fontsRegistered()) throw new Error('Call registerFonts(baseUrl) before renderRecapPdf: the recap embeds DejaVu Sans.');
  // RecapDocument renders a <Document>; react-pdf types its root as a Document element.
  const element = createElement(RecapDocument, props) as unknown as ReactElement<DocumentProps>;
  return pdf(element).toBlob();
}

/** The part of react-pdf's font store (typed only for registering) that loads a registered font. */
type TFontStore = {
  getFont(descriptor: { fontFamily: string; fontWeight: number }): { load(): Promise<void>; data: { hasGlyphForCodePoint(codePoint: number): boolean } | null };
};

/**
 * The characters of `text` (a case label) that the recap's fonts cannot print. The fonts are cut at
 * build to the characters the recap can contain (scripts/pdf-fonts.mjs): a label with any other
 * would print empty boxes, so it is refused, and the clinician told which characters, instead.
 */
export async function unprintableCharacters(text: string): Promise<string[]> {
  if (!fontsRegistered()) throw new Error('Call registerFonts(baseUrl) before unprintableCharacters.');
  const missing = new Set<string>();
  for (const fontWeight of [400, 700]) {
    const font = (Font as unknown as TFontStore).getFont({ fontFamily: FONT_FAMILY, fontWeight });
    await font.load();
    for (const c of text) if (c.codePointAt(0)! >= 0x20 && !font.data?.hasGlyphForCodePoint(c.codePointAt(0)!)) missing.add(c);
  }
  return [...missing];
}

/**
 * The document with every character of its record section (text read from the patient's record: a
 * drug's name, a server's address) that the recap's fonts cannot print replaced by "?", and the
 * characters replaced. The fonts are cut to the recap's own characters and Latin-1; a record may
 * write "μg" with a Greek mu. Empty boxes would hide the character without a word; the page shows it
 * whole, and the caller says so.
 */
export async function printableRecord(document: TRecapProps['document']): Promise<{ document: TRecapProps['document']; replaced: string[] }> {
  const section = document.sections.find((s) => s.kind === 'record');
  if (!section || section.kind !== 'record') return { document, replaced: [] };
  const texts = [...section.fields.map((f) => f.value), ...section.items.flatMap((i) => i.evidence.flatMap((e) => [e.text, e.reference]))];
  const replaced = await unprintableCharacters(texts.join(' '));
  if (replaced.length === 0) return { document, replaced };
  const fix = (text: string) => [...text].map((c) => (replaced.includes(c) ? '?' : c)).join('');
  const fixed = {
    ...section,
    fields: section.fields.map((f) => ({ ...f, value: fix(f.value) })),
    items: section.items.map((i) => ({ ...i, evidence: i.evidence.map((e) => ({ reference: fix(e.reference), text: fix(e.text) })) })),
  };
  return { document: { ...document, sections: document.sections.map((s) => (s === section ? fixed : s)) }, replaced };
}
