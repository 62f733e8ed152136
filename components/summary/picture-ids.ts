/** The ids and markers the summary's picture (summary-picture.tsx) and its script (picture-script.ts) share. */
export const PICTURE = {
  /** The loading line, shown when the picture is not. */
  loading: 'summary-loading',
  /** The place the script copies the picture into. */
  shown: 'summary-picture-shown',
  /** The template that holds the picture: the opening sections' every row and answer, other questions' options. */
  parts: 'summary-picture-parts',
  /** The element after the script: the first paint waits for it. */
  end: 'summary-picture-end',
  /** The notice said when a mimic in the first section closed the bedside and the diagnoses. */
  gate: 'data-gate',
  /** Where the options of the questions the picture does not draw are listed. */
  optionsOnly: 'data-options-only',
  /** A question's option ids, in order, where the picture does not draw it. */
  options: 'data-options',
  /** A row's question id, an answer's option id. */
  question: 'data-question',
  option: 'data-option',
} as const;
