/** Where a launch from the record keeps its session in the tab (sessionStorage); see session.ts. */
export const RECORD_KEY = 'myoclonus-navigator.record';
