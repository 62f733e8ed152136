/**
 * The printable recap: a PDF of the result document (machines/result/document.ts), the same document
 * the result page renders, through one renderer per section kind, so both say the same thing in the
 * same words. Page 1 holds the result: red flags first, the answer and the scores picture, what is
 * still open, conflicts, what would change it and the deep brain stimulation panel; the evidence
 * follows; the answers that came from the patient's record (after a launch from it) come just before
 * the answers and the sources, which are an appendix. Every page has the disclaimer at its foot. Only
 * the lazy PDF chunk (render.ts) imports it.
 */
import type { TContent } from '../../../content/schema';
import { answerWords } from '../../../content/ids';
import { renderSection, type TRenderers, type TResultDocument, type TSectionOf } from '../../../machines/result/document';
import type { TDbsNoteText, TFindingText, TReason, TScores } from '../../../machines/result/result-model';
import { keep, keepWithNext, stack, text, type TBox, type TNode, type TRun, type TTextStyle } from './flow';

export type TRecapProps = {
  /** The result document the page shows (machines/result/document.ts). */
  document: TResultDocument;
  content: Pick<TContent, 'revisedOn' | 'status' | 'disclaimers'>;
  /** Date and time of generation, already formatted by the caller for the reader's locale. */
  generatedAt: string;
  /** An optional label the clinician gives the case; never a patient identifier. */
  caseLabel?: string;
};

export const RECAP_TITLE = 'Myoclonus Navigator — recap';

export const INK = '#1b1b1b';
export const MUTED = '#505a5f';
export const RULE = '#b1b4b6';
const WARN = '#d4351c';
const NOTE = '#1d70b8';
const GOOD = '#00703c';
const CAUTION = '#8a6d00';
const BAR_OTHER = '#b1b4b6';
const BAR_COMPATIBLE = '#505a5f';

/** A4 in points, and the recap's margins: the footer sits in the bottom one. */
export const PAGE = { size: 'A4', width: 595.28, margins: { top: 32, bottom: 60, left: 40, right: 40 } } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;
export const BODY = { size: 9, lineHeight: 1.3, color: INK } as const;

const st = {
  title: { size: 15, lineHeight: 1.2, bold: true, marginBottom: 3, role: 'H1' },
  meta: { size: 8, color: MUTED },
  h2: { role: 'H2', size: 12, lineHeight: 1.2, bold: true, marginTop: 10, marginBottom: 4, rule: { color: RULE, width: 1, gap: 2 } },
  h3: { role: 'H3', size: 10, lineHeight: 1.2, bold: true, marginTop: 6, marginBottom: 2 },
  headline: { role: 'H2', size: 13, lineHeight: 1.2, bold: true, marginBottom: 2 },
  kicker: { size: 8, bold: true, color: MUTED, upper: true },
  bold: { bold: true },
  muted: { color: MUTED },
  para: { marginBottom: 3 },
  field: { marginBottom: 1 },
  target: { marginBottom: 1, inset: 8 },
} satisfies Record<string, TTextStyle>;

const box = { kind: 'bar', color: NOTE, width: 3, padding: 8 } satisfies TBox;
const warnBox = { kind: 'bar', color: WARN, width: 3, padding: 8 } satisfies TBox;
const boxed = { marginTop: 4, marginBottom: 4 };

const b = (t: string): TRun => ({ text: t, bold: true });
const m = (t: string): TRun => ({ text: t, color: MUTED });
const H2 = (t: string) => text(t, st.h2);
const H3 = (t: string) => text(t, st.h3);
const cites = (t: string) => (t ? text(`Sources: ${t}`, st.muted) : null);

// ── Pieces ──────────────────────────────────────────────────────────────────────────────────────

function header({ document, content, generatedAt, caseLabel }: TRecapProps): TNode {
  return stack([
    text(RECAP_TITLE, st.title),
    caseLabel ? text(`Case: ${caseLabel}`, st.meta) : null,
    text(`Generated: ${generatedAt}`, st.meta),
    text(`Content version ${document.contentVersion}, last revised ${content.revisedOn}. ${content.status}`, st.meta),
  ]);
}

function finding(f: TFindingText): TNode {
  return keep(
    [
      text([b(f.label), { text: ` — ${f.why}` }]),
      f.nextStep ? text([b('Next step: '), { text: f.nextStep }]) : null,
      f.withheld.length > 0 ? text(`Not recorded: ${f.withheld.join('; ')}.`) : null,
      cites(f.cites),
    ],
    { marginBottom: 4 },
  );
}

