// The home page's boxes (src/domain/home-page.ts, served as home-blocks-data.js) as Decap editor
// components: the editor inserts "Hạn đăng ký các đợt" from the "+" menu, the file gets
// `<RoundDeadlines />` on its own line, and the rich-text editor keeps such a line as a box.
// Plain JavaScript because it is served as is, without a bundler.

/** The component Decap registers for one box; pure, so a test can run it under Node. */
export function homeBlockComponent({ tag, label, shows }) {
  const text = `<${tag} />`;
  return {
    id: tag,
    label,
    fields: [],
    pattern: new RegExp(`^<${tag}\\s*/>`),
    fromBlock: () => ({}),
    toBlock: () => text,
    toPreview: () =>
      `<div class="card"><strong>${label}</strong><br><span class="muted">Trang tự điền: ${shows}.</span></div>`,
  };
}

export function registerHomeBlocks(CMS, blocks) {
  for (const block of blocks) CMS.registerEditorComponent(homeBlockComponent(block));
}
