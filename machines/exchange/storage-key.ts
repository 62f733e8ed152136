/** Where the tab keeps saved progress (sessionStorage); the format is session-format.ts's. */
export const STORAGE_KEY = 'myoclonus-navigator.session';
/**
 * Written and removed at once to learn whether the tab can still save (a full tab cannot): by the
 * reading of saved progress (use-saved-session.ts) and by the pages' inline scripts alike.
 */
export const STORAGE_PROBE_KEY = `${STORAGE_KEY}.probe`;
/**
 * The result page as it was last drawn in this tab, with the saved progress it was drawn from
 * (components/result/keep-picture.ts): a reload of the result paints it before the scripts load.
 */
export const RESULT_PICTURE_KEY = 'myoclonus-navigator.result-picture';
