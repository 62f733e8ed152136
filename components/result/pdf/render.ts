/**
 * The recap PDF, made in the browser on click with pdfkit. The UI loads this module lazily, so pdfkit
 * stays in one chunk that only downloads when someone asks for a PDF (and that the service worker
 * precaches, so a PDF can be made offline):
 *
 *   const { registerFonts, renderRecapPdf } = await import('@/components/result/pdf/render');
 *   registerFonts(`${window.location.origin}/fonts`);
 *   const blob = await renderRecapPdf({ document, content, generatedAt, caseLabel });
 */
import PDFDocument from 'pdfkit';
import { Flow } from './flow';
import { fontFiles, missingGlyphs } from './fonts';
import { BODY, CONTENT_WIDTH, footerText, MUTED, PAGE, RECAP_TITLE, recapBlocks, RULE, type TRecapProps } from './recap-document';

export { registerFonts } from './fonts';
export type { TRecapProps } from './recap-document';

const REGULAR = 'recap-regular';
const BOLD = 'recap-bold';

/** The recap of one assessment as PDF bytes. `registerFonts` must have been called first. */
export async function renderRecapBytes(props: TRecapProps): Promise<Uint8Array> {
  const fonts = await fontFiles();
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    // The embedded font from the start: no standard font is loaded.
    font: fonts.regular as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: { Title: RECAP_TITLE, Subject: props.content.disclaimers.banner, Creator: 'Myoclonus Navigator', Producer: 'Myoclonus Navigator' },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(new Uint8Array(chunk)));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, fonts.regular as unknown as string);
  doc.registerFont(BOLD, fonts.bold as unknown as string);

  const flow = new Flow(doc, { ...BODY, fonts: { regular: REGULAR, bold: BOLD } });
  for (const block of recapBlocks(props)) flow.draw(block, PAGE.margins.left, CONTENT_WIDTH);
  flow.drawBoxes();
  const words = footerText(props.content);
  flow.footers((page, pages) => {
    const numberWidth = 70;
    const textWidth = CONTENT_WIDTH - numberWidth - 12;
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    const height = Math.max(doc.heightOfString(words, { width: textWidth }), doc.currentLineHeight(true));
    const top = doc.page.height - 20 - height;
    doc
      .moveTo(PAGE.margins.left, top - 4)
      .lineTo(PAGE.margins.left + CONTENT_WIDTH, top - 4)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .undash()
      .stroke();
    doc.text(words, PAGE.margins.left, top, { width: textWidth, lineBreak: true });
    doc.text(`Page ${page} of ${pages}`, PAGE.margins.left + CONTENT_WIDTH - numberWidth, top, { width: numberWidth, align: 'right', lineBreak: false });
  });
  doc.end();
  await ended;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** The recap of one assessment as a PDF blob. `registerFonts` must have been called first. */
export async function renderRecapPdf(props: TRecapProps): Promise<Blob> {
  return new Blob([(await renderRecapBytes(props)) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

/**
 * The characters of `text` (a case label) that the recap's fonts cannot print. The fonts are cut at
 * build to the characters the recap can contain (scripts/pdf-fonts.mjs): a label with any other
 * would print empty boxes, so it is refused, and the clinician told which characters, instead.
 */
export const unprintableCharacters = (text: string): Promise<string[]> => missingGlyphs(text);

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