/** The scores as bars from a zero line, the same numbers written beside them. */
function scoreBars(scores: TScores): TNode {
  const values = scores.rows.map((r) => r.score);
  const min = Math.min(0, ...values);
  const max = Math.max(scores.threshold, ...values, 1);
  const pct = (v: number) => ((v - min) / (max - min)) * 100;
  return stack(
    [
      {
        kind: 'bars',
        nameWidth: 140,
        trackWidth: 200,
        valueWidth: 30,
        ink: INK,
        muted: MUTED,
        rows: scores.rows.map((r) => ({
          name: r.name,
          bold: r.leading,
          from: Math.min(pct(0), pct(r.score)),
          width: Math.abs(pct(r.score) - pct(0)),
          zero: pct(0),
          threshold: pct(scores.threshold),
          colour: { leading: GOOD, provisional: CAUTION, compatible: BAR_COMPATIBLE, other: BAR_OTHER }[r.emphasis],
          value: r.scoreText,
        })),
      },
      text(`${scores.caption} ${scores.legend}`, { ...st.muted, marginTop: 2 }),
    ],
    { marginTop: 4 },
  );
}

/** Points in a narrow column, the reason beside them. */
const pointsRow = (points: string, body: TNode): TNode => ({
  kind: 'row',
  padding: 1.5,
  columns: [
    { width: 22, gap: 2, node: text(points, st.bold) },
    { width: CONTENT_WIDTH - 22, node: body },
  ],
});

function reasonRow(r: TReason): TNode {
  return pointsRow(
    r.pointsText,
    // One run with its full stop: a line break between two runs would draw a hyphen.
    text([b(`${r.prompt} `), { text: `${r.answer}. ` }, m(`${r.why}${r.countedWith ? ` Counted once, with “${r.countedWith}”.` : ''} (${r.cites})`)]),
  );
}

function noteBlock(n: TDbsNoteText, label = true): TNode {
  return keep([text([...(label ? [b(`${n.label}: `)] : []), { text: n.text }]), cites(n.cites)], { marginBottom: 4 });
}

function dbs(panel: TSectionOf<'dbs'>['panel']): TNode {
  switch (panel.kind) {
    case 'not-covered':
      return keep([H2(panel.title), text(panel.text)]);
    case 'blocked':
      return keep([
        H2(panel.title),
        text(panel.intro, st.para),
        ...panel.reasons.map((r) => text(`• ${r}`)),
        panel.unknownFindings.length > 0 ? text(`Left unknown, and able to contradict the diagnosis: ${panel.unknownFindings.map((f) => f.prompt).join('; ')}`, st.para) : null,
        panel.ask ? text(`To record: ${panel.ask.prompt}`, st.para) : null,
      ]);
    case 'discussed':
      return stack([
        keepWithNext(H2(panel.title), [
          stack([text(panel.disclaimer, st.bold)], { box: warnBox, ...boxed }),
          keep([
            text([{ text: `${panel.summary} ` }, m(`(${panel.summaryCites})`)], st.para),
            // A field's label and its value are one paragraph: however long the label, it wraps with
            // its value and never runs into it.
            ...panel.fields.map((f) => text([b(`${f.label}: `), { text: f.value }], st.field)),
            text(`${panel.targetsLabel}, with the level of evidence for each:`, { ...st.field, bold: true }),
            ...panel.targets.map((t) => text([{ text: '• ' }, b(`${t.name}: `), { text: t.evidence }], st.target)),
          ]),
          ...panel.targetCaveats.map((n) => noteBlock(n)),
          ...panel.firstLine.map((n) => noteBlock(n)),
          ...panel.evidence.map((n) => noteBlock(n)),
          ...panel.caveats.map((n) => noteBlock(n)),
        ]),
        panel.corrections.length > 0
          ? keepWithNext(
              H3('Where the source article is corrected'),
              panel.corrections.map((n) => noteBlock(n, false)),
            )
          : null,
      ]);
  }
}

// ── One renderer per section of the result document ───────────────────────────────────────────

const statusBox = (status: TSectionOf<'status'>['status']): TBox =>
  status === 'category'
    ? { kind: 'frame', color: GOOD, width: 2, padding: 8 }
    : status === 'indeterminate'
      ? { kind: 'frame', color: CAUTION, width: 2, padding: 8, dashed: true }
      : { ...warnBox, width: 4 };

