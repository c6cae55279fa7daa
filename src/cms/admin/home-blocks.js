// The home page's boxes (src/domain/home-page.ts, served as home-blocks-data.js) as Decap editor
// components: the editor inserts "Hạn đăng ký các đợt" from the "+" menu, the file gets
// `<RoundDeadlines />` on its own line (or `<ReceivingOffice />` inside a sentence), and the
// rich-text editor keeps such a tag as a box instead of turning it into text.
// Plain JavaScript because it is served as is, without a bundler.

/** The component Decap registers for one box; pure, so a test can run it under Node. */
export function homeBlockComponent({ tag, label, shows, inline }) {
  const text = `<${tag} />`;
  const common = { id: tag, label, fields: [], pattern: new RegExp(`^<${tag}\\s*/>`) };
  if (inline)
    return {
      ...common,
      type: 'inline',
      fromInline: () => ({}),
      toInline: () => text,
      toPreview: () => `[${label}]`,
    };
  return {
    ...common,
    fromBlock: () => ({}),
    toBlock: () => text,
    toPreview: () =>
      `<div class="card"><strong>${label}</strong><br><span class="muted">Trang tự điền: ${shows}.</span></div>`,
  };
}

export function registerHomeBlocks(CMS, blocks) {
  for (const block of blocks) CMS.registerEditorComponent(homeBlockComponent(block));
}

/** The home page's preview: its heading, then the text with each box as the card above says. */
export function homePreview(h) {
  return function HomePreview({ entry, widgetFor }) {
    return h(
      'main',
      { id: 'noi-dung', className: 'wrap' },
      h('h1', null, entry.getIn(['data', 'title']) ?? ''),
      h('div', { className: 'home-text' }, widgetFor('body')),
    );
  };
}
