/** The ids the result's picture (result-picture.tsx) and its script (picture-script.ts) share. */
export const RESULT_PICTURE = {
  /** The loading line, shown when the picture is not. */
  loading: 'result-loading',
  /** The place the script draws the picture into. */
  shown: 'result-picture-shown',
  /** The element after the script: the first paint waits for it. */
  end: 'result-picture-end',
} as const;
