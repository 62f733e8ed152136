/**
 * The text of a PDF, for the tests that read what an export prints (the recap the browser downloads,
 * the recap rendered in Node, the page printed to PDF). One extraction, so a PDF is read one way.
 *
 * pdf.js's Unicode normalisation is off: it would turn the micro sign µ (U+00B5) into the Greek μ
 * (U+03BC) and so hide what the PDF really encodes.
 */
import { getDocumentProxy } from 'unpdf';

/** Whitespace (line ends included) collapsed to single spaces, so wrapped lines compare as one. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Lines broken inside a word, where Unicode line breaking allows it, read as the word: after its own
 * hyphen ("cortical-" / "subcortical"), after a slash in an address ("https://" / "doi.org/…") and
 * after the dash of a number range ("1107–" / "1125"). A break at a space stays a space.
 */
export const joinBrokenWords = (text: string) => text.replace(/(?<=[\p{L}\p{N}]-|\S\/|\d–)\n(?=\S)/gu, '');

/** A run of text where the PDF draws it: its box in points, from the baseline up. */
export type TPdfRun = { str: string; x: number; y: number; width: number; height: number };

/** Each page's text (whitespace collapsed) and its runs of text where they are drawn. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; runs: TPdfRun[][] }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const pages: string[] = [];
  const runs: TPdfRun[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
    pages.push(flat(joinBrokenWords(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))));
    runs.push(
      items.flatMap((item) =>
        'str' in item && item.str.trim() !== '' ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height }] : [],
      ),
    );
  }
  return { pages, runs };
}

/** The text of each page of a PDF, whitespace collapsed. */
export const pdfPages = async (bytes: Uint8Array): Promise<string[]> => (await pdfText(bytes)).pages;
