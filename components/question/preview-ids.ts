/** The ids the question page's pictures (question-preview.tsx) and their script (preview-script.ts) share. */
export const PREVIEW_PREFIX = 'question-preview-';
export const LOADING_ID = 'question-loading';
export const END_ID = 'question-preview-end';
export const SHOWN_ID = 'question-preview-shown';
export const PARTS_ID = 'question-preview-parts';
