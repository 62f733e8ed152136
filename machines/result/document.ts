/**
 * The result document: everything a reader is shown of one assessment, as an ordered list of typed
 * sections. The result page, print (the page) and the PDF recap each render this list with one
 * renderer per section kind (`TRenderers`), so a new kind fails the type check until every view
 * renders it, and the PDF a clinician prints says what the page says, the session's facts (answers
 * never given, answers set aside) included. Pure: the assessment, the session facts and the content
 * in; words (all from content/) and numbers out.
 */
import { recordResultText, resultHeadings, resultKickers, setAsideNote, sourceLevels } from '../../content/result-text';
import type { TContent } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import type { TAssessment } from '../assessment/assess';
import type { TFromRecord, TRecordContext, TRecordEvidence } from '../record/types';
import { resultModel, type TCategoryEvidence, type TDbsPanel, type TFindingText, type TResultModel, type TResultStatus } from './result-model';
import { type TUnansweredSection, unansweredFlagsOf, unansweredSection } from './unanswered';

/**
 * What the session knows beyond the assessment: the answers as given (unknown kept), those set aside
 * by a change, and, after a launch from the electronic record, the answers the clinician confirmed
 * from it (`fromRecord`) and which record and patient they came from (`record`). Left out: nothing
 * came from a record.
 */
export type TSessionFacts = { answers: TAnswers; setAside: TAnswers; fromRecord?: TFromRecord; record?: TRecordContext | null };

/** One option of an answer that came from the record, with the record entries that support it. */
export type TRecordAnswer = { question: string; prompt: string; answer: string; evidence: TRecordEvidence[] };

/** A row of the answers section: the answer's words, and a mark when any of its options came from the record. */
export type TAnswerGroup = { section: string; rows: { question: string; prompt: string; answers: string[]; fromRecord: string | null }[] };

export type TSourceText = { id: string; short: string; citation: string; url: string | null; lay: string | null; level: string };

export type TSection =
  | { kind: 'red-flags'; title: string; intro: string; whyTitle: string; items: TFindingText[] }
  | {
      kind: 'status';
      status: TResultStatus;
      kicker: string;
      headline: string;
      statusLine: string;
      details: string[];
      mimic: TResultModel['mimic'];
      scores: TResultModel['scores'];
    }
  | TUnansweredSection
  | ({ kind: 'set-aside' } & NonNullable<TResultModel['setAside']>)
  | { kind: 'warnings'; title: string; items: TResultModel['warnings'] }
  /** The same disclaimer naming the page ("This assessment …") or the recap ("This recap …"). */
  | { kind: 'disclaimer'; text: string; recapText: string }
  | ({ kind: 'top-reasons' } & NonNullable<TResultModel['topReasons']>)
  | ({ kind: 'missing' } & NonNullable<TResultModel['missing']>)
  | { kind: 'dbs'; panel: Exclude<TDbsPanel, { kind: 'hidden' }> }
  /** Each category, best first; `none` holds the words shown when no answer counted for or against it. */
  | { kind: 'ranking'; title: string; legend: string; items: (TCategoryEvidence & { none: string | null })[] }
  /**
   * The answers that came from the patient's record (only when some did): which record and patient
   * (`fields`, label and value), then each answer with its supporting record entries.
   */
  | { kind: 'record'; title: string; intro: string; fields: { label: string; value: string }[]; evidenceLabel: string; items: TRecordAnswer[] }
  | { kind: 'answers'; title: string; note: string | null; groups: TAnswerGroup[] }
  | { kind: 'sources'; title: string; items: TSourceText[] };

export type TSectionKind = TSection['kind'];
export type TSectionOf<K extends TSectionKind> = Extract<TSection, { kind: K }>;

/** One renderer per section kind: a view that leaves one out does not type-check. */
export type TRenderers<R, P> = { [K in TSectionKind]: (section: TSectionOf<K>, props: P) => R };

/** Render one section with the renderer for its kind. */
export function renderSection<R, P>(renderers: TRenderers<R, P>, section: TSection, props: P): R {
  return (renderers[section.kind] as (s: TSection, p: P) => R)(section, props);
}

export type TResultDocument = {
  headline: string;
  contentVersion: string;
  sections: TSection[];
};

