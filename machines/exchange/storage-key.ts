/** Where the tab keeps saved progress (sessionStorage); the format is session-format.ts's. */
export const STORAGE_KEY = 'myoclonus-navigator.session';
