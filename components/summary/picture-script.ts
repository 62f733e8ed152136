/**
 * The summary's inline script (see summary-picture.tsx), made at build only: its source, and the
 * sources it carries, stay out of the page's scripts and its RSC payload.
 */
import { conditionsQuestions } from '@/content/conditions';
import { flowContent as content } from '@/content/flow';
import { UNKNOWN } from '@/content/ids';
import type { TCondition } from '@/content/schema';
import { enabledIdsOf, enablePlanOf, listHolds } from '@/machines/answers/answers';
import { readSaved, SAVED_LIMITS, STORAGE_KEY } from '@/machines/exchange/session-format';
import { STORAGE_PROBE_KEY } from '@/machines/exchange/storage-key';
import { RECORD_KEY } from '@/machines/record/key';
import { PICTURE } from './picture-ids';

/** What the script must know of the red flags, worked out at build from the full content. */
export type TSummaryPictureGuard = {
  /** Every red flag's condition (`redFlagsOf`, assess.ts: over the enabled answers, "Unknown" left out). */
  redFlags: readonly TCondition[];
  /** Every question a red flag's condition names: left "Unknown", it is named in the unanswered notice. */
  flagQuestions: readonly string[];
};

export const pictureGuardOf = (redFlags: readonly { when: TCondition }[]): TSummaryPictureGuard => {
  const conditions = redFlags.map((r) => r.when);
  return { redFlags: conditions, flagQuestions: conditionsQuestions(conditions) };
};

/** The keys of progress saved at the summary with nothing set aside, no change under way, no Undo. */
const PLAIN_KEYS = ['contentVersion', 'answers', 'position', 'attested'];

/**
 * Runs once, as the page is parsed (hashed into the page's CSP at build). Saved progress is read by
 * the format's own first reading, `readSaved`; the enabled questions and the red flags are found by
 * `enabledIdsOf` and `listHolds` (answers.ts), the conditions' own reading for lists; the script
 * carries the three functions' source. Each saved answer must be one the full reading
 * (`restore`, persistence.ts) accepts as it stands — a string for a single choice, one of the
 * question's options (those its row in the template holds, in their order, "Unknown" last), options
 * in their order, "Unknown" and an exclusive option alone — or the loading line stays; so does a tab
 * too full to save in (the page would say so above the rows: the same probe as `readStorage`). Ids
 * and values from storage are only compared with the page's own, never written into the page or used
 * to find elements. Whatever it cannot read keeps the loading line, without an error. The page's own
 * reading, validation included, decides what is finally shown.
 */
export function showSummaryPicture(guard: TSummaryPictureGuard): string {
  const constants = JSON.stringify({ key: STORAGE_KEY, probe: STORAGE_PROBE_KEY, record: RECORD_KEY, limits: SAVED_LIMITS, id: PICTURE, keys: PLAIN_KEYS, unknown: UNKNOWN, guard, plan: enablePlanOf(content) });
  return `(function(){try{var c=${constants},read=(${String(readSaved)}),holds=(${String(listHolds)}),enabledOf=(${String(enabledIdsOf)});
var $=function(id){return document.getElementById(id)},loading=$(c.id.loading),shown=$(c.id.shown),parts=$(c.id.parts);if(!loading||!shown||!parts)return;
if(sessionStorage.getItem(c.record)!==null)return;sessionStorage.setItem(c.probe,'1');sessionStorage.removeItem(c.probe);var r=read(sessionStorage.getItem(c.key),c.limits);
if(r.kind!=='read'||!r.peek.attested||r.peek.place!=='summary')return;
var d=r.data,k,i,j,q,p;for(k in d)if(c.keys.indexOf(k)<0)return;
var copy=document.importNode(parts.content.firstElementChild,true),rows=copy.querySelectorAll('['+c.id.question+']'),opts=Object.create(null);
for(i=0;i<rows.length;i++){var ids=[],spans=rows[i].querySelectorAll('['+c.id.option+']'),listed=rows[i].getAttribute(c.id.options);if(listed)ids=listed.split(' ');for(j=0;j<spans.length;j++)ids.push(spans[j].getAttribute(c.id.option));opts[rows[i].getAttribute(c.id.question)]=ids}
var a=r.peek.answers,raw=d.answers,on=enabledOf(a,c.plan,holds),plan=Object.create(null),known={};for(i=0;i<c.plan.questions.length;i++)plan[c.plan.questions[i].id]=c.plan.questions[i];
for(q in a){if(on.indexOf(q)<0)return;p=plan[q];var v=raw[q],list=typeof v==='string'?[v]:v;
if(p.single?typeof v!=='string':!(v===c.unknown||(Array.isArray(v)&&v.length>0)))return;
var last=-1,real=[];for(j=0;j<list.length;j++){var at=typeof list[j]==='string'?opts[q].indexOf(list[j]):-1;if(at<=last)return;last=at;
if(list[j]===c.unknown||p.exclusive.indexOf(list[j])>=0){if(list.length>1)return}if(list[j]!==c.unknown)real.push(list[j])}
if(real.length)known[q]=real}
for(i=0;i<c.guard.redFlags.length;i++)if(holds(c.guard.redFlags[i],known))return;
for(i=0;i<on.length;i++){q=on[i];if(!a[q])return;if(!known[q]&&c.guard.flagQuestions.indexOf(q)>=0)return}
var only=copy.querySelector('['+c.id.optionsOnly+']');only.parentNode.removeChild(only);rows=copy.querySelectorAll('['+c.id.question+']');
for(i=0;i<rows.length;i++){var row=rows[i];q=row.getAttribute(c.id.question);if(on.indexOf(q)<0){row.parentNode.removeChild(row);continue}
var given=a[q],spans=row.querySelectorAll('['+c.id.option+']'),first=true;for(j=0;j<spans.length;j++){var s=spans[j];
if(given.indexOf(s.getAttribute(c.id.option))<0){s.parentNode.removeChild(s);continue}if(!first)s.insertBefore(document.createTextNode('; '),s.firstChild);first=false}
if(!known[q])row.querySelector('dd').className+=' not-provided'}
var sections=copy.querySelectorAll('section');for(i=0;i<sections.length;i++)if(!sections[i].querySelector('['+c.id.question+']'))sections[i].parentNode.removeChild(sections[i]);
var closed=false;for(i=0;i<c.plan.sections.length;i++){var sec=c.plan.sections[i],any=false;if(!sec.when)continue;
for(j=0;j<c.plan.questions.length;j++)if(c.plan.questions[j].section===sec.id&&on.indexOf(c.plan.questions[j].id)>=0)any=true;if(!any)closed=true}
if(!closed){var g=copy.querySelector('['+c.id.gate+']');g.parentNode.removeChild(g)}
shown.appendChild(copy);loading.hidden=true}catch(e){}})();`;
}