/** The result document of one assessment, in the order every view shows it. */
export function resultDocument(a: TAssessment, facts: TSessionFacts, content: TContent): TResultDocument {
  const m = resultModel(a, content);
  const enabled = new Set(a.explanation.enabledQuestions);
  const setAside = Object.keys(facts.setAside).length;
  const fromRecord = recordAnswers(facts, enabled, content);
  const sections: (TSection | null)[] = [
    m.redFlags && { kind: 'red-flags', title: m.redFlags.title, intro: m.redFlags.intro, whyTitle: resultHeadings.redFlagsWhy, items: m.redFlags.items },
    { kind: 'status', status: m.status, kicker: resultKickers[m.status], headline: m.headline, statusLine: m.statusLine, details: m.details, mimic: m.mimic, scores: m.scores },
    unansweredSection(content.questions.filter((q) => enabled.has(q.id)), facts.answers, unansweredFlagsOf(a, content)),
    m.setAside && { kind: 'set-aside', ...m.setAside },
    m.warnings.length > 0 ? { kind: 'warnings', title: resultHeadings.warnings, items: m.warnings } : null,
    { kind: 'disclaimer', text: m.disclaimer, recapText: m.recapDisclaimer },
    m.topReasons && m.topReasons.reasons.length > 0 ? { kind: 'top-reasons', ...m.topReasons } : null,
    m.missing && { kind: 'missing', ...m.missing },
    m.dbs.kind === 'hidden' ? null : { kind: 'dbs', panel: m.dbs },
    m.evidence.length > 0 ? { kind: 'ranking', title: resultHeadings.ranking, legend: m.scores?.legend ?? '', items: m.evidence.map((e) => ({ ...e, none: e.reasons.length === 0 ? resultHeadings.noReasons : null })) } : null,
    // Just before the answers, where a reader checks them: which of them the record gave, and on what.
    fromRecord.length > 0 ? recordSection(fromRecord, facts.record ?? null) : null,
    { kind: 'answers', title: resultHeadings.answers, note: setAside > 0 ? setAsideNote(setAside) : null, groups: markFromRecord(m.answers, fromRecord) },
    {
      kind: 'sources',
      title: resultHeadings.sources,
      items: m.sources.map((s) => ({ id: s.id, short: s.short, citation: s.citation, url: s.url ?? null, lay: s.lay ? resultHeadings.layArticle : null, level: sourceLevels[s.level] })),
    },
  ];
  return { headline: m.headline, contentVersion: m.contentVersion, sections: sections.filter((s): s is TSection => s !== null) };
}

/**
 * The options of the answers that came from the record, in the questionnaire's order: only those of
 * an enabled question whose answer still holds the option (a suggestion confirmed, then changed or
 * set aside, no longer came from the record). The evidence of one option is listed once per entry.
 */
function recordAnswers(facts: TSessionFacts, enabled: ReadonlySet<string>, content: TContent): TRecordAnswer[] {
  const fromRecord = facts.fromRecord ?? {};
  return content.questions.flatMap((q) => {
    const suggestions = fromRecord[q.id] ?? [];
    const value = facts.answers[q.id];
    if (suggestions.length === 0 || value === undefined || !enabled.has(q.id)) return [];
    const held = typeof value === 'string' ? [value] : value;
    return q.options
      .filter((o) => held.includes(o.id))
      .flatMap((o) => {
        const evidence = suggestions.filter((s) => s.value === o.id).flatMap((s) => s.evidence);
        const unique = evidence.filter((e, i) => evidence.findIndex((x) => x.reference === e.reference) === i);
        return unique.length === 0 ? [] : [{ question: q.id, prompt: q.prompt, answer: o.label, evidence: unique }];
      });
  });
}

function recordSection(items: TRecordAnswer[], record: TRecordContext | null): TSectionOf<'record'> {
  const fields = record
    ? [
        { label: recordResultText.server, value: record.serverUrl },
        { label: recordResultText.patient, value: record.label ? `${record.label} (${record.patient})` : record.patient },
        ...(record.user ? [{ label: recordResultText.user, value: record.user }] : []),
      ]
    : [];
  return { kind: 'record', title: recordResultText.title, intro: recordResultText.intro, fields, evidenceLabel: recordResultText.evidence, items };
}

/** The answers, each marked when its options (all, or some: named) came from the record. */
function markFromRecord(groups: TResultModel['answers'], fromRecord: TRecordAnswer[]): TAnswerGroup[] {
  return groups.map((g) => ({
    ...g,
    rows: g.rows.map((row) => {
      const labels = fromRecord.filter((r) => r.question === row.question).map((r) => r.answer);
      const mark = labels.length === 0 ? null : labels.length === row.answers.length ? recordResultText.mark : recordResultText.markSome(labels);
      return { ...row, fromRecord: mark };
    }),
  }));
}

/** The section of a kind, if the document has it. */
export const sectionOf = <K extends TSectionKind>(doc: TResultDocument, kind: K): TSectionOf<K> | undefined =>
  doc.sections.find((s): s is TSectionOf<K> => s.kind === kind);
