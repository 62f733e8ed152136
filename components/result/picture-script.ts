/**
 * The result's inline script (see result-picture.tsx), made at build only: its source, and the
 * source it carries, stay out of the page's scripts and its RSC payload.
 */
import { readSaved, SAVED_LIMITS } from '@/machines/exchange/session-format';
import { RESULT_PICTURE_KEY, STORAGE_KEY, STORAGE_PROBE_KEY } from '@/machines/exchange/storage-key';
import { RECORD_KEY } from '@/machines/record/key';
import { RESULT_PICTURE } from './picture-ids';
import { drawTree, PICTURE_ALLOWED } from './picture-tree';

/**
 * Runs once, as the page is parsed (hashed into the page's CSP at build). It draws the kept picture
 * (keep-picture.ts) only when it was drawn by this build (`stamp`) from exactly the progress this tab
 * has saved, that progress reads as confirmed and standing at the result (`readSaved`, the format's
 * own first reading, whose source it carries), the case was not launched from the record, and the
 * tab can still save (a full tab would have the page say so above the result: the same probe as
 * `readStorage`). The picture is drawn by `drawTree`, whose source it carries: elements and
 * attributes from its lists only, text as text, nothing drawn at all if any part is not on them. Its heading is marked as the placeholder it
 * is, and a status line says the answers are loading. Anything else keeps the loading line, without
 * an error. The page, from the saved progress, then draws the result itself in the picture's place;
 * if it has not come after `stale` ms (its scripts did not load), the picture gives way to the
 * loading line: the opening of a result, with nothing to press, is not to be read as the result.
 */
export function showResultPicture(stamp: string): string {
  // The lists go as words, split again by the script: fewer bytes in a page every first visit fetches.
  const { tags, attributes, ...rest } = PICTURE_ALLOWED;
  const constants = JSON.stringify({ key: STORAGE_KEY, probe: STORAGE_PROBE_KEY, picture: RESULT_PICTURE_KEY, record: RECORD_KEY, limits: SAVED_LIMITS, id: RESULT_PICTURE, stamp, tags: tags.join(' '), attributes: attributes.join(' '), rest });
  return `(function(){try{var c=${constants},s=sessionStorage,d=document,loading=d.getElementById(c.id.loading),shown=d.getElementById(c.id.shown);
if(!loading||!shown||s.getItem(c.record)!==null)return;var raw=s.getItem(c.picture),saved=s.getItem(c.key);if(raw===null||raw.length>c.rest.maxLength)return;
var kept=JSON.parse(raw);if(!kept||kept.stamp!==c.stamp||typeof kept.session!=='string'||kept.session!==saved)return;
var r=(${String(readSaved)})(saved,c.limits);if(r.kind!=='read'||!r.peek.attested||r.peek.place!=='result')return;s.setItem(c.probe,'1');s.removeItem(c.probe);
c.rest.tags=c.tags.split(' ');c.rest.attributes=c.attributes.split(' ');var picture=(${String(drawTree)})(kept.tree,c.rest,d),h=picture.querySelector('h1');
if(!h)return;h.setAttribute('data-loading','');var status=d.createElement('p');status.className='visually-hidden';status.setAttribute('role','status');
status.textContent='Loading your answers from this tab…';picture.appendChild(status);shown.appendChild(picture);loading.hidden=true;
setTimeout(function(){if(!shown.hidden){shown.replaceChildren();loading.hidden=false}},c.rest.stale)}catch(e){}})();`;
}
