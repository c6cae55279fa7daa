// Wires our pieces into Decap CMS, then starts it (the page sets CMS_MANUAL_INIT so
// that everything below is registered before the configuration is read).
import rules from './save-rules-data.js';
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
CMS.registerEventListener({ name: 'preSave', handler: ({ entry }) => applySaveRulesToEntry(rules, entry) });
CMS.init();
// Whether the last save is live (GET /api/build), in a corner of the page.
showBuildStatus();
