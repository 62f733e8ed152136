/**
 * The result document: everything a reader is shown of one assessment, as an ordered list of typed
 * sections. The result page, print (the page) and the PDF recap each render this list with one
 * renderer per section kind (`TRenderers`), so a new kind fails the type check until every view
 * renders it, and the PDF a clinician prints says what the page says, the session's facts (answers
 * never given, answers set aside) included. Pure: the assessment, the session facts and the content
 * in; words (all from content/) and numbers out.
 */
import { resultHeadings, resultKickers, setAsideNote, sourceLevels } from '../../content/result-text';
import type { TContent } from '../../content/schema';
import type { TAnswers } from '../answers/answers';
import type { TAssessment } from '../assessment/assess';
import { resultModel, type TCategoryEvidence, type TDbsPanel, type TFindingText, type TResultModel, type TResultStatus } from './result-model';
import { type TUnansweredSection, unansweredFlagsOf, unansweredSection } from './unanswered';

/** What the session knows beyond the assessment: the answers as given (unknown kept) and those set aside by a change. */
export type TSessionFacts = { answers: TAnswers; setAside: TAnswers };

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
  | { kind: 'answers'; title: string; note: string | null; groups: TResultModel['answers'] }
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
    { kind: 'answers', title: resultHeadings.answers, note: setAside > 0 ? setAsideNote(setAside) : null, groups: m.answers },
    {
      kind: 'sources',
      title: resultHeadings.sources,
      items: m.sources.map((s) => ({ id: s.id, short: s.short, citation: s.citation, url: s.url ?? null, lay: s.lay ? resultHeadings.layArticle : null, level: sourceLevels[s.level] })),
    },
  ];
  return { headline: m.headline, contentVersion: m.contentVersion, sections: sections.filter((s): s is TSection => s !== null) };
}

/** The section of a kind, if the document has it. */
export const sectionOf = <K extends TSectionKind>(doc: TResultDocument, kind: K): TSectionOf<K> | undefined =>
  doc.sections.find((s): s is TSectionOf<K> => s.kind === kind);
