/**
 * The question page's inline script (see question-preview.tsx), made at build only: its source, and
 * `readSaved`'s that it carries, stay out of the page's scripts and its RSC payload.
 */
import { readSaved, SAVED_LIMITS, STORAGE_KEY } from '@/machines/exchange/session-format';
import { STORAGE_PROBE_KEY } from '@/machines/exchange/storage-key';
import { QUESTION_ID } from '@/machines/flow/paths';
import { LOADING_ID, PARTS_ID, PREVIEW_PREFIX, SHOWN_ID } from './preview-ids';
import type { TRedFlagGuard } from './question-preview';

/**
 * Runs as the page is parsed, and again if the fragment changes before the form is there (hashed
 * into the page's CSP at build); once the form has come, its place is hidden for good and the
 * script stops. Saved progress is read by the format's own first reading, `readSaved`
 * (session-format.ts), whose source the script carries. It is only read: ids and values from it are
 * looked up among the page's own elements, never written into the page. A tab too full to save in
 * keeps the loading line (the page would say so above the question: the same probe as
 * `readStorage`). The form's own reading (validation included) decides what is finally shown.
 */
export function showNamedQuestion(guard: TRedFlagGuard): string {
  const constants = JSON.stringify({ key: STORAGE_KEY, probe: STORAGE_PROBE_KEY, limits: SAVED_LIMITS, prefix: PREVIEW_PREFIX, loading: LOADING_ID, shown: SHOWN_ID, parts: PARTS_ID, guard });
  return `(function(){var c=${constants},ID=${String(QUESTION_ID)},read=(${String(readSaved)});
function show(){var $=function(id){return document.getElementById(id)},loading=$(c.loading),shown=$(c.shown),parts=$(c.parts);
if(!loading||!shown||!parts||shown.hidden){removeEventListener('hashchange',show);return}
var id=location.hash.slice(1);if(!ID.test(id))return;var p=parts.content.getElementById(c.prefix+id);if(!p)return;
while(shown.firstChild)shown.removeChild(shown.firstChild);loading.hidden=false;
var r;try{sessionStorage.setItem(c.probe,'1');sessionStorage.removeItem(c.probe);r=read(sessionStorage.getItem(c.key),c.limits)}catch(e){return}
if(r.kind!=='read'||!r.peek.attested||r.peek.question!==id)return;
var a=r.peek.answers,b=r.peek.setAside;if(c.guard.always)return;
for(var q in c.guard.byQuestion){var v=(a[q]||[]).concat(b[q]||[]);for(var j=0;j<v.length;j++)if(c.guard.byQuestion[q].indexOf(v[j])>=0)return}
var copy=document.importNode(p,true),inputs=copy.querySelectorAll('input'),mine=a[id]||[];
for(var k=0;k<inputs.length;k++)for(var m=0;m<mine.length;m++)if(inputs[k].id===c.prefix+id+'-'+mine[m])inputs[k].checked=true;
copy.hidden=false;shown.appendChild(copy);loading.hidden=true}
show();addEventListener('hashchange',show)})();`;
}
