/**
 * The printable recap: a PDF of the result document (machines/result/document.ts), the same document
 * the result page renders, through one renderer per section kind, so both say the same thing in the
 * same words. Page 1 holds the result: red flags first, the answer and the scores picture, what is
 * still open, conflicts, what would change it and the deep brain stimulation panel; the evidence
 * follows; the answers that came from the patient's record (after a launch from it) come just before
 * the answers and the sources, which are an appendix. Only the lazy PDF chunk (render.ts) imports it.
 */
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { TContent } from '../../../content/schema';
import { renderSection, type TRenderers, type TResultDocument, type TSectionOf } from '../../../machines/result/document';
import { answerWords } from '../../../content/ids';
import { type TDbsNoteText, type TFindingText, type TReason, type TScores } from '../../../machines/result/result-model';
import { FONT_FAMILY } from './fonts';

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

const INK = '#1b1b1b';
const MUTED = '#505a5f';
const RULE = '#b1b4b6';
const WARN = '#d4351c';
const NOTE = '#1d70b8';
const GOOD = '#00703c';
const CAUTION = '#8a6d00';
const BAR_OTHER = '#b1b4b6';
const BAR_COMPATIBLE = '#505a5f';

const s = StyleSheet.create({
  // No lineHeight here: in react-pdf 4.9 a lineHeight on any ancestor of a <Text render> makes it
  // vanish (diegomura/react-pdf#3402, #3566), and the footer's page number is one.
  page: { fontFamily: FONT_FAMILY, fontSize: 9, color: INK, paddingTop: 32, paddingBottom: 60, paddingHorizontal: 40 },
  // A unitless lineHeight resolves against the fontSize set on the same node, so both are set here.
  body: { fontSize: 9, lineHeight: 1.3 },
  title: { fontSize: 15, lineHeight: 1.2, fontWeight: 700, marginBottom: 3 },
  meta: { color: MUTED, fontSize: 8 },
  h2: { fontSize: 12, lineHeight: 1.2, fontWeight: 700, marginTop: 10, marginBottom: 4, paddingBottom: 2, borderBottomWidth: 1, borderBottomColor: RULE },
  h3: { fontSize: 10, lineHeight: 1.2, fontWeight: 700, marginTop: 6, marginBottom: 2 },
  headline: { fontSize: 13, lineHeight: 1.2, fontWeight: 700, marginBottom: 2 },
  kicker: { fontSize: 8, fontWeight: 700, color: MUTED, textTransform: 'uppercase' },
  bold: { fontWeight: 700 },
  muted: { color: MUTED },
  para: { marginBottom: 3 },
  box: { borderLeftWidth: 3, borderLeftColor: NOTE, paddingLeft: 8, paddingVertical: 3, marginVertical: 4 },
  resultBox: { borderWidth: 2, borderColor: GOOD, padding: 8, marginVertical: 4 },
  cautionBox: { borderWidth: 2, borderColor: CAUTION, borderStyle: 'dashed', padding: 8, marginVertical: 4 },
  warnBox: { borderLeftWidth: 3, borderLeftColor: WARN, paddingLeft: 8, paddingVertical: 3, marginVertical: 4 },
  row: { flexDirection: 'row', paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: RULE },
  prompt: { width: '55%', paddingRight: 8 },
  answer: { width: '45%' },
  item: { marginBottom: 4 },
  points: { width: 22, fontWeight: 700 },
  line: { flexDirection: 'row', paddingVertical: 1.5 },
  grow: { flex: 1 },
  barRow: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 },
  barName: { width: 140 },
  barTrack: { flexDirection: 'row', width: 200, height: 8, position: 'relative' },
  barValue: { width: 30, paddingLeft: 4 },
  field: { marginBottom: 1 },
  target: { marginBottom: 1, paddingLeft: 8 },
  footer: { position: 'absolute', bottom: 20, left: 40, right: 40, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4, fontSize: 7.5, color: MUTED, flexDirection: 'row' },
  footerText: { flex: 1, paddingRight: 12 },
  pageNumber: { width: 70, textAlign: 'right' },
});

