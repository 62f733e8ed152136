/**
 * Words of the summary that the page and its picture (components/summary/summary-picture.tsx) both
 * show: apart from the result's other words, since the summary paints them before its scripts load.
 */
export const summaryText = {
  /** Said above the rows when a mimic in the first section closed the bedside questions and the diagnoses. */
  gateClosed:
    'Your answer in the first section points to a movement that mimics myoclonus, so the bedside questions and the diagnoses were not asked; the safety screen was. Change it if the movements are in fact jerks or lapses.',
} as const;
