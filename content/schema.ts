/**
 * The shape of the clinical content, as zod schemas with their inferred types.
 *
 * Everything that moves a result — branching, evidence, mimics, red flags, DBS routes — is plain,
 * serialisable data checked here once at load. Nothing in content/ imports React or XState.
 */
import * as z from 'zod';
import { CATEGORIES, DBS_BLOCKS, DBS_DIAGNOSES, DBS_TARGETS, INDETERMINATE_REASONS, MIMICS, REASSURANCE_BLOCKS, RED_FLAGS, SAFETY_SCREEN, SUMMARY_BLOCKS, type TRuleKind, WARNINGS } from './ids';

export * from './ids';

export const ZCategory = z.enum(CATEGORIES);
export type TCategory = z.infer<typeof ZCategory>;

export const ZMimic = z.enum(MIMICS);
export type TMimic = z.infer<typeof ZMimic>;

export const ZRedFlag = z.enum(RED_FLAGS);
export type TRedFlag = z.infer<typeof ZRedFlag>;

export const ZDbsDiagnosis = z.enum(DBS_DIAGNOSES);
export type TDbsDiagnosis = z.infer<typeof ZDbsDiagnosis>;

export const ZDbsTarget = z.enum(DBS_TARGETS);
export type TDbsTarget = z.infer<typeof ZDbsTarget>;

export const ZWarningId = z.enum(WARNINGS);
export type TWarningId = z.infer<typeof ZWarningId>;

export const ZDbsBlock = z.enum(DBS_BLOCKS);
export type TDbsBlock = z.infer<typeof ZDbsBlock>;

export const ZReassuranceBlock = z.enum(REASSURANCE_BLOCKS);
export type TReassuranceBlock = z.infer<typeof ZReassuranceBlock>;

export const ZSummaryBlock = z.enum(SUMMARY_BLOCKS);
export type TSummaryBlock = z.infer<typeof ZSummaryBlock>;

export const ZSafetyScreen = z.enum(SAFETY_SCREEN);
export type TSafetyScreen = z.infer<typeof ZSafetyScreen>;

export const ZIndeterminateReason = z.enum(INDETERMINATE_REASONS);
export type TIndeterminateReason = z.infer<typeof ZIndeterminateReason>;


const ZId = z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: 'ids are letters, digits, _ . -' });

/** A condition over answers: a leaf `{ question, op, value }` or an `all` / `any` / `not` group. */
export type TCondition =
  | { question: string; op: 'is'; value: string }
  | { question: string; op: 'in'; value: readonly string[] }
  | { question: string; op: 'includes'; value: string }
  | { question: string; op: 'includesAny'; value: readonly string[] }
  | { all: readonly TCondition[] }
  | { any: readonly TCondition[] }
  | { not: TCondition };

export const ZCondition: z.ZodType<TCondition, TCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: ZId, op: z.literal('is'), value: ZId }),
    z.strictObject({ question: ZId, op: z.literal('in'), value: z.array(ZId).min(1) }),
    z.strictObject({ question: ZId, op: z.literal('includes'), value: ZId }),
    z.strictObject({ question: ZId, op: z.literal('includesAny'), value: z.array(ZId).min(1) }),
    z.strictObject({ all: z.array(ZCondition).min(1) }),
    z.strictObject({ any: z.array(ZCondition).min(1) }),
    z.strictObject({ not: ZCondition }),
  ]),
);

export const ZOption = z.strictObject({
  id: ZId,
  label: z.string().min(1),
  hint: z.string().min(1).optional(),
});
export type TOption = z.infer<typeof ZOption>;

const questionBase = {
  id: ZId,
  section: ZId,
  prompt: z.string().min(1),
  help: z.string().min(1),
  options: z.array(ZOption).min(2),
  /** Extra condition, beyond the section's, for the question to be asked. */
  enableWhen: ZCondition.optional(),
  /** The bedside or laboratory test that would answer it: shown when it is left unknown. */
  settledBy: z.string().min(1),
  /** Options that mean the feature was not assessed (e.g. not_done): treated like unknown for `missing`. */
  notAssessed: z.array(ZId).default([]),
};

