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

/** One element of a tagged PDF's structure, as a screen reader meets it: its role and its words. */
export type TPdfElement = { role: string; text: string };

/**
 * Whether a PDF says it is tagged, and its structure in reading order, page by page (an element that runs over a page
 * break appears on each page it is on), with the words each element holds; and the words drawn as
 * artifacts, which a screen reader passes by.
 */
export async function pdfStructure(bytes: Uint8Array): Promise<{ marked: boolean; elements: TPdfElement[][]; artifacts: string[] }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  /** The document says it is tagged (its mark information), so a reader uses the structure. */
  const marked = (await doc.getMarkInfo())?.Marked === true;
  const elements: TPdfElement[][] = [];
  const artifacts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { items } = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
    const words = new Map<string, string>();
    let artifact = '';
    let current: string | null = null;
    for (const item of items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') current = item.id ?? ((item as { tag?: string }).tag === 'Artifact' ? 'Artifact' : null);
        else if (item.type === 'endMarkedContent') current = null;
      } else if (current === 'Artifact') artifact += item.str + (item.hasEOL ? '\n' : '');
      else if (current) words.set(current, (words.get(current) ?? '') + item.str + (item.hasEOL ? '\n' : ''));
    }
    artifacts.push(flat(artifact));
    type TNode = { role?: string; type?: string; id?: string; children?: TNode[] };
    const out: TPdfElement[] = [];
    const walk = (node: TNode) => {
      const content = (node.children ?? []).filter((c) => c.type === 'content');
      if (node.role && content.length > 0) out.push({ role: node.role, text: flat(joinBrokenWords(content.map((c) => words.get(c.id ?? '') ?? '').join(''))) });
      for (const child of node.children ?? []) if (child.type !== 'content') walk(child);
    };
    walk((await page.getStructTree()) as TNode);
    elements.push(out);
  }
  return { marked, elements, artifacts };
}
