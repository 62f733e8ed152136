/**
 * The unanswered notice as a section of the result document, made in one place for the summary and
 * the result (page, print and PDF): how many questions the flow reached but were never answered, and
 * which questions left unanswered or "Unknown / not assessed" could still raise a red flag. Kept
 * apart from the rest of the document so the summary paints without the rules.
 */
import type { TContent } from '../../content/schema';
import { unansweredText } from '../../content/unanswered-text';
import type { TAssessment } from '../assessment/assess';

/** A question left unanswered or unknown that could still raise red flags, named in words. */
export type TFlaggingQuestion = { question: string; prompt: string; flags: string[] };

export type TUnansweredSection = {
  kind: 'unanswered';
  /** `warning` when a red flag could still be raised, else `info`. */
  tone: 'info' | 'warning';
  /** "2 questions have not been answered.", or null when every reached question is answered. */
  notAnswered: string | null;
  /** What follows it: how the assessment counts them, or that a red flag is not ruled out. */
  lead: string;
  /** Set when questions could still raise a red flag: the rest of the sentence. */
  rest: string | null;
  /** The questions that could raise a red flag, each with the flags (in one phrase). */
  items: { question: string; prompt: string; flags: string }[];
  /** The question to answer first. */
  first: { question: string; prompt: string } | null;
};

/**
 * The notice, or null when nothing is open. `enabled`: the questions these answers enable, in the
 * flow's order (those never answered are counted); `flagging`: the open questions that could raise a
 * red flag, or null while the rules load (the notice then says nothing about red flags).
 */
export function unansweredSection(
  enabled: readonly { id: string; prompt: string }[],
  answers: Readonly<Record<string, unknown>>,
  flagging: readonly TFlaggingQuestion[] | null,
): TUnansweredSection | null {
  const unanswered = enabled.filter((q) => answers[q.id] === undefined);
  const flags = flagging ?? [];
  const n = unanswered.length;
  if (n === 0 && flags.length === 0) return null;
  const first = flags[0] ? { question: flags[0].question, prompt: flags[0].prompt } : unanswered[0] ? { question: unanswered[0].id, prompt: unanswered[0].prompt } : null;
  const notAnswered = n === 0 ? null : unansweredText.notAnswered(n);
  if (flags.length === 0)
    return {
      kind: 'unanswered',
      tone: 'info',
      notAnswered,
      lead: flagging !== null ? `${unansweredText.countedUnknown(n)} ${unansweredText.noFlag(n)}` : unansweredText.countedUnknown(n),
      rest: null,
      items: [],
      first,
    };
  return {
    kind: 'unanswered',
    tone: 'warning',
    notAnswered,
    lead: unansweredText.flagging(flags.length),
    rest: unansweredText.notRuledOut,
    items: flags.map((f) => ({ question: f.question, prompt: f.prompt, flags: f.flags.join('; ') })),
    first,
  };
}

/**
 * The questions left unanswered or "Unknown / not assessed" whose answer could still raise a red
 * flag given the answers so far (the assessment's `missing`), each with the flags it could raise.
 */
export function unansweredFlagsOf(a: TAssessment, content: TContent): TFlaggingQuestion[] {
  const prompt = (id: string) => content.questions.find((q) => q.id === id)?.prompt ?? id;
  return a.missing
    .map((m) => ({
      question: m.question,
      prompt: prompt(m.question),
      flags: m.couldLeadTo.filter((o) => o.startsWith('red-flag:')).map((o) => content.labels.redFlags[o.slice('red-flag:'.length) as keyof TContent['labels']['redFlags']] ?? o),
    }))
    .filter((m) => m.flags.length > 0);
}