export const ZQuestion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), ...questionBase }),
  z.strictObject({
    kind: z.literal('multi'),
    ...questionBase,
    /** Options that must stand alone in a multi-select answer, such as `none`. */
    exclusive: z.array(ZId).default([]),
  }),
]);
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z.strictObject({
  id: ZId,
  title: z.string().min(1),
  intro: z.string().min(1),
  enableWhen: ZCondition.optional(),
  /**
   * `safety-screen`: the section of the questions that raise red flags. It is never skipped in one
   * press (question bank 1.2: a skipped safety screen reads like a deliberate one).
   */
  role: z.literal('safety-screen').optional(),
});
export type TSection = z.infer<typeof ZSection>;

export const ZSource = z.strictObject({
  id: ZId,
  /** Short label for inline citations, e.g. "Zutt 2015". */
  short: z.string().min(1),
  citation: z.string().min(1),
  url: z.url().optional(),
  /** How the literature brief verified it: S seed, V checked, 2° secondary, BK background. */
  level: z.enum(['S', 'V', '2°', 'BK']),
  /** A consumer (lay) article, not peer reviewed. */
  lay: z.boolean().default(false),
});
export type TSource = z.infer<typeof ZSource>;

/** Points a rule gives: strong for +2, moderate for +1, against −1, definitive neurophysiology +4. */
export const ZWeight = z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(4)]);

export const ZEvidenceRule = z.strictObject({
  id: ZId,
  when: ZCondition,
  effects: z.partialRecord(ZCategory, ZWeight).refine((e) => Object.keys(e).length > 0, {
    error: 'an evidence rule must move at least one category',
  }),
  /**
   * Definitive neurophysiology of one category (brief §1(b).4: a focal or generalized EEG correlate,
   * a giant SEP): it decides the lead whatever the bedside sum (brief §0.2 rule 2).
   */
  definitive: z.boolean().default(false),
  /**
   * The categories a neurophysiological finding is compatible with (a definitive finding: its own).
   * When the findings entered have no category in common, they conflict and the result is
   * indeterminate (brief §1(b).4 d); when the bedside leader is not among the categories they share,
   * neurophysiology and bedside conflict, and the result is indeterminate too.
   */
  signature: z.array(ZCategory).optional(),
  /**
   * Rules that read the same clinical pattern (e.g. distal, hand and multifocal jerks: one cortical
   * distribution) count once per category: the largest contribution of the pattern, not their sum.
   */
  pattern: ZId.optional(),
  /**
   * A bedside answer the brief names as this category's hallmark (brief §1(a), "what separates it
   * from the others"). Without neurophysiology that supports the leader, a confident bedside call
   * needs no hallmark of another category (brief §1(b).4): else the result is indeterminate.
   */
  hallmarkOf: ZCategory.optional(),
  why: z.string().min(1),
  sources: z.array(ZId).min(1),
});
export type TEvidenceRule = z.infer<typeof ZEvidenceRule>;

export const ZMimicRule = z.strictObject({
  id: ZId,
  when: ZCondition,
  mimic: ZMimic,
  why: z.string().min(1),
  nextStep: z.string().min(1),
  /**
   * Definitive findings of a generator that conflict with the mimic (a Bereitschaftspotential beside
   * a giant SEP; a "tremor" with a focal cortical spike): when `when` holds, the mimic is set aside
   * with `nextStep`, and the result is indeterminate with conflicting neurophysiology.
   */
  caution: z.strictObject({ when: ZCondition, nextStep: z.string().min(1) }).optional(),
  /**
   * A reassuring mimic (physiological jerks): concluded only when the reassurance door opens
   * (content/doors.ts: every precondition affirmatively met); otherwise set aside with `nextStep`.
   */
  reassuring: z.strictObject({ nextStep: z.string().min(1) }).optional(),
  sources: z.array(ZId).min(1),
});
export type TMimicRule = z.infer<typeof ZMimicRule>;

export const ZRedFlagRule = z.strictObject({
  id: ZId,
  when: ZCondition,
  flag: ZRedFlag,
  why: z.string().min(1),
  /** What to do first: shown with the flag, on the page and in the PDF. */
  nextStep: z.string().min(1),
  sources: z.array(ZId).min(1),
});
export type TRedFlagRule = z.infer<typeof ZRedFlagRule>;

