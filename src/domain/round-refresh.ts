/**
 * The inline script that refreshes round states in the browser, so a page
 * built in March still tells the truth in June. It mirrors roundState() and
 * roundStateText(); round-refresh.test.ts checks that both agree.
 * Elements: <… data-deadline="ISO" data-opens="ISO"> get their text and data-state set.
 */
export const ROUND_REFRESH_SCRIPT =
  '(()=>{const D=864e5,n=Date.now(),s=n-(n+252e5)%D;' +
  "for(const e of document.querySelectorAll('[data-deadline]')){" +
  "const d=Date.parse(e.dataset.deadline),o=Date.parse(e.dataset.opens||'')||0,l=Math.ceil((d-s)/D);let c,t;" +
  "if(n>=d){c='closed';t='Đã hết hạn'}else if(n<o){c='upcoming';t='Chưa bắt đầu'}" +
  "else if(l<=7){c='closing';t=l<=1?'Sắp hết hạn: hôm nay là ngày cuối':'Sắp hết hạn: còn '+l+' ngày'}" +
  "else{c='open';t='Đang nhận đăng ký: còn '+l+' ngày'}" +
  'e.textContent=t;e.dataset.state=c}})()';
