/** Where the tab keeps saved progress (sessionStorage); the format is session-format.ts's. */
export const STORAGE_KEY = 'myoclonus-navigator.session';
/**
 * The result page as it was last drawn in this tab, with the saved progress it was drawn from
 * (components/result/keep-picture.ts): a reload of the result paints it before the scripts load.
 */
export const RESULT_PICTURE_KEY = 'myoclonus-navigator.result-picture';
