/**
 * The assessment's shapes: what `assess` returns (TAssessment) and each part of its trace — the
 * contributions for and against a category, the findings, the warnings, what is missing, the DBS
 * panel — and the verdict the settled proof asks for. Types only.
 */
import type {
  TCategory,
  TDbsBlock,
  TDbsDiagnosis,
  TDbsNote,
  TDbsTarget,
  TIndeterminateReason,
  TMimic,
  TReassuranceBlock,
  TRedFlag,
  TSafetyScreen,
  TWarningId,
} from '../../content/schema';
import type { TAnswers } from '../answers/answers';

/** One answer that moved a category, with the rule and its sources. */
export type TContribution = {
  rule: string;
  /** The question the rule reads (the first, for a rule that combines answers). */
  question: string;
  /** Every question the rule reads. */
  questions: string[];
  answer: string;
  /** Points counted for this category (0 when another answer of the same pattern already counted). */
  points: number;
  /** Set when the rule belongs to a pattern that counts once: the rule whose points counted. */
  countedWith?: string;
  why: string;
  sources: readonly string[];
};

export type TRankEntry = {
  category: TCategory;
  score: number;
  for: TContribution[];
  against: TContribution[];
};

/** A gate or red-flag finding: which answer raised it, why, and what to do next. */
export type TFinding = {
  rule: string;
  /** The mimic or red flag this finding raises. */
  raises: TMimic | TRedFlag;
  questions: string[];
  why: string;
  nextStep?: string;
  /** For reassurance set aside: every precondition of the reassurance door not met. */
  withheld?: TReassuranceBlock[];
  sources: readonly string[];
};

export type TMissing = {
  /** The unanswered question (for neurophysiology not done: E0). */
  question: string;
  /** Why it is asked first, when a content rule puts it first (e.g. C6 when asterixis is described). */
  first?: string;
  /** Questions whose answer would be obtained, when they differ from `question`. */
  via: string[];
  test: string;
  /** Outcomes an answer could lead to: a category, `indeterminate`, `mimic:<type>` or `red-flag:<id>`. */
  couldLeadTo: string[];
};

/** The answers contradict each other in a way the clinician must reconcile (contract 1.1 `warnings`). */
export type TWarning = {
  id: TWarningId;
  rule: string;
  /** The questions whose answers conflict. */
  questions: string[];
  why: string;
  reconcile: string;
  sources: readonly string[];
};

export type TDbs = {
  /** The route the established diagnosis D1 names (never the computed category). */
  diagnosis: TDbsDiagnosis | null;
  /** Empty whenever `blockedBy` is not. */
  targets: TDbsTarget[];
  /** D2: true, false, or null when not recorded. */
  refractory: boolean | null;
  /** Every reason the discussion is withheld although a diagnosis with a route is established. */
  blockedBy: TDbsBlock[];
  summary: string | null;
  evidenceLevel: string | null;
  /** In display order: a `refractory` note first when refractoriness is not established. */
  notes: Pick<TDbsNote, 'id' | 'kind' | 'text' | 'sources'>[];
};

export type TAssessment = {
  gate: 'myoclonus' | 'mimic';
  mimic: TMimic | null;
  redFlags: TRedFlag[];
  category: TCategory | 'indeterminate' | null;
  candidates: TCategory[];
  ranking: TRankEntry[];
  dbs: TDbs;
  warnings: TWarning[];
  missing: TMissing[];
  contentVersion: string;
  explanation: {
    gate: TFinding[];
    /**
     * Mimics not concluded, with the cautious next step: reassurance withheld (its door shut, with
     * why), or a mimic the neurophysiology conflicts with.
     */
    mimicsSetAside: TFinding[];
    /** Every red-flag finding; a mimic never sets them aside. */
    redFlags: TFinding[];
    /**
     * The safety screen (question bank 1.2): red flags raised; answered with none; or not completed
     * (a red-flag question left unknown or unanswered could still raise one).
     */
    safetyScreen: TSafetyScreen;
    /** When the DBS discussion is withheld for findings left unknown: the questions that could contradict the diagnosis. */
    findingsLeftUnknown: string[];
    /** The category definitive neurophysiology decided, whatever the bedside sum; else null. */
    decidedByNeurophysiology: TCategory | null;
    indeterminate: TIndeterminateReason[];
    /** Under a red flag: the category the scores would otherwise give, shown as provisional. */
    provisionalCategory: TCategory | null;
    /** Questions that carried evidence, and whether neurophysiology was entered. */
    discriminatingAnswers: number;
    neurophysiology: boolean;
    /** Ids of the enabled questions, in order; the answers that counted. */
    enabledQuestions: string[];
    answers: TAnswers;
    /**
     * The enabled questions answered "Unknown / not assessed", in order. An enabled question neither
     * here nor in `answers` was never answered (machines/answers/vocabulary.ts).
     */
    answeredUnknown: string[];
  };
};

/** What the result says, without why: the gate, the category and the provisional category. */
export type TVerdict = { gate: TAssessment['gate']; category: TAssessment['category']; provisionalCategory: TCategory | null };
