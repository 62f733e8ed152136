/**
 * The result before this tab's saved answers are read: the page as this tab last drew it, when that
 * drawing is for exactly the progress saved now (issue 23). The result is composed from the
 * assessment, which needs the page's scripts; a reload of the result page would otherwise paint a
 * loading line, then the result in its place once the scripts had run. The result page keeps a
 * picture of its opening each time it shows a result (keep-picture.ts); an inline script
 * (picture-script.ts) draws it before the scripts load, and the page's own view takes its place —
 * same elements, same boxes — once the answers are read and assessed.
 *
 * It is a picture, not the page: nothing in it can be pressed but its links, which go where the
 * page's go. Its heading is marked as a placeholder, so focus waits for the page's.
 */
import { memo } from 'react';
import { PictureFrame } from '../shared/built-only';
import { LoadingAnswers } from '../shared/loading-answers';
import { RESULT_PICTURE } from './picture-ids';
import { showResultPicture } from './picture-script';

/** True only while the page is built: the browser's copy of this module never makes the script. */
const building = typeof window === 'undefined';

/** The loading line (while `waiting`), and the place the script draws the picture into (hidden once `replaced`). */
export const ResultPicture = memo(function ResultPicture({ waiting, replaced }: { waiting: boolean; replaced: boolean }) {
  return (
    <PictureFrame
      ids={RESULT_PICTURE}
      loading={<LoadingAnswers title="Assessment" />}
      script={building ? showResultPicture(process.env.BUILD_STAMP ?? '') : ''}
      waiting={waiting}
      replaced={replaced}
    />
  );
});
