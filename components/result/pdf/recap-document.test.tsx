import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { content } from '../../../content/index';
import { assess, type TAssessment } from '../../../machines/assessment/assess';
import { resultDocument, sectionOf, type TResultDocument } from '../../../machines/result/document';
import { resultModel } from '../../../machines/result/result-model';
import { printableRecord, registerFonts, renderRecapBytes, renderRecapPdf } from './render';
import { flat, pdfPages, pdfStructure, pdfText, type TPdfElement, type TPdfRun } from '../../../tests/support/pdf-text';
import { answersOf, loadVignette } from '../../../tests/support/vignettes';
import { GABAPENTIN, RECORD_ANSWERS, RECORD_CONTEXT, RECORD_FROM } from '../../../tests/support/record-case';

/** Characters the standard PDF fonts garble; the case label carries all of them. */
const SPECIAL = ['–', '≥', 'µ', 'ε', '’', '“', '”'] as const;
const CASE_LABEL = 'Clinic 3 – onset ≥ 10 years, SEP 12 µV, ε-sarcoglycan, the patient’s “jerks”';
const GENERATED_AT = '24 November 2026, 10:30';

type TRendered = { assessment: TAssessment; document: TResultDocument; pages: string[]; runs: TPdfRun[][]; marked: boolean; elements: TPdfElement[][]; artifacts: string[] };
const rendered = new Map<string, TRendered>();

/** A vignette's assessment and the document the result page shows of it (no answer set aside). */
function documentOfVignette(id: string): { assessment: TAssessment; document: TResultDocument } {
  const answers = answersOf(loadVignette(id));
  const assessment = assess(answers, content);
  return { assessment, document: resultDocument(assessment, { answers, setAside: {} }, content) };
}

/**
 * Runs of text that collide: drawn over each other (their boxes, the baseline up to 70% of the font
 * size, overlap), or on one line with no space between them ("Disabling and refractory toYes").
 */
function collisions(runs: TPdfRun[]): string[] {
  const found: string[] = [];
  for (const [i, a] of runs.entries())
    for (const b of runs.slice(i + 1)) {
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.height * 0.7, b.y + b.height * 0.7) - Math.max(a.y, b.y);
      const [left, right] = a.x <= b.x ? [a, b] : [b, a];
      const gap = right.x - (left.x + left.width);
      const touching = Math.abs(a.y - b.y) < 0.5 && gap > -0.5 && gap < 1.5 && !/\s$/.test(left.str) && !/^[\s.,;:)]/.test(right.str);
      if ((across > 0.5 && down > 0.5) || touching) found.push(`“${a.str}” and “${b.str}”`);
    }
  return found;
}

beforeAll(async () => {
  registerFonts(join(import.meta.dirname, '../../../public/fonts'));
  for (const id of ['V01', 'V08', 'V18', 'V20', 'V22']) {
    const { assessment, document } = documentOfVignette(id);
    const buffer = await renderRecapBytes({ document, content, generatedAt: GENERATED_AT, caseLabel: CASE_LABEL });
    rendered.set(id, { assessment, document, ...(await pdfText(buffer)), ...(await pdfStructure(buffer)) });
  }
}, 90_000); // five PDFs laid out on a shared, loaded machine

function get(id: string): TRendered {
  const r = rendered.get(id);
  if (!r) throw new Error(`${id} was not rendered`);
  return r;
}
const whole = (id: string) => get(id).pages.join(' ');

const ALL = ['V01', 'V08', 'V18', 'V20', 'V22'];

