/**
 * Keeps the result page's picture in the tab (result-picture.tsx): once the result is shown, its
 * opening — what a screen shows, and as much again — is kept as a tree (picture-tree.ts) beside the
 * saved progress it was drawn from and the build that drew it. A reload of the result, with the same
 * progress saved and the same build, paints it before the scripts load.
 */
import { readSaved, SAVED_LIMITS } from '@/machines/exchange/session-format';
import { RESULT_PICTURE_KEY, STORAGE_KEY } from '@/machines/exchange/storage-key';
import { RECORD_KEY } from '@/machines/record/key';
import { treeOf, type TPictureNode } from './picture-tree';

/** What is kept: the build that drew the picture, the saved progress it drew, the picture. */
export type TKeptPicture = { stamp: string; session: string; tree: TPictureNode };

/** Where a picture stops: it has nothing to press. */
const PRESSABLE = 'button, input, select, textarea, form';

/**
 * The view as a picture: the view's element, and its children in order up to the first with
 * something to press or the first that starts below `reach` (px from the page's top).
 */
export function pictureOf(view: Element, reach: number): TPictureNode | null {
  const top = treeOf(view.cloneNode(false));
  if (!Array.isArray(top)) return null;
  for (const child of view.childNodes) {
    if (child instanceof HTMLElement && (child.matches(PRESSABLE) || child.querySelector(PRESSABLE) !== null || child.offsetTop > reach)) break;
    const drawn = treeOf(child);
    if (drawn !== null) top.push(drawn);
  }
  return top;
}

/** Whether saved progress stands, confirmed, at the result: a picture is kept for no other. */
function atResult(session: string | null): session is string {
  const read = readSaved(session, SAVED_LIMITS);
  return read.kind === 'read' && read.peek.attested && read.peek.place === 'result';
}

/**
 * Keep the picture of `view` for the progress this tab has saved, when it stands at the result (the
 * result's address opened over progress saved elsewhere shows the result, but saves no move); none
 * for a case launched from the record (its patient line comes later, above the result). A tab too
 * full to keep it keeps none.
 */
export function keepPicture(view: Element, tab?: Storage, stamp: string = process.env.BUILD_STAMP ?? ''): void {
  let storage: Storage | undefined;
  try {
    // A browser that denies storage throws as soon as it is named.
    storage = tab ?? window.sessionStorage;
    const session = storage.getItem(STORAGE_KEY);
    const tree = atResult(session) && storage.getItem(RECORD_KEY) === null ? pictureOf(view, 2 * window.innerHeight) : null;
    if (session === null || tree === null) storage.removeItem(RESULT_PICTURE_KEY);
    else storage.setItem(RESULT_PICTURE_KEY, JSON.stringify({ stamp, session, tree } satisfies TKeptPicture));
  } catch {
    // A tab too full to keep it keeps none: not the last one, drawn from other progress.
    try {
      storage?.removeItem(RESULT_PICTURE_KEY);
    } catch {
      // Storage that cannot be reached holds nothing to forget.
    }
  }
}