// ── Pieces ──────────────────────────────────────────────────────────────────────────────────────

const H2 = ({ children }: { children: ReactNode }) => <Text style={s.h2}>{children}</Text>;
const H3 = ({ children }: { children: ReactNode }) => <Text style={s.h3}>{children}</Text>;
const Cites = ({ text }: { text: string }) => (text ? <Text style={s.muted}>Sources: {text}</Text> : null);

/**
 * Blocks to lay out one after another, the heading kept on one page with the first of them
 * (minPresenceAhead did not keep headings off the foot of a page in react-pdf 4.9). Each block is
 * small and unsplittable, or free to break; flattening nested groups keeps every unsplittable unit
 * small, so none can be taller than a page.
 */
function keepWithNext(key: string, heading: ReactNode, blocks: ReactNode[]): ReactNode[] {
  return [
    <View key={key} wrap={false}>
      {heading}
      {blocks[0]}
    </View>,
    ...blocks.slice(1),
  ];
}

function Footer({ banner }: { banner: string }) {
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>Not medical advice. {banner}</Text>
      <Text style={s.pageNumber} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function Header({ document, content, generatedAt, caseLabel }: Omit<TRecapProps, 'content'> & { content: TRecapProps['content'] }) {
  return (
    <View>
      <Text style={s.title}>{RECAP_TITLE}</Text>
      {caseLabel ? <Text style={s.meta}>Case: {caseLabel}</Text> : null}
      <Text style={s.meta}>Generated: {generatedAt}</Text>
      <Text style={s.meta}>
        Content version {document.contentVersion}, last revised {content.revisedOn}. {content.status}
      </Text>
    </View>
  );
}

function Finding({ f }: { f: TFindingText }) {
  return (
    <View style={s.item} wrap={false}>
      <Text>
        <Text style={s.bold}>{f.label}</Text> — {f.why}
      </Text>
      {f.nextStep ? (
        <Text>
          <Text style={s.bold}>Next step: </Text>
          {f.nextStep}
        </Text>
      ) : null}
      {f.withheld.length > 0 ? <Text>Not recorded: {f.withheld.join('; ')}.</Text> : null}
      <Cites text={f.cites} />
    </View>
  );
}

/** The scores as bars drawn with boxes, from a zero line; the same numbers written beside them. */
function ScoreBars({ scores }: { scores: TScores }) {
  const values = scores.rows.map((r) => r.score);
  const min = Math.min(0, ...values);
  const max = Math.max(scores.threshold, ...values, 1);
  const pct = (v: number) => ((v - min) / (max - min)) * 100;
  return (
    <View style={{ marginTop: 4 }}>
      {scores.rows.map((r) => {
        const from = Math.min(pct(0), pct(r.score));
        const width = Math.abs(pct(r.score) - pct(0));
        const colour = { leading: GOOD, provisional: CAUTION, compatible: BAR_COMPATIBLE, other: BAR_OTHER }[r.emphasis];
        return (
          <View key={r.category} style={s.barRow} wrap={false}>
            <Text style={[s.barName, r.leading ? s.bold : {}]}>{r.name}</Text>
            <View style={s.barTrack}>
              <View style={{ position: 'absolute', left: `${pct(0)}%`, top: -1, bottom: -1, width: 0.7, backgroundColor: INK }} />
              <View style={{ position: 'absolute', left: `${pct(scores.threshold)}%`, top: -2, bottom: -2, width: 0, borderLeftWidth: 0.8, borderLeftColor: MUTED, borderStyle: 'dashed' }} />
              <View style={{ position: 'absolute', left: `${from}%`, width: `${width}%`, top: 0, bottom: 0, backgroundColor: colour }} />
            </View>
            <Text style={s.barValue}>{r.scoreText}</Text>
          </View>
        );
      })}
      <Text style={[s.muted, { marginTop: 2 }]}>
        {scores.caption} {scores.legend}
      </Text>
    </View>
  );
}

function ReasonRow({ r }: { r: TReason }) {
  return (
    <View style={s.line} wrap={false}>
      <Text style={s.points}>{r.pointsText}</Text>
      <Text style={s.grow}>
        <Text style={s.bold}>{r.prompt} </Text>
        {/* One run with its full stop: a line break between two runs would draw a hyphen. */}
        {`${r.answer}. `}
        <Text style={s.muted}>{r.why}{r.countedWith ? ` Counted once, with “${r.countedWith}”.` : ''} ({r.cites})</Text>
      </Text>
    </View>
  );
}

function NoteBlock({ n, label = true }: { n: TDbsNoteText; label?: boolean }) {
  return (
    <View style={s.item} wrap={false}>
      <Text>
        {label ? <Text style={s.bold}>{n.label}: </Text> : null}
        {n.text}
      </Text>
      <Cites text={n.cites} />
    </View>
  );
}

function Dbs({ panel }: { panel: TSectionOf<'dbs'>['panel'] }) {
  switch (panel.kind) {
    case 'not-covered':
      return (
        <View wrap={false}>
          <H2>{panel.title}</H2>
          <Text>{panel.text}</Text>
        </View>
      );
    case 'blocked':
      return (
        <View wrap={false}>
          <H2>{panel.title}</H2>
          <Text style={s.para}>{panel.intro}</Text>
          {panel.reasons.map((r) => (
            <Text key={r}>• {r}</Text>
          ))}
          {panel.unknownFindings.length > 0 ? (
            <Text style={s.para}>Left unknown, and able to contradict the diagnosis: {panel.unknownFindings.map((f) => f.prompt).join('; ')}</Text>
          ) : null}
          {panel.ask ? <Text style={s.para}>To record: {panel.ask.prompt}</Text> : null}
        </View>
      );
    case 'discussed':
      return (
        <View>
          {keepWithNext('dbs', <H2>{panel.title}</H2>, [
            <View key="disclaimer" style={s.warnBox}>
              <Text style={s.bold}>{panel.disclaimer}</Text>
            </View>,
            <View key="fields" wrap={false}>
              <Text style={s.para}>
                {panel.summary} <Text style={s.muted}>({panel.summaryCites})</Text>
              </Text>
              {/* A field's label and its value are one run of text: however long the label, it
                  wraps with its value and never runs into it (two columns collided). */}
              {panel.fields.map((f) => (
                <Text key={f.label} style={s.field}>
                  <Text style={s.bold}>{f.label}: </Text>
                  {f.value}
                </Text>
              ))}
              <Text style={[s.field, s.bold]}>{panel.targetsLabel}, with the level of evidence for each:</Text>
              {panel.targets.map((t) => (
                <Text key={t.name} style={s.target}>
                  • <Text style={s.bold}>{t.name}: </Text>
                  {t.evidence}
                </Text>
              ))}
            </View>,
            ...panel.targetCaveats.map((n) => <NoteBlock key={n.id} n={n} />),
            ...panel.firstLine.map((n) => <NoteBlock key={n.id} n={n} />),
            ...panel.evidence.map((n) => <NoteBlock key={n.id} n={n} />),
            ...panel.caveats.map((n) => <NoteBlock key={n.id} n={n} />),
          ])}
          {panel.corrections.length > 0
            ? keepWithNext(
                'corrections',
                <H3>Where the source article is corrected</H3>,
                panel.corrections.map((n) => <NoteBlock key={n.id} n={n} label={false} />),
              )
            : null}
        </View>
      );
  }
}

// ── One renderer per section of the result document ───────────────────────────────────────────

const statusBox = (status: TSectionOf<'status'>['status']) =>
  status === 'category' ? s.resultBox : status === 'indeterminate' ? s.cautionBox : [s.warnBox, { borderLeftWidth: 4 }];

const pdfSections: TRenderers<ReactNode, { key: string }> = {
  'red-flags': (r, { key }) => (
    <View key={key} style={s.warnBox}>
      <Text style={s.h3}>{r.title}</Text>
      {r.items.map((f) => (
        <Finding key={f.rule} f={f} />
      ))}
      <Text style={s.bold}>{r.whyTitle}</Text>
      <Text style={s.muted}>{r.intro}</Text>
    </View>
  ),
  status: (st, { key }) => (
    <View key={key} style={statusBox(st.status)} wrap={false}>
      <Text style={s.kicker}>{st.kicker}</Text>
      <Text style={s.headline}>{st.headline}</Text>
      <Text style={s.para}>{st.statusLine}</Text>
      {st.details.map((d) => (
        <Text key={d}>• {d}</Text>
      ))}
      {st.mimic ? (
        <>
          <Text style={[s.bold, { marginTop: 3 }]}>{st.mimic.title}</Text>
          <Text style={s.para}>{st.mimic.intro}</Text>
          <Text style={[s.para, s.bold]}>{st.mimic.safetyScreen}</Text>
          {st.mimic.items.map((f) => (
            <Finding key={f.rule} f={f} />
          ))}
        </>
      ) : null}
      {st.scores ? <ScoreBars scores={st.scores} /> : null}
    </View>
  ),
  unanswered: (u, { key }) => (
    <View key={key} style={u.tone === 'warning' ? s.warnBox : s.box} wrap={false}>
      <Text>
        {u.notAnswered ? <Text style={s.bold}>{u.notAnswered} </Text> : null}
        {u.tone === 'warning' ? <Text style={s.bold}>{u.lead}</Text> : u.lead}
        {u.rest ? ` ${u.rest}` : ''}
      </Text>
      {u.items.map((f) => (
        <Text key={f.question}>
          • {f.prompt} <Text style={s.muted}>({f.flags})</Text>
        </Text>
      ))}
      {u.first ? <Text>To record first: {u.first.prompt}</Text> : null}
    </View>
  ),
  'set-aside': (sa, { key }) => (
    <View key={key} style={s.warnBox}>
      <Text style={s.bold}>{sa.title}</Text>
      {sa.items.map((f) => (
        <Finding key={f.rule} f={f} />
      ))}
    </View>
  ),
  warnings: (w, { key }) => (
    <View key={key}>
      {w.items.map((item) => (
        <View key={item.why} style={s.warnBox} wrap={false}>
          <Text style={s.bold}>
            {w.title}: {item.title}
          </Text>
          <Text>{item.why}</Text>
          <Text>
            <Text style={s.bold}>Reconcile: </Text>
            {item.reconcile}
          </Text>
          <Cites text={item.cites} />
        </View>
      ))}
    </View>
  ),
  disclaimer: (d, { key }) => (
    <Text key={key} style={[s.muted, { marginVertical: 3 }]}>
      {d.recapText}
    </Text>
  ),
  'top-reasons': (t, { key }) => (
    <View key={key}>
      {keepWithNext(
        'top-reasons',
        <H2>{t.title}</H2>,
        t.reasons.map((r) => <ReasonRow key={r.rule} r={r} />),
      )}
      {t.more ? <Text style={s.muted}>{t.more}</Text> : null}
    </View>
  ),
  missing: (m, { key }) => (
    <View key={key}>
      {keepWithNext(
        'missing',
        <>
          <H2>{m.title}</H2>
          <Text style={[s.para, s.muted]}>{m.intro}</Text>
        </>,
        m.items.map((item) => (
          <View key={item.question} style={s.item} wrap={false}>
            <Text style={s.bold}>{item.prompt}</Text>
            {item.opens ? <Text>{item.opens}</Text> : null}
            {item.first ? <Text>Ask this first: {item.first}</Text> : null}
            <Text>{item.change}</Text>
            <Text>
              <Text style={s.bold}>Settled by: </Text>
              {item.test}
            </Text>
          </View>
        )),
      )}
    </View>
  ),
  dbs: (d, { key }) => <Dbs key={key} panel={d.panel} />,
  ranking: (r, { key }) => {
    const blocks = r.items.flatMap((e, i) =>
      keepWithNext(
        e.category,
        <H3>
          {i + 1}. {e.name} — score {e.scoreText}
        </H3>,
        e.reasons.length > 0 ? e.reasons.map((reason) => <ReasonRow key={`${e.category}-${reason.rule}`} r={reason} />) : [<Text key={`${e.category}-none`} style={s.muted}>{e.none}</Text>],
      ),
    );
    return (
      <View key={key}>
        {keepWithNext('ranking', <H2>{r.title}</H2>, [<Text key="legend" style={[s.muted, s.para]}>{r.legend}</Text>, ...blocks])}
      </View>
    );
  },
  record: (r, { key }) => (
    <View key={key}>
      {keepWithNext(
        'record',
        <>
          <H2>{r.title}</H2>
          <Text style={[s.para, s.muted]}>{r.intro}</Text>
          {r.fields.map((f) => (
            <Text key={f.label} style={s.field}>
              <Text style={s.bold}>{f.label}: </Text>
              {f.value}
            </Text>
          ))}
        </>,
        r.items.map((item) => (
          <View key={`${item.question}-${item.answer}`} style={s.item} wrap={false}>
            <Text>
              <Text style={s.bold}>{item.prompt} </Text>
              {item.answer}
            </Text>
            <Text style={s.muted}>{r.evidenceLabel}:</Text>
            {item.evidence.map((e) => (
              <Text key={e.reference} style={s.target}>
                • {e.text} ({e.reference})
              </Text>
            ))}
          </View>
        )),
      )}
    </View>
  ),
  answers: (a, { key }) => {
    const blocks = a.groups.flatMap((section) =>
      keepWithNext(
        `section-${section.section}`,
        <H3>{section.section}</H3>,
        section.rows.map((row) => (
          <View key={row.question} style={s.row} wrap={false}>
            <Text style={s.prompt}>{row.prompt}</Text>
            <View style={s.answer}>
              {row.answers.map((label, i) => (
                <Text key={i} style={label === answerWords.unknown || label === answerWords.unanswered ? s.muted : undefined}>
                  {row.answers.length > 1 ? `• ${label}` : label}
                </Text>
              ))}
              {row.fromRecord ? <Text style={s.muted}>({row.fromRecord})</Text> : null}
            </View>
          </View>
        )),
      ),
    );
    const note = a.note ? [<Text key="note" style={[s.muted, s.para]}>{a.note}</Text>] : [];
    return <View key={key}>{keepWithNext('answers', <H2>Appendix: {a.title}</H2>, [...note, ...blocks])}</View>;
  },
  sources: (src, { key }) => (
    <View key={key}>
      {keepWithNext(
        'references',
        <H2>Appendix: {src.title}</H2>,
        src.items.map((item, i) => (
          <View key={item.id} style={s.line} wrap={false}>
            <Text style={s.points}>{i + 1}.</Text>
            <View style={s.grow}>
              <Text>
                <Text style={s.bold}>{item.short}. </Text>
                {item.citation}
                {item.url ? ` ${item.url}` : ''}
              </Text>
              {item.lay ? <Text style={{ color: WARN }}>{item.lay}</Text> : null}
              <Text style={s.muted}>Verification: {item.level}.</Text>
            </View>
          </View>
        )),
      )}
    </View>
  ),
};

// ── The document ────────────────────────────────────────────────────────────────────────────────

/**
 * The recap: the result document the page shows, section by section in the page's order (red flags
 * first, the answer and the scores picture, what is open, conflicts, what would change it, deep brain
 * stimulation, the evidence), then the answers and the sources as an appendix.
 */
export function RecapDocument({ document, content, generatedAt, caseLabel }: TRecapProps) {
  return (
    <Document title={RECAP_TITLE} subject={content.disclaimers.banner} creator="Myoclonus Navigator" producer="Myoclonus Navigator" language="en">
      <Page size="A4" style={s.page} wrap>
        <Footer banner={content.disclaimers.banner} />
        <View style={s.body}>
          <Header document={document} content={content} generatedAt={generatedAt} caseLabel={caseLabel} />
          {document.sections.map((section, i) => renderSection(pdfSections, section, { key: `${section.kind}-${i}` }))}
        </View>
      </Page>
    </Document>
  );
}