describe('the recap PDF', () => {
  test.for(ALL)('%s shows the title, generation time, content version and review date', (id) => {
    expect(whole(id)).toContain('Myoclonus Navigator — recap');
    expect(whole(id)).toContain(`Generated: ${GENERATED_AT}`);
    expect(whole(id)).toContain(`Content version ${content.version}, last revised ${content.revisedOn}`);
  });

  test.for(ALL)('%s shows every enabled question with its answer, "Unknown / not assessed" where chosen and "Not answered" where none was given', (id) => {
    const { assessment } = get(id);
    const text = whole(id);
    const absent = assessment.explanation.enabledQuestions.flatMap((qid) => {
      const q = content.questions.find((x) => x.id === qid);
      const value = assessment.explanation.answers[qid];
      const open = assessment.explanation.answeredUnknown.includes(qid) ? 'Unknown / not assessed' : 'Not answered';
      const labels = value === undefined ? [open] : (typeof value === 'string' ? [value] : value).map((v) => q?.options.find((o) => o.id === v)?.label ?? v);
      return [q?.prompt ?? qid, ...labels].filter((t) => !text.includes(flat(t)));
    });
    expect(absent).toEqual([]);
  });

  test.for([
    ['V01', 'Most likely physiological category: Cortical'],
    ['V08', 'Most likely physiological category: Subcortical-nonsegmental'],
    ['V20', 'Possibly not myoclonus: possible functional jerks'],
    ['V22', 'Indeterminate: red flags come first'],
  ] as const)('%s states the result on page 1, in the page’s words: "%s"', ([id, phrase]) => {
    expect(resultModel(get(id).assessment, content).headline).toBe(phrase);
    expect(get(id).pages[0]).toContain(phrase);
  });

  test.for(ALL)('%s holds the status line and, past the gate, the scores on page 1', (id) => {
    const model = resultModel(get(id).assessment, content);
    const page1 = get(id).pages[0]!;
    expect(page1).toContain(flat(model.statusLine));
    expect((model.scores?.rows ?? []).filter((r) => !page1.includes(`${r.name} ${r.scoreText}`))).toEqual([]);
  });

  // Under red flags (V22) the first page holds the flags with what to do first, and the result.
  test.for(['V01', 'V08'])('%s puts what would change it and the DBS discussion on page 1', (id) => {
    const { document, pages } = get(id);
    const dbs = sectionOf(document, 'dbs');
    expect(dbs?.panel.kind).toBe('discussed');
    expect(pages[0]).toContain(dbs!.panel.title);
    const missing = sectionOf(document, 'missing');
    if (missing) expect(pages[0]).toContain(missing.title);
  });

  test('a mimic (V20) has no deep brain stimulation section, and the recap no such heading', () => {
    expect(sectionOf(get('V20').document, 'dbs')).toBeUndefined();
    expect(whole('V20')).not.toMatch(/Deep brain stimulation/);
  });

  test('red flags come before the result, with their reasons', () => {
    const page1 = get('V22').pages[0]!;
    expect(page1.indexOf(content.labels.redFlags.acute_post_hypoxic)).toBeGreaterThan(-1);
    expect(page1.indexOf('Red flags: look for a reversible or urgent cause first')).toBeLessThan(page1.indexOf('Indeterminate: red flags come first'));
    expect(page1).toContain(flat(content.redFlags.find((r) => r.id === 'flag.C6.hypoxia')!.nextStep));
  });

  test('an indeterminate result under red flags names its reasons', () => {
    const { assessment } = get('V22');
    const unexplained = assessment.explanation.indeterminate.filter((r) => !whole('V22').includes(flat(content.labels.indeterminateReasons[r])));
    expect(unexplained).toEqual([]);
  });

  test('the answers and the references come after the result, as an appendix', () => {
    const text = whole('V01');
    expect(text.indexOf('Appendix: Answers')).toBeGreaterThan(text.indexOf('Why: the categories ranked'));
    expect(text.indexOf('Appendix: Sources cited')).toBeGreaterThan(text.indexOf('Appendix: Answers'));
    expect(get('V01').pages[0]).not.toContain('Appendix: Answers');
  });

  test('an answer and its full stop stay together where the line breaks (V08: no stray hyphen after "confirmed")', () => {
    expect(whole('V08')).toContain('SGCE variant confirmed.');
    expect(whole('V08')).not.toMatch(/confirmed-/);
  });

  test('a mimic shows its reason and next step', () => {
    expect(whole('V20')).toContain('Next step: Consider EEG back-averaging');
  });

  test.for([
    ['V01', 'substantia nigra pars reticulata'],
    ['V01', 'not a first-line treatment'],
    ['V08', 'internal globus pallidus'],
    ['V08', 'not a first-line treatment'],
  ] as const)('%s includes the DBS text "%s"', ([id, phrase]) => {
    expect(whole(id)).toContain(phrase);
  });

  test.for([
    ['V20', 'substantia nigra pars reticulata'],
    ['V20', 'internal globus pallidus'],
    ['V20', 'not a first-line treatment'],
    ['V22', 'substantia nigra pars reticulata'],
    ['V22', 'internal globus pallidus'],
    ['V22', 'not a first-line treatment'],
  ] as const)('%s leaves out the DBS text "%s"', ([id, phrase]) => {
    expect(whole(id)).not.toContain(phrase);
  });

  test.for(['V01', 'V08'])('%s ranks the categories with scores and the reasons written for each', (id) => {
    const model = resultModel(get(id).assessment, content);
    const top = model.evidence[0]!;
    expect(whole(id)).toContain(`1. ${top.name} — score ${top.scoreText}`);
    const missing = model.evidence.flatMap((e) => e.reasons).filter((r) => !whole(id).includes(flat(`${r.why}`)));
    expect(missing).toEqual([]);
  });

  test.for(['V01', 'V08'])('%s lists its references and flags the lay source article', (id) => {
    expect(whole(id)).toContain('Appendix: Sources cited');
    expect(whole(id)).toContain('Team PainAssist. Is There A Surgery For Myoclonus?');
    expect(whole(id)).toContain('Consumer health article, not peer reviewed.');
  });

  test.for(ALL)('%s carries the disclaimer banner and "Page x of N" on every page', (id) => {
    const { pages } = get(id);
    const missing = pages.flatMap((page, i) => [
      ...(page.includes(flat(content.disclaimers.banner)) ? [] : [`banner on page ${i + 1}`]),
      ...(page.includes(`Page ${i + 1} of ${pages.length}`) ? [] : [`page number on page ${i + 1}`]),
    ]);
    expect(missing).toEqual([]);
  });

  test.for(ALL)('%s draws no text over other text: every field label, answer and value has its own place', (id) => {
    expect(get(id).runs.flatMap((page, i) => collisions(page).map((c) => `page ${i + 1}: ${c}`))).toEqual([]);
  });

  test.for([
    ['drawn on the same spot', 180],
    ['touching on one line, with no space between', 190],
  ] as const)('near miss — the collision check finds two runs %s', ([, x]) => {
    expect(collisions([{ str: 'Disabling and refractory to', x: 40, y: 500, width: 150, height: 9 }, { str: 'Yes', x, y: 500, width: 20, height: 9 }])).toHaveLength(1);
  });

  test('near miss — the collision check lets a bold label and its value share a line with a space between', () => {
    expect(collisions([{ str: 'Established diagnosis: ', x: 40, y: 500, width: 110, height: 9 }, { str: 'Myoclonus-dystonia', x: 150, y: 500, width: 80, height: 9 }])).toEqual([]);
  });

  test.for(ALL)('%s leaves no heading alone at the foot of a page: it goes over with what it heads', (id) => {
    const { runs } = get(id);
    // A heading is drawn at 10 points or more, body text at 9 and the footer at 7.5; pdf.js reports
    // the size as a run's height. The last run above the footer on a page must not be a heading.
    const stranded = runs.slice(0, -1).flatMap((page, i) => {
      const body = page.filter((r) => r.height > 8);
      const last = body.reduce((a, b) => (b.y < a.y ? b : a), body[0]!);
      return last.height >= 10 && !/recap$/.test(last.str) ? [`page ${i + 1}: “${last.str}”`] : [];
    });
    expect(stranded).toEqual([]);
  });

  test.for(ALL)('%s is tagged for a screen reader: the disclaimer first, then the title, the result as a heading, the sections as headings in order, page numbers passed by', (id) => {
    const { marked, elements, artifacts, pages } = get(id);
    expect(marked).toBe(true);
    const all = elements.flat();
    const model = resultModel(get(id).assessment, content);
    expect(all.slice(0, 2)).toEqual([
      { role: 'P', text: flat(`Not medical advice. ${content.disclaimers.banner}`) },
      { role: 'H1', text: 'Myoclonus Navigator — recap' },
    ]);
    expect(all.filter((e) => e.role === 'H2')[0]?.text).toBe(flat(model.headline));
    const headings = all.filter((e) => /^H\d$/.test(e.role)).map((e) => e.text);
    expect(headings.indexOf('Appendix: Answers')).toBeGreaterThan(0);
    expect(headings.indexOf('Appendix: Sources cited')).toBeGreaterThan(headings.indexOf('Appendix: Answers'));
    // Every word on the pages is read or passed by: none is drawn outside the structure.
    const read = elements.map((page, i) => flat(`${page.map((e) => e.text).join(' ')} ${artifacts[i]}`).replace(/\s/g, ''));
    expect(pages.map((p, i) => p.replace(/\s/g, '').length - read[i]!.length)).toEqual(pages.map(() => 0));
    expect(all.some((e) => /Page \d+ of/.test(e.text))).toBe(false);
    expect(artifacts.every((a, i) => a.includes(`Page ${i + 1} of ${pages.length}`))).toBe(true);
  });

  test.for(ALL)('%s names no question by its id', (id) => {
    expect(whole(id).match(/\bquestion [A-Z]\d|\b[GABCDE]\d{1,2}a?\b/g)).toBeNull();
  });

  test.for(ALL)('%s says what an answer to each open question could change in one sentence, and names the recap in its disclaimer', (id) => {
    const model = resultModel(get(id).assessment, content);
    expect(whole(id)).not.toContain('Could lead to');
    expect((model.missing?.items ?? []).filter((m) => !whole(id).includes(flat(m.change)))).toEqual([]);
    expect(whole(id)).toContain(flat(model.recapDisclaimer));
    expect(model.recapDisclaimer).toMatch(/^This recap /);
  });

  test('the PME recap runs over several pages, so the footer is checked on more than one', () => {
    expect(get('V01').pages.length).toBeGreaterThan(1);
  });

  test.for(ALL)('%s keeps – ≥ µ ε ’ “ ” intact in the extracted text', (id) => {
    expect(whole(id)).toContain(`Case: ${CASE_LABEL}`);
    expect(SPECIAL.filter((c) => !get(id).pages[0]!.includes(c))).toEqual([]);
  });
});

