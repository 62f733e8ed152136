/**
 * The words of the unanswered notice (machines/result/unanswered.ts), shown on the summary and in the
 * result document. Apart from the result's other words: the summary loads them in its first paint.
 */
const them = (n: number) => (n === 1 ? 'it' : 'them');

/** The unanswered notice: questions the flow reached but that were never answered, and those that could raise a red flag. */
export const unansweredText = {
  notAnswered: (n: number) => (n === 1 ? '1 question has not been answered.' : `${n} questions have not been answered.`),
  countedUnknown: (n: number) => `The assessment counts ${them(n)} as unknown.`,
  noFlag: (n: number) => `No answer to ${them(n)} could raise a red flag.`,
  flagging: (n: number) =>
    n === 1 ? 'A question left unanswered or unknown could still raise a red flag:' : `${n} questions left unanswered or unknown could still raise red flags:`,
  notRuledOut: 'none is ruled out until answered.',
} as const;
