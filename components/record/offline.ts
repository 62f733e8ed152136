/**
 * What a record view becomes when its code cannot load: nothing. The record's views are not kept for
 * offline use (scripts/postbuild.mjs); a case launched from a record and reloaded offline goes on as
 * the questionnaire without them, its answers untouched.
 */
export const offline = () => ({ default: () => null });