describe('renderRecapPdf', () => {
  test('returns a PDF blob of the recap', async () => {
    const blob = await renderRecapPdf({ document: get('V20').document, content, generatedAt: GENERATED_AT });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect((await pdfPages(bytes)).join(' ')).toContain('These movements may not be myoclonus');
  });
});

describe('printableRecord', () => {
  const withDrug = (text: string) =>
    resultDocument(
      assess(RECORD_ANSWERS, content),
      { answers: RECORD_ANSWERS, setAside: {}, record: RECORD_CONTEXT, fromRecord: { C6: [{ ...RECORD_FROM.C6![0]!, evidence: [{ ...GABAPENTIN, text }] }] } },
      content,
    );

  test('a record character the fonts cannot print becomes “?” in the recap, and is named; the rest of the document is untouched', async () => {
    const doc = withDrug('Gabapentin 300 mg 薬');
    const { document, replaced } = await printableRecord(doc);
    expect([replaced, sectionOf(document, 'record')?.items[0]?.evidence[0]?.text]).toEqual([['薬'], 'Gabapentin 300 mg ?']);
    expect(document.sections.filter((s) => s.kind !== 'record')).toEqual(doc.sections.filter((s) => s.kind !== 'record'));
  });

  test('a record the fonts print whole (Latin-1, “²”) is left as it is', async () => {
    const doc = withDrug('Gabapentin 300 mg, eGFR 22 mL/min/1.73 m²');
    expect(await printableRecord(doc)).toEqual({ document: doc, replaced: [] });
  });
});
