/**
 * The inline script of /dang-ky/da-nhan/. The service fills the placeholders
 * itself; on static hosting they arrive untouched and this script fills them:
 * the receipt from ?ma=, the round first guessed from today's date and then
 * read from GET {api}/RECEIPT. It also adds "copy" and "print" buttons; when
 * this tab has just sent the form (sessionStorage, see client/sheet-copy.ts),
 * print gives the phiếu đăng ký filled with what was sent, else the slip.
 * The placeholders are never written literally here, or the service's
 * replacement would change the script too.
 */
export const CONFIRMATION_SCRIPT = `(()=>{
const d=document,P='%',m=d.getElementById('ma-ho-so'),r=d.getElementById('dot'),cfg=JSON.parse(d.getElementById('du-lieu-dot').textContent);
const label=s=>{const o=cfg.rounds.find(x=>x.slug===s);return o?o.label:cfg.next};
if(m.textContent===P+'MA_HO_SO'+P){
const ma=(new URLSearchParams(location.search).get('ma')||'').toUpperCase().replace(/[^0-9A-Z-]/g,'').slice(0,20);
if(!ma){m.textContent='(không có mã hồ sơ trong đường dẫn)';r.textContent='';}
else{m.textContent=ma;const now=Date.now(),g=cfg.rounds.find(x=>now<Date.parse(x.deadline));r.textContent=g?g.label:cfg.next;
fetch(cfg.api.replace(/\\/$/,'')+'/'+encodeURIComponent(ma),{headers:{Accept:'application/json'}}).then(x=>x.ok?x.json():null).then(j=>{if(j&&'round' in j)r.textContent=label(j.round)}).catch(()=>{});}}
if(m.textContent.startsWith('('))return;
const a=d.getElementById('hanh-dong'),b=(t,f)=>{const e=d.createElement('button');e.type='button';e.className='button button--secondary';e.textContent=t;e.onclick=()=>f(e);a.append(e,' ')};
b('Sao chép mã hồ sơ',e=>{const done=()=>{e.textContent='Đã sao chép mã'};if(navigator.clipboard)navigator.clipboard.writeText(m.textContent).then(done,()=>{});else{getSelection().selectAllChildren(m);if(d.execCommand('copy'))done()}});
let sheet=null;try{sheet=JSON.parse(sessionStorage.getItem('ocop-phieu-dang-ky')||'null')}catch(e){}
if(sheet&&sheet.receipt===m.textContent&&Array.isArray(sheet.rows)){const t=d.getElementById('phieu-truong');d.getElementById('phieu-ma').textContent=sheet.receipt;
for(const[k,v]of sheet.rows){const tr=d.createElement('tr'),th=d.createElement('th'),td=d.createElement('td');th.scope='row';th.textContent=k;td.textContent=v;tr.append(th,td);t.append(tr)}
d.getElementById('phieu').hidden=false;d.body.classList.add('co-phieu')}
b('In phiếu đăng ký',()=>print());
})()`;
