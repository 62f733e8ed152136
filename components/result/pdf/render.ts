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
import { Flow, text } from './flow';
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
    // Tagged: headings and paragraphs in reading order, lines and boxes as artifacts (flow.ts).
    tagged: true,
    pdfVersion: '1.7',
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
  const left = PAGE.margins.left;
  const numberWidth = 70;
  const bannerWidth = CONTENT_WIDTH - numberWidth - 12;
  const banner = text(footerText(props.content), { size: 7.5, lineHeight: 1.2, color: MUTED });
  const footerTop = doc.page.height - 20 - flow.measure(banner, bannerWidth);
  // The disclaimer at the foot of page 1 is read first of all; on the pages after it repeats unread.
  flow.place(banner, left, footerTop, bannerWidth);
  for (const block of recapBlocks(props)) flow.draw(block, left, CONTENT_WIDTH);
  flow.drawBoxes();
  flow.footers((page, pages) => {
    doc
      .moveTo(left, footerTop - 4)
      .lineTo(left + CONTENT_WIDTH, footerTop - 4)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .undash()
      .stroke();
    if (page > 1) {
      doc.y = footerTop;
      flow.draw(banner, left, bannerWidth);
    }
    doc.y = footerTop;
    flow.draw(text(`Page ${page} of ${pages}`, { size: 7.5, lineHeight: 1.2, color: MUTED, align: 'right' }), left + CONTENT_WIDTH - numberWidth, numberWidth);
  });
  flow.end();
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
