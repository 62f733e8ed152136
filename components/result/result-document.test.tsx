/**
 * One result document, two views: every public vignette's document rendered to the result page
 * (server-rendered markup, what print shows too) and to the PDF recap (text read back from the PDF)
 * holds the same sections, in the same order, with the same words.
 */
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { type TAnswers } from '../../machines/answers/answers';
import { assess } from '../../machines/assessment/assess';
import { resultDocument, sectionOf, type TResultDocument, type TSection, type TSectionKind, type TSectionOf } from '../../machines/result/document';
import { pdfPages } from '../../tests/support/pdf-text';
import { answersOf, loadVignette, vignetteIds } from '../../tests/support/vignettes';
import { CKD, EGFR, GABAPENTIN, RECORD_ANSWERS, RECORD_CONTEXT, RECORD_FROM } from '../../tests/support/record-case';
import { registerFonts } from './pdf/fonts';
import { renderRecapBytes } from './pdf/render';
import { ResultSections } from './result-sections';

const PUBLIC = vignetteIds('public');

/** Whitespace collapsed, case folded (the PDF draws the kicker in capitals). */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };
/** The words of server-rendered markup: block ends become spaces, inline tags vanish, entities decoded. */
const markupText = (html: string) =>
  norm(
    html
      .replace(/<\/(p|li|h\d|dt|dd|div|section|summary|ul|ol|figcaption|title|td|th)>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e]!),
  );

function pageText(doc: TResultDocument): string {
  return markupText(renderToStaticMarkup(<ResultSections document={doc} />));
}

async function pdfText(doc: TResultDocument): Promise<string> {
  const buffer = await renderRecapBytes({ document: doc, content, generatedAt: '6 December 2026 at 10:00' });
  return norm((await pdfPages(new Uint8Array(buffer))).join(' '));
}

/** Keys that name things for the code (ids, kinds, tones), not words a reader is shown. */
const CODE_KEYS = new Set(['kind', 'status', 'tone', 'category', 'rule', 'question', 'id', 'emphasis']);

/**
 * Words one view leaves out on purpose, by path: each view's own naming of the disclaimer ("This
 * assessment …" on the page, "This recap …" in the PDF), the picture's text alternative (the PDF
 * writes each score beside its bar instead), and the label of each correction of the source article
 * (both views show them under "Where the source article is corrected").
 */
const LEFT_OUT = {
  page: [/^disclaimer\.recapText$/, /^dbs\.panel\.corrections\.\d+\.label$/],
  pdf: [/^disclaimer\.text$/, /^status\.scores\.summary$/, /^dbs\.panel\.corrections\.\d+\.label$/],
} as const;

/** Every word of a section a reader must find, with where it sits in the section. */
function wordsOf(section: TSection, view: keyof typeof LEFT_OUT): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value !== '' && !LEFT_OUT[view].some((skip) => skip.test(path))) out.push({ path, text: value });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) if (!CODE_KEYS.has(k)) walk(v, `${path}.${k}`);
  };
  walk(section, section.kind);
  return out;
}

/** The words that mark where each kind of section begins, in both views. */
const ANCHOR = {
  'red-flags': (s) => s.title,
  status: (s) => s.headline,
  unanswered: (s) => s.lead,
  'set-aside': (s) => s.title,
  warnings: (s) => s.title,
  disclaimer: (s) => s.recapText.replace(/^This recap /, ''),
  'top-reasons': (s) => s.title,
  missing: (s) => s.title,
  dbs: (s) => s.panel.title,
  ranking: (s) => s.title,
  record: (s) => s.title,
  answers: (s) => s.groups[0]?.section ?? s.title,
  sources: (s) => s.title,
} satisfies { [K in TSectionKind]: (s: TSectionOf<K>) => string };
const anchorOf = (s: TSection) => (ANCHOR[s.kind] as (s: TSection) => string)(s);

/** The sections whose anchor is not found after the previous one's: out of order or missing. */
function outOfOrder(doc: TResultDocument, text: string): string[] {
  let from = 0;
  const lost: string[] = [];
  for (const s of doc.sections) {
    const at = text.indexOf(norm(anchorOf(s)), from);
    if (at < 0) lost.push(`${s.kind}: “${anchorOf(s)}”`);
    else from = at;
  }
  return lost;
}