export const pdfSections: TRenderers<TNode, Record<string, never>> = {
  'red-flags': (r) => stack([H3(r.title), ...r.items.map(finding), text(r.whyTitle, st.bold), text(r.intro, st.muted)], { box: warnBox, ...boxed }),
  status: (s) =>
    keep(
      [
        text(s.kicker, st.kicker),
        text(s.headline, st.headline),
        text(s.statusLine, st.para),
        ...s.details.map((d) => text(`• ${d}`)),
        ...(s.mimic ? [text(s.mimic.title, { bold: true, marginTop: 3 }), text(s.mimic.intro, st.para), text(s.mimic.safetyScreen, { ...st.para, bold: true }), ...s.mimic.items.map(finding)] : []),
        s.scores ? scoreBars(s.scores) : null,
      ],
      { box: statusBox(s.status), ...boxed },
    ),
  unanswered: (u) =>
    keep(
      [
        text([...(u.notAnswered ? [b(`${u.notAnswered} `)] : []), u.tone === 'warning' ? b(u.lead) : { text: u.lead }, { text: u.rest ? ` ${u.rest}` : '' }]),
        ...u.items.map((f) => text([{ text: `• ${f.prompt} ` }, m(`(${f.flags})`)])),
        u.first ? text(`To record first: ${u.first.prompt}`) : null,
      ],
      { box: u.tone === 'warning' ? warnBox : box, ...boxed },
    ),
  'set-aside': (sa) => stack([text(sa.title, st.bold), ...sa.items.map(finding)], { box: warnBox, ...boxed }),
  warnings: (w) =>
    stack(
      w.items.map((item) =>
        keep([text(`${w.title}: ${item.title}`, st.bold), text(item.why), text([b('Reconcile: '), { text: item.reconcile }]), cites(item.cites)], { box: warnBox, ...boxed }),
      ),
    ),
  disclaimer: (d) => text(d.recapText, { ...st.muted, marginTop: 3, marginBottom: 3 }),
  'top-reasons': (t) => stack([keepWithNext(H2(t.title), t.reasons.map(reasonRow)), t.more ? text(t.more, st.muted) : null]),
  missing: (mi) =>
    keepWithNext(
      stack([H2(mi.title), text(mi.intro, { ...st.para, ...st.muted })]),
      mi.items.map((item) =>
        keep(
          [
            text(item.prompt, st.bold),
            item.opens ? text(item.opens) : null,
            item.first ? text(`Ask this first: ${item.first}`) : null,
            text(item.change),
            text([b('Settled by: '), { text: item.test }]),
          ],
          { marginBottom: 4 },
        ),
      ),
    ),
  dbs: (d) => dbs(d.panel),
  ranking: (r) =>
    keepWithNext(H2(r.title), [
      text(r.legend, { ...st.muted, ...st.para }),
      ...r.items.flatMap((e, i) => {
        const heading = H3(`${i + 1}. ${e.name} — score ${e.scoreText}`);
        const reasons = e.reasons.length > 0 ? e.reasons.map(reasonRow) : [text(e.none ?? '', st.muted)];
        return [keepWithNext(heading, reasons)];
      }),
    ]),
  record: (r) =>
    keepWithNext(
      stack([H2(r.title), text(r.intro, { ...st.para, ...st.muted }), ...r.fields.map((f) => text([b(`${f.label}: `), { text: f.value }], st.field))]),
      r.items.map((item) =>
        keep(
          [text([b(`${item.prompt} `), { text: item.answer }]), text(`${r.evidenceLabel}:`, st.muted), ...item.evidence.map((e) => text(`• ${e.text} (${e.reference})`, st.target))],
          { marginBottom: 4 },
        ),
      ),
    ),
  answers: (a) => {
    const promptWidth = CONTENT_WIDTH * 0.55;
    const groups = a.groups.map((section) =>
      keepWithNext(
        H3(section.section),
        section.rows.map(
          (row): TNode => ({
            kind: 'row',
            padding: 2,
            rule: { color: RULE, width: 0.5 },
            columns: [
              { width: promptWidth, gap: 8, node: text(row.prompt) },
              {
                width: CONTENT_WIDTH - promptWidth,
                node: stack([
                  ...row.answers.map((label) =>
                    text(row.answers.length > 1 ? `• ${label}` : label, label === answerWords.unknown || label === answerWords.unanswered ? st.muted : undefined),
                  ),
                  row.fromRecord ? text(`(${row.fromRecord})`, st.muted) : null,
                ]),
              },
            ],
          }),
        ),
      ),
    );
    return keepWithNext(H2(`Appendix: ${a.title}`), [...(a.note ? [text(a.note, { ...st.muted, ...st.para })] : []), ...groups]);
  },
  sources: (src) =>
    keepWithNext(
      H2(`Appendix: ${src.title}`),
      src.items.map((item, i) =>
        pointsRow(
          `${i + 1}.`,
          stack([
            text([b(`${item.short}. `), { text: `${item.citation}${item.url ? ` ${item.url}` : ''}` }]),
            item.lay ? text(item.lay, { color: WARN }) : null,
            text(`Verification: ${item.level}.`, st.muted),
          ]),
        ),
      ),
    ),
};

/**
 * The recap as blocks to lay out: the header, then the result document section by section in the
 * page's order (red flags first, the answer and the scores picture, what is open, conflicts, what
 * would change it, deep brain stimulation, the evidence), then the answers and the sources as an
 * appendix.
 */
export function recapBlocks(props: TRecapProps): TNode[] {
  return [header(props), ...props.document.sections.map((section) => renderSection(pdfSections, section, {}))];
}

/** The words at the foot of every page. */
export const footerText = (content: TRecapProps['content']) => `Not medical advice. ${content.disclaimers.banner}`;
