// Wires our pieces into Decap CMS, loaded after decap-cms.js on /admin/.
import rules from './save-rules-data.js';
import { applySaveRulesToEntry } from './save-rules.js';
import { noticePreview } from './notice-preview.js';

const CMS = window.CMS;
// The site's own CSS, and the notice page's document styles, copied here at build time.
CMS.registerPreviewStyle('site.css');
CMS.registerPreviewStyle('notice.css');
CMS.registerPreviewTemplate('notices', noticePreview(window.h));
CMS.registerEventListener({ name: 'preSave', handler: ({ entry }) => applySaveRulesToEntry(rules, entry) });