export const ZWarningRule = z.strictObject({
  id: ZId,
  warning: ZWarningId,
  when: ZCondition,
  why: z.string().min(1),
  /** What the clinician should reconcile before the diagnosis can drive anything. */
  reconcile: z.string().min(1),
  /**
   * Set for a diagnosis of one physiology: the warning holds only when, besides `when`, every
   * category the assessment still finds compatible lies outside these (myoclonus-dystonia with a
   * cortical or segmental result, say). An indeterminate result that keeps one of them open does not
   * conflict.
   */
  outsideCategories: z.array(ZCategory).min(1).optional(),
  /**
   * Set for a diagnosis that one leading category contradicts: the warning holds only when, besides
   * `when`, one of these leads the ranking (decided by neurophysiology, or strictly ahead of every
   * other category).
   */
  leading: z.array(ZCategory).min(1).optional(),
  sources: z.array(ZId).min(1),
});
export type TWarningRule = z.infer<typeof ZWarningRule>;

/** An unanswered question `missing` asks for first while a condition holds (e.g. C6 with asterixis). */
export const ZAskFirst = z.strictObject({
  id: ZId,
  when: ZCondition,
  question: ZId,
  why: z.string().min(1),
  sources: z.array(ZId).min(1),
});
export type TAskFirst = z.infer<typeof ZAskFirst>;

/**
 * A category the bedside answers cannot exclude while `when` holds (epilepsia partialis continua:
 * focal jerks of the hand or face with seizures or a cortical sign, without neurophysiology, keep
 * cortical open whatever rhythm and sleep add). The result is indeterminate unless that category
 * leads.
 */
export const ZKeepOpen = z.strictObject({
  id: ZId,
  when: ZCondition,
  category: ZCategory,
  why: z.string().min(1),
  sources: z.array(ZId).min(1),
});
export type TKeepOpen = z.infer<typeof ZKeepOpen>;

/**
 * The rule lists of the bundle, one per kind of RULE_KINDS (content/ids.ts): a kind missing here, or
 * one not listed there, fails the type check.
 */
const ZRuleLists = {
  evidence: z.array(ZEvidenceRule),
  mimics: z.array(ZMimicRule),
  redFlags: z.array(ZRedFlagRule),
  warnings: z.array(ZWarningRule),
  askFirst: z.array(ZAskFirst),
  keepOpen: z.array(ZKeepOpen),
} satisfies Record<TRuleKind, z.ZodType>;
/** A rule of any kind. */
export type TRule = z.infer<(typeof ZRuleLists)[TRuleKind]>[number];

/**
 * One precondition of a door (content/doors.ts). It is met when `when` holds over the answers (an
 * unknown answer never satisfies a leaf, and `when` may not use `not`, which an unknown would
 * satisfy) and the assessment's `check` passes. Unmet, it is reported by its id, or by the first
 * `instead` whose condition holds (a mimic answer rather than an unanswered gate, say).
 */
export const ZDoorCheck = z.enum([
  /** No mimic is concluded. */
  'no-mimic',
  /** No red-flag rule could change with an answer still unknown or open. */
  'flags-determined',
  /** No red flag is raised. */
  'no-red-flags',
  /** No diagnosis conflict is raised. */
  'no-conflict',
  /** No answer still unknown or open could raise a diagnosis conflict or conclude a mimic. */
  'consistency-determined',
  /** The settled proof: no open answer can change the result. */
  'settled',
]);
export type TDoorCheck = z.infer<typeof ZDoorCheck>;

const doorPrecondition = <Id extends z.ZodType<string>>(id: Id) =>
  z.strictObject({
    id,
    when: ZCondition.optional(),
    check: ZDoorCheck.optional(),
    instead: z.array(z.strictObject({ when: ZCondition, id })).optional(),
  });
export const ZDbsPrecondition = doorPrecondition(ZDbsBlock);
export const ZReassurancePrecondition = doorPrecondition(ZReassuranceBlock);
export const ZSummaryPrecondition = doorPrecondition(ZSummaryBlock);
export type TDoorPrecondition<Id extends string = string> = {
  id: Id;
  when?: TCondition | undefined;
  check?: TDoorCheck | undefined;
  instead?: readonly { when: TCondition; id: Id }[] | undefined;
};

/** Every door, each an allow-list of the preconditions it needs (question bank 1.2, "Fail closed"). */
export const ZDoors = z.strictObject({
  dbs: z.array(ZDbsPrecondition).min(1),
  reassurance: z.array(ZReassurancePrecondition).min(1),
  summary: z.array(ZSummaryPrecondition).min(1),
});
export type TDoors = {
  dbs: readonly TDoorPrecondition<TDbsBlock>[];
  reassurance: readonly TDoorPrecondition<TReassuranceBlock>[];
  summary: readonly TDoorPrecondition<TSummaryBlock>[];
};