/** Words of the document one view does not show. */
const missingIn = (doc: TResultDocument, view: keyof typeof LEFT_OUT, text: string) =>
  doc.sections.flatMap((s) => wordsOf(s, view).filter((w) => !text.includes(norm(w.text)))).map((w) => `${w.path}: “${w.text}”`);

type TViews = { doc: TResultDocument; page: string; pdf: string };
const views = new Map<string, TViews>();

function documentOf(answers: TAnswers, setAside: TAnswers = {}): TResultDocument {
  return resultDocument(assess(answers, content), { answers, setAside }, content);
}

/** Hypnic jerks beside an acute onset (a red flag), with the rest never answered, and one answer set aside. */
const SET_ASIDE_CASE = {
  answers: { G1: 'positive_jerks', G2: 'no', G3: 'absent', B6: 'only_single_jerks_when_falling_asleep_healthy_person', C1: 'acute_hours_to_days' } as TAnswers,
  setAside: { G4: 'yes' } as TAnswers,
};

beforeAll(async () => {
  registerFonts(join(import.meta.dirname, '../../public/fonts'));
  const cases: [string, TResultDocument][] = PUBLIC.map((id) => {
    return [id, documentOf(answersOf(loadVignette(id)))];
  });
  cases.push(['set-aside', documentOf(SET_ASIDE_CASE.answers, SET_ASIDE_CASE.setAside)]);
  cases.push(['from-record', resultDocument(assess(RECORD_ANSWERS, content), { answers: RECORD_ANSWERS, setAside: {}, fromRecord: RECORD_FROM, record: RECORD_CONTEXT }, content)]);
  for (const [id, doc] of cases) views.set(id, { doc, page: pageText(doc), pdf: await pdfText(doc) });
}, 180_000); // eleven PDFs laid out on a shared, loaded machine

const get = (id: string) => views.get(id)!;

describe('the result page and the PDF recap render one document', () => {
  test('every public vignette is rendered', () => {
    expect(PUBLIC.length).toBeGreaterThanOrEqual(10);
  });

  test.for(PUBLIC)('%s: the page shows every word of the document', (id) => {
    expect(missingIn(get(id).doc, 'page', get(id).page)).toEqual([]);
  });

  test.for(PUBLIC)('%s: the PDF shows every word of the document', (id) => {
    expect(missingIn(get(id).doc, 'pdf', get(id).pdf)).toEqual([]);
  });

  test.for(PUBLIC)('%s: the page and the PDF hold the same sections in the same order', (id) => {
    const { doc, page, pdf } = get(id);
    expect({ page: outOfOrder(doc, page), pdf: outOfOrder(doc, pdf) }).toEqual({ page: [], pdf: [] });
  });

  test('with reassurance set aside beside a red flag, questions never answered and an answer set aside, the PDF says what the page says', () => {
    const { doc, page, pdf } = get('set-aside');
    expect(doc.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['red-flags', 'set-aside', 'unanswered', 'answers']));
    expect(sectionOf(doc, 'answers')?.note).toBe('1 answer set aside by a later change is left out of this assessment.');
    expect({ page: missingIn(doc, 'page', page), pdf: missingIn(doc, 'pdf', pdf) }).toEqual({ page: [], pdf: [] });
  });

  test('with answers confirmed from the patient’s record, the page and the PDF name the record and the patient, and give each such answer with its record entries and their references', () => {
    const { doc, page, pdf } = get('from-record');
    expect(doc.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['record', 'answers']));
    expect({ page: missingIn(doc, 'page', page), pdf: missingIn(doc, 'pdf', pdf), order: { page: outOfOrder(doc, page), pdf: outOfOrder(doc, pdf) } }).toEqual({
      page: [],
      pdf: [],
      order: { page: [], pdf: [] },
    });
    for (const e of [GABAPENTIN, EGFR, CKD]) expect(pdf).toContain(norm(`• ${e.text} (${e.reference})`));
    expect(pdf).toContain(norm(`Patient: ${RECORD_CONTEXT.patient}`));
    expect(pdf).toMatch(/which of these apply to the context of onset\? .*\(from the record: a drug now taken that is known to cause myoclonus/);
  });

  test('near miss — a word the PDF leaves out is found missing', () => {
    const { doc, pdf } = get('set-aside');
    const withheld = sectionOf(doc, 'set-aside')!.items[0]!.withheld[0]!;
    expect(missingIn(doc, 'pdf', pdf.replace(norm(withheld), ''))).toEqual([expect.stringContaining(withheld)]);
  });
});
