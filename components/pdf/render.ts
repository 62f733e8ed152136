/**
 * The recap PDF, rendered in the browser on click. The UI loads this module lazily, so
 * @react-pdf/renderer stays in one chunk that only downloads when someone asks for a PDF:
 *
 *   const { registerFonts, renderRecapPdf } = await import('@/components/pdf/render');
 *   registerFonts(`${window.location.origin}/fonts`);
 *   const blob = await renderRecapPdf({ assessment, content, generatedAt, caseLabel });
 */
import { type DocumentProps, pdf } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { fontsRegistered } from './fonts';
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