export const ZDbsNote = z.strictObject({
  id: ZId,
  /** Shown only when this holds; absent means always (for this route). */
  when: ZCondition.optional(),
  /**
   * `first-line`: surgery's
   * place in treatment; `target-caveat`: a caveat about the targets themselves, shown beside them and
   * never folded away; `caveat`, `evidence`; `source-correction`: where the seed article is wrong,
   * kept apart from the evidence.
   */
  kind: z.enum(['first-line', 'target-caveat', 'evidence', 'caveat', 'source-correction']),
  text: z.string().min(1),
  sources: z.array(ZId).min(1),
});
export type TDbsNote = z.infer<typeof ZDbsNote>;

export const ZDbsRoute = z.strictObject({
  diagnosis: ZDbsDiagnosis,
  label: z.string().min(1),
  when: ZCondition,
  targets: z.array(ZDbsTarget).min(1),
  /** How the source article's statement reads, in our words, with the corrected anatomy. */
  summary: z.string().min(1),
  evidenceLevel: z.string().min(1),
  /** Each target's level of evidence, in the route's target order. */
  targetEvidence: z.partialRecord(ZDbsTarget, z.string().min(1)),
  notes: z.array(ZDbsNote),
  sources: z.array(ZId).min(1),
});
export type TDbsRoute = z.infer<typeof ZDbsRoute>;

export const ZThresholds = z.strictObject({
  /** Indeterminate when the leading score is below this (brief §1(b).4 a). */
  minTopScore: z.number().int().positive(),
  /** Indeterminate when the lead over the runner-up is below this (brief §1(b).4 b). */
  minLead: z.number().int().positive(),
  /** Indeterminate when fewer discriminating answers and no neurophysiology (brief §1(b).4 c). */
  minDiscriminatingAnswers: z.number().int().positive(),
});

export const ZDisclaimers = z.strictObject({
  banner: z.string().min(1),
  beforeResults: z.string().min(1),
  dbs: z.string().min(1),
  redFlags: z.string().min(1),
  intendedUse: z.string().min(1),
  notFor: z.array(z.string().min(1)).min(1),
  attestation: z.string().min(1),
  privacy: z.string().min(1),
});
export type TDisclaimers = z.infer<typeof ZDisclaimers>;

export const ZLabels = z.strictObject({
  categories: z.record(ZCategory, z.strictObject({ name: z.string(), generator: z.string() })),
  mimics: z.record(ZMimic, z.string()),
  redFlags: z.record(ZRedFlag, z.string()),
  warnings: z.record(ZWarningId, z.string()),
  /** Why the DBS discussion is withheld, one sentence per reason. */
  dbsBlocks: z.record(ZDbsBlock, z.string()),
  /** Why reassurance is withheld, one phrase per unmet precondition. */
  reassuranceBlocks: z.record(ZReassuranceBlock, z.string()),
  /** What the safety screen says, under a mimic above all. */
  safetyScreen: z.record(ZSafetyScreen, z.string()),
  targets: z.record(ZDbsTarget, z.string()),
  indeterminateReasons: z.record(ZIndeterminateReason, z.string()),
});

export const ZContent = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** When the content was last revised (not reviewed: no specialist has reviewed it yet). */
  revisedOn: z.iso.date(),
  status: z.string().min(1),
  sections: z.array(ZSection).min(1),
  questions: z.array(ZQuestion).min(1),
  sources: z.array(ZSource).min(1),
  ...ZRuleLists,
  /** Red flags that call for urgent action: every later question page offers "See the red flags now". */
  urgentRedFlags: z.array(ZRedFlag),
  doors: ZDoors,
  /** Which parts of the question bank play a fixed role in the assessment. */
  roles: z.strictObject({
    /** Answers in this section count as neurophysiology (brief §1(b).4 c). */
    neurophysiologySection: ZId,
    /** "Disabling and refractory to adequate medical treatment": `yes` / `no` (brief §1(d).2). */
    refractoryQuestion: ZId,
  }),
  dbs: z.array(ZDbsRoute),
  thresholds: ZThresholds,
  disclaimers: ZDisclaimers,
  labels: ZLabels,
  limitations: z.array(z.string().min(1)),
  method: z.array(z.string().min(1)),
});
export type TContentInput = z.input<typeof ZContent>;
export type TContent = z.infer<typeof ZContent>;

/** What the questionnaire flow needs: the questions and their branching, without the rules. */
export type TFlowContent = Pick<TContent, 'version' | 'sections' | 'questions'>;
