/**
 * The printable recap: a PDF built from one assessment and the content it was made with. It shows
 * what the assessment says and never works anything out again; the content supplies only words —
 * labels, prompts, option labels and citations. Only the lazy PDF chunk (render.ts) imports it.
 */
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { TCategory, TContent, TQuestion, TSource } from '../../content/schema';
import type { TAnswerValue } from '../../machines/answers';
import type { TAssessment, TContribution, TDbs, TFinding, TRankEntry } from '../../machines/assess';
import { NOT_PROVIDED } from '../answer-text';
import { citedSources, outcomeText } from '../result-text';
import { FONT_FAMILY } from './fonts';

export type TRecapProps = {
  assessment: TAssessment;
  content: TContent;
  /** Date and time of generation, already formatted by the caller for the reader's locale. */
  generatedAt: string;
  /** An optional label the clinician gives the case; never a patient identifier. */
  caseLabel?: string;
};

export const RECAP_TITLE = 'Myoclonus Navigator — recap';
export { NOT_PROVIDED };

const INK = '#1b1b1b';
const MUTED = '#505a5f';
const RULE = '#b1b4b6';
const WARN = '#d4351c';
const NOTE = '#1d70b8';

const s = StyleSheet.create({
  // No lineHeight here: in react-pdf 4.9 a lineHeight on any ancestor of a <Text render> makes it
  // vanish (diegomura/react-pdf#3402, #3566), and the footer's page number is one.
  page: { fontFamily: FONT_FAMILY, fontSize: 9, color: INK, paddingTop: 36, paddingBottom: 64, paddingHorizontal: 40 },
  // A unitless lineHeight resolves against the fontSize set on the same node, so both are set here.
  body: { fontSize: 9, lineHeight: 1.35 },
  title: { fontSize: 17, lineHeight: 1.2, fontWeight: 700, marginBottom: 4 },
  meta: { color: MUTED, marginBottom: 1 },
  h2: { fontSize: 13, lineHeight: 1.2, fontWeight: 700, marginTop: 14, marginBottom: 6, paddingBottom: 2, borderBottomWidth: 1, borderBottomColor: RULE },
  h3: { fontSize: 10.5, lineHeight: 1.2, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  bold: { fontWeight: 700 },
  muted: { color: MUTED },
  para: { marginBottom: 4 },
  box: { borderLeftWidth: 3, borderLeftColor: NOTE, paddingLeft: 8, paddingVertical: 3, marginVertical: 4 },
  warnBox: { borderLeftWidth: 3, borderLeftColor: WARN, paddingLeft: 8, paddingVertical: 3, marginVertical: 4 },
  row: { flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: RULE },
  prompt: { width: '55%', paddingRight: 8 },
  answer: { width: '45%' },
  item: { marginBottom: 5 },
  points: { width: 22, fontWeight: 700 },
  contribution: { flexDirection: 'row', paddingVertical: 2 },
  grow: { flex: 1 },
  footer: { position: 'absolute', bottom: 22, left: 40, right: 40, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4, fontSize: 7.5, color: MUTED, flexDirection: 'row' },
  footerText: { flex: 1, paddingRight: 12 },
  pageNumber: { width: 70, textAlign: 'right' },
});

// ── Words from the content ──────────────────────────────────────────────────────────────────────

type Words = ReturnType<typeof wordsOf>;

function wordsOf(content: TContent) {
  const questions = new Map(content.questions.map((q) => [q.id, q]));
  const sources = new Map(content.sources.map((src) => [src.id, src]));
  const question = (id: string): TQuestion | undefined => questions.get(id);
  const optionLabel = (q: TQuestion | undefined, id: string) => q?.options.find((o) => o.id === id)?.label ?? id;
  const categoryName = (c: TCategory) => content.labels.categories[c].name;
  return {
    question,
    prompt: (id: string) => question(id)?.prompt ?? id,
    /** Option labels of a stored answer; "Not provided" for unknown. */
    answerLabels: (id: string, value: TAnswerValue | undefined): string[] => {
      if (value === undefined) return [NOT_PROVIDED];
      const q = question(id);
      return (typeof value === 'string' ? [value] : value).map((v) => optionLabel(q, v));
    },
    /** The option an evidence rule fired on (the assessment records it; one of several for a multi-select). */
    contributionAnswer: (c: TContribution): string => optionLabel(question(c.question), c.answer),
    categoryName,
    cites: (ids: readonly string[]) => ids.map((id) => sources.get(id)?.short ?? id).join('; '),
    /** Possible outcomes of a missing answer, in the result page's words. */
    outcome: (o: string): string => outcomeText(o, content),
  };
}

/** Every source the recap cites: the same list as the result page. */
export { citedSources };

// ── Pieces ──────────────────────────────────────────────────────────────────────────────────────

const H2 = ({ children }: { children: ReactNode }) => <Text style={s.h2}>{children}</Text>;
const H3 = ({ children }: { children: ReactNode }) => <Text style={s.h3}>{children}</Text>;

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

const Cites = ({ ids, words }: { ids: readonly string[]; words: Words }) =>
  ids.length > 0 ? <Text style={s.muted}>Sources: {words.cites(ids)}</Text> : null;

function Footer({ banner }: { banner: string }) {
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>{banner}</Text>
      <Text style={s.pageNumber} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function Header({ assessment, content, generatedAt, caseLabel }: TRecapProps) {
  return (
    <View>
      <Text style={s.title}>{RECAP_TITLE}</Text>
      {caseLabel ? <Text style={s.meta}>Case: {caseLabel}</Text> : null}
      <Text style={s.meta}>Generated: {generatedAt}</Text>
      <Text style={s.meta}>
        Content version {assessment.contentVersion}, reviewed on {content.reviewedOn}. {content.reviewStatus}
      </Text>
      <View style={s.box}>
        <Text>{content.disclaimers.beforeResults}</Text>
      </View>
    </View>
  );
}

function Answers({ assessment, content, words }: { assessment: TAssessment; content: TContent; words: Words }) {
  const enabled = assessment.explanation.enabledQuestions;
  const blocks = content.sections.flatMap((section) => {
    const ids = enabled.filter((id) => words.question(id)?.section === section.id);
    if (ids.length === 0) return [];
    const rows = ids.map((id) => {
      const labels = words.answerLabels(id, assessment.explanation.answers[id]);
      return (
        <View key={id} style={s.row} wrap={false}>
          <Text style={s.prompt}>{words.prompt(id)}</Text>
          <View style={s.answer}>
            {labels.map((label, i) => (
              <Text key={i} style={label === NOT_PROVIDED ? s.muted : undefined}>
                {labels.length > 1 ? `• ${label}` : label}
              </Text>
            ))}
          </View>
        </View>
      );
    });
    return keepWithNext(`section-${section.id}`, <H3>{section.title}</H3>, rows);
  });
  return <View>{keepWithNext('answers', <H2>Answers</H2>, blocks)}</View>;
}

function FindingItem({ finding, words }: { finding: TFinding; words: Words }) {
  return (
    <View style={s.item} wrap={false}>
      <Text>{finding.why}</Text>
      {finding.nextStep ? (
        <Text>
          <Text style={s.bold}>Next step: </Text>
          {finding.nextStep}
        </Text>
      ) : null}
      <Cites ids={finding.sources} words={words} />
    </View>
  );
}

function MimicPanel({ assessment, content, words }: { assessment: TAssessment; content: TContent; words: Words }) {
  if (assessment.gate !== 'mimic' || assessment.mimic === null) return null;
  return (
    <View style={s.warnBox}>
      <Text style={s.h3}>These movements may not be myoclonus: {content.labels.mimics[assessment.mimic]}</Text>
      <Text style={s.para}>A mimic takes precedence over everything else, so no category and no deep brain stimulation discussion are given.</Text>
      {assessment.explanation.gate.map((f) => (
        <FindingItem key={f.rule} finding={f} words={words} />
      ))}
    </View>
  );
}

function RedFlagPanel({ assessment, content, words }: { assessment: TAssessment; content: TContent; words: Words }) {
  if (assessment.redFlags.length === 0) return null;
  return (
    <View style={s.warnBox}>
      <Text style={s.h3}>Red flags: look for a reversible or urgent cause first</Text>
      <Text style={s.para}>{content.disclaimers.redFlags}</Text>
      {assessment.redFlags.map((flag) => (
        <View key={flag}>
          <Text style={s.bold}>{content.labels.redFlags[flag]}</Text>
          {assessment.explanation.redFlags
            .filter((f) => f.raises === flag)
            .map((f) => (
              <FindingItem key={f.rule} finding={f} words={words} />
            ))}
        </View>
      ))}
    </View>
  );
}

function CategoryPanel({ assessment, content, words }: { assessment: TAssessment; content: TContent; words: Words }) {
  const { category } = assessment;
  if (category === null) return null;
  if (category !== 'indeterminate') {
    return (
      <View style={s.box} wrap={false}>
        <Text style={s.h3}>Physiological category: {words.categoryName(category)}</Text>
        <Text>Generator: {content.labels.categories[category].generator}</Text>
      </View>
    );
  }
  const provisional = assessment.explanation.provisionalCategory;
  return (
    <View style={s.box}>
      <Text style={s.h3}>Physiological category: Indeterminate</Text>
      <Text style={s.para}>
        <Text style={s.bold}>Still compatible: </Text>
        {assessment.candidates.map(words.categoryName).join(', ')}
      </Text>
      {provisional ? (
        <Text style={s.para}>
          <Text style={s.bold}>Provisional category: </Text>
          {words.categoryName(provisional)} — where the answers point; it stays provisional until the red flags are dealt with.
        </Text>
      ) : null}
      <Text style={s.bold}>Why indeterminate:</Text>
      {assessment.explanation.indeterminate.map((reason) => (
        <Text key={reason}>• {content.labels.indeterminateReasons[reason]}</Text>
      ))}
    </View>
  );
}

/** Points with a true minus sign. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

function ContributionRow({ c, words }: { c: TContribution; words: Words }) {
  return (
    <View style={s.contribution} wrap={false}>
      <Text style={s.points}>{signed(c.points)}</Text>
      <Text style={s.grow}>
        <Text style={s.bold}>{words.prompt(c.question)} </Text>
        {words.contributionAnswer(c)}. <Text style={s.muted}>{c.why} ({words.cites(c.sources)})</Text>
      </Text>
    </View>
  );
}

function Differential({ ranking, words }: { ranking: TRankEntry[]; words: Words }) {
  const list = (key: string, label: string, contributions: TContribution[]) =>
    contributions.length === 0
      ? []
      : keepWithNext(
          key,
          <Text style={s.bold}>{label}</Text>,
          contributions.map((c) => <ContributionRow key={`${key}-${c.rule}`} c={c} words={words} />),
        );
  const blocks = ranking.flatMap((entry, i) => {
    const lists = [...list(`${entry.category}-for`, 'For', entry.for), ...list(`${entry.category}-against`, 'Against', entry.against)];
    const heading = (
      <Text style={s.h3}>
        {i + 1}. {words.categoryName(entry.category)} — score {entry.score < 0 ? `−${-entry.score}` : entry.score}
      </Text>
    );
    return keepWithNext(
      entry.category,
      heading,
      lists.length > 0 ? lists : [<Text key={`${entry.category}-none`} style={s.muted}>No answer counted for or against it.</Text>],
    );
  });
  const heading = (
    <>
      <H2>Ranked differential</H2>
      <Text style={[s.para, s.muted]}>Every category with its score and the answers for and against it, best first.</Text>
    </>
  );
  return <View>{keepWithNext('differential', heading, blocks)}</View>;
}

const NOTE_KIND: Record<TDbs['notes'][number]['kind'], string> = {
  refractory: 'Refractoriness',
  'first-line': 'Place in treatment',
  'target-caveat': 'About the targets',
  evidence: 'Evidence',
  caveat: 'Caveat',
  'source-correction': 'Correction of the source article',
};

function DbsPanel({ dbs, content, words }: { dbs: TDbs; content: TContent; words: Words }) {
  const route = content.dbs.find((r) => r.diagnosis === dbs.diagnosis);
  if (dbs.blockedBy.length > 0) {
    const why = dbs.blockedBy.map((b) => content.labels.dbsBlocks[b]).join(' ');
    return (
      <View wrap={false}>
        <H2>Deep brain stimulation</H2>
        <Text>
          No target is discussed{route ? ` for the established diagnosis (${route.label})` : ''}. {why}
        </Text>
      </View>
    );
  }
  if (dbs.summary === null) {
    return (
      <View wrap={false}>
        <H2>Deep brain stimulation</H2>
        <Text>
          Not discussed: the literature this tool follows discusses it only for an established diagnosis of{' '}
          {content.dbs.map((r) => r.label.toLowerCase()).join(' or ')} (question D1).
        </Text>
      </View>
    );
  }
  const refractory = dbs.refractory === null ? 'not recorded' : dbs.refractory ? 'yes' : 'no';
  return (
    <View>
      {keepWithNext('dbs', <H2>Deep brain stimulation</H2>, [
        <View key="disclaimer" style={s.warnBox}>
          <Text style={s.bold}>{content.disclaimers.dbs}</Text>
        </View>,
        <View key="summary" wrap={false}>
          {route ? (
            <Text>
              <Text style={s.bold}>Established diagnosis: </Text>
              {route.label}
            </Text>
          ) : null}
          <Text>
            <Text style={s.bold}>Targets discussed: </Text>
            {dbs.targets.map((t) => content.labels.targets[t]).join('; ')}
          </Text>
          <Text>
            <Text style={s.bold}>Disabling and refractory to adequate medical treatment: </Text>
            {refractory}
          </Text>
          <Text style={[s.para, { marginTop: 4 }]}>{dbs.summary}</Text>
          {route ? <Cites ids={route.sources} words={words} /> : null}
          <Text style={[s.para, { marginTop: 4 }]}>
            <Text style={s.bold}>Level of evidence: </Text>
            {dbs.evidenceLevel}
          </Text>
        </View>,
        ...dbs.notes.map((n) => (
          <View key={n.id} style={s.item} wrap={false}>
            <Text>
              <Text style={s.bold}>{NOTE_KIND[n.kind]}: </Text>
              {n.text}
            </Text>
            <Cites ids={n.sources} words={words} />
          </View>
        )),
      ])}
    </View>
  );
}

function Missing({ assessment, words }: { assessment: TAssessment; words: Words }) {
  const intro =
    assessment.missing.length === 0 ? (
      <Text>No question left unknown could change this result.</Text>
    ) : (
      <Text style={[s.para, s.muted]}>Questions left unknown whose answer could change the result, most decisive first.</Text>
    );
  const heading = (
    <>
      <H2>What is missing</H2>
      {intro}
    </>
  );
  return (
    <View>
      {keepWithNext('missing', heading, assessment.missing.map((m) => (
        <View key={m.question} style={s.item} wrap={false}>
          <Text style={s.bold}>{words.prompt(m.question)}</Text>
          {m.via.length > 0 ? <Text>Then: {m.via.map(words.prompt).join(' / ')}</Text> : null}
          <Text>
            <Text style={s.bold}>Test: </Text>
            {m.test}
          </Text>
          <Text>
            <Text style={s.bold}>Could lead to: </Text>
            {m.couldLeadTo.map(words.outcome).join('; ')}
          </Text>
        </View>
      )))}
    </View>
  );
}

const LEVEL: Record<TSource['level'], string> = {
  S: 'the source article',
  V: 'checked',
  '2°': 'secondary summary',
  BK: 'background knowledge, still to be checked',
};

function References({ sources }: { sources: TSource[] }) {
  return (
    <View>
      {keepWithNext('references', <H2>References</H2>, sources.map((src, i) => (
        <View key={src.id} style={s.contribution} wrap={false}>
          <Text style={s.points}>{i + 1}.</Text>
          <View style={s.grow}>
            <Text>
              <Text style={s.bold}>{src.short}. </Text>
              {src.citation}
              {src.url ? ` ${src.url}` : ''}
            </Text>
            {src.lay ? <Text style={{ color: WARN }}>Consumer health article, not peer reviewed.</Text> : null}
            <Text style={s.muted}>Verification: {LEVEL[src.level]}.</Text>
          </View>
        </View>
      )))}
    </View>
  );
}

// ── The document ────────────────────────────────────────────────────────────────────────────────

export function RecapDocument(props: TRecapProps) {
  const { assessment, content } = props;
  const words = wordsOf(content);
  const myoclonus = assessment.gate === 'myoclonus';
  return (
    <Document title={RECAP_TITLE} subject={content.disclaimers.banner} creator="Myoclonus Navigator" producer="Myoclonus Navigator" language="en">
      <Page size="A4" style={s.page} wrap>
        <Footer banner={content.disclaimers.banner} />
        <View style={s.body}>
          <Header {...props} />
          <Answers assessment={assessment} content={content} words={words} />
          {keepWithNext('result', <H2>Result</H2>, [
            assessment.gate === 'mimic' ? <MimicPanel key="mimic" assessment={assessment} content={content} words={words} /> : null,
            assessment.redFlags.length > 0 ? <RedFlagPanel key="flags" assessment={assessment} content={content} words={words} /> : null,
            assessment.category !== null ? <CategoryPanel key="category" assessment={assessment} content={content} words={words} /> : null,
          ].filter((block) => block !== null))}
          {myoclonus ? <Differential ranking={assessment.ranking} words={words} /> : null}
          {myoclonus || assessment.dbs.blockedBy.length > 0 ? <DbsPanel dbs={assessment.dbs} content={content} words={words} /> : null}
          {myoclonus ? <Missing assessment={assessment} words={words} /> : null}
          <References sources={citedSources(assessment, content)} />
        </View>
      </Page>
    </Document>
  );
}
