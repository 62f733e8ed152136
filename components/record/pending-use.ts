/**
 * "Use this answer" pressed on the summary: the question's page opens (the machine's Change) with the
 * record's option ticked, and Continue there confirms it and returns to the summary. Kept in the
 * page's memory only, for the page that opens next.
 */
let pending: { question: string; value: string } | null = null;

export const setPendingUse = (question: string, value: string) => {
  pending = { question, value };
};

/** The option to tick on this question's page, once. */
export function takePendingUse(question: string): string | null {
  if (pending?.question !== question) return null;
  const { value } = pending;
  pending = null;
  return value;
}
