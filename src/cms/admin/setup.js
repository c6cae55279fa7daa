// Wires our pieces into Decap CMS, then starts it (the page sets CMS_MANUAL_INIT so
// that everything below is registered before the configuration is read). With the
// site's own service as backend, an editor without a session signs in at /quan-ly/ first.
import backend from './backend-data.js';
import rules from './save-rules-data.js';
import homeBlocks from './home-blocks-data.js';
import { homePreview, registerHomeBlocks } from './home-blocks.js';
import { applySaveRulesToEntry } from './save-rules.js';
import { noticePreview } from './notice-preview.js';
import { roundPreview } from './round-preview.js';
import { localeOverrides, mergePhrases } from './locale-vi.js';
import { showBuildStatus } from './build-status.js';

const CMS = window.CMS;
CMS.registerLocale('vi', mergePhrases(CMS.getLocale('vi') ?? {}, localeOverrides));
// The site's own CSS, and the notice page's document styles, copied here at build time.
CMS.registerPreviewStyle('site.css');
CMS.registerPreviewStyle('notice.css');
CMS.registerPreviewTemplate('notices', noticePreview(window.h));
CMS.registerPreviewTemplate('rounds', roundPreview(window.h));
registerHomeBlocks(CMS, homeBlocks);
// A files collection's preview is looked up by the file's name, not the collection's.
CMS.registerPreviewTemplate('trang-chu', homePreview(window.h));
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => applySaveRulesToEntry(rules, entry),
});

const post = (url) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"action":"info"}',
    credentials: 'same-origin',
  });

/** Whether the CMS may start now; false when the page is leaving for the sign-in or says why not. */
async function ready() {
  if (!backend.server) return true;
  // npm run cms: decap-server on the editor's own machine answers instead, no sign-in.
  if (
    ['127.0.0.1', 'localhost'].includes(location.hostname) &&
    (await post(backend.local).then(
      (r) => r.ok,
      () => false,
    ))
  )
    return true;
  const res = await post(backend.server).catch(() => null);
  if (res?.status === 401) {
    location.replace(
      `${backend.signIn}?tiep=${encodeURIComponent(location.pathname + location.hash)}`,
    );
    return false;
  }
  if (res?.status === 403) {
    const { error } = await res.json().catch(() => ({}));
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText =
      'font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem';
    p.textContent = `${error ?? 'Tài khoản này không sửa được nội dung trang web.'} `;
    const a = document.createElement('a');
    a.href = '/quan-ly/';
    a.textContent = 'Về trang quản lý (đăng xuất để đổi tài khoản)';
    p.append(a);
    document.body.append(p);
    return false;
  }
  return true;
}

if (await ready()) {
  CMS.init();
  // Whether the last save is live (GET /api/build), in a corner of the page.
  showBuildStatus();
}
