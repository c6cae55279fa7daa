// The notice preview: the same markup and classes as src/pages/cong-van/[slug].astro,
// so the site's own CSS (copied beside this file) lays it out like the public page.

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export function noticePreview(h) {
  const withBreaks = (text) =>
    String(text ?? '')
      .split('\n')
      .flatMap((l, i) => (i ? [h('br', { key: `b${i}` }), l] : [l]));
  const items = (list) => (list ? list.toJS() : []).map((item, i) => h('li', { key: i }, item));

  return function NoticePreview({ entry, widgetFor }) {
    const get = (name) => entry.getIn(['data', name]);
    const sig = (name) => entry.getIn(['data', 'signature', name]);
    return h(
      'main',
      { id: 'noi-dung', className: 'wrap' },
      h(
        'article',
        { className: 'doc' },
        h(
          'div',
          { className: 'doc-head' },
          h(
            'div',
            { className: 'issuer' },
            get('issuerParent') ? h('p', { className: 'parent' }, get('issuerParent')) : null,
            h('p', { className: 'body-name' }, ...withBreaks(get('issuer'))),
            h('p', { className: 'number' }, `Số: ${get('number') ?? ''}/${get('symbol') ?? ''}`),
            h('p', { className: 'subject' }, ...withBreaks(get('subject'))),
          ),
          h(
            'div',
            { className: 'motto' },
            h('p', { className: 'title' }, NATIONAL_TITLE),
            h('p', { className: 'slogan' }, NATIONAL_MOTTO),
            h(
              'p',
              { className: 'date' },
              h('em', null, `${get('place') ?? ''}, ${get('dateText') ?? ''}`),
            ),
          ),
        ),
        h(
          'div',
          { className: 'recipients' },
          h('p', { className: 'label' }, 'Kính gửi:'),
          h('ul', null, ...items(get('recipients'))),
        ),
        h('div', { className: 'doc-body' }, widgetFor('body')),
        h(
          'div',
          { className: 'doc-foot' },
          h(
            'div',
            { className: 'copies' },
            h('p', { className: 'label' }, h('strong', null, h('em', null, 'Nơi nhận:'))),
            h('ul', null, ...items(get('copiesTo'))),
          ),
          h(
            'div',
            { className: 'signature' },
            sig('authority') ? h('p', null, h('strong', null, sig('authority'))) : null,
            h('p', null, h('strong', null, sig('title'))),
            h('p', { className: 'signer' }, h('strong', null, sig('name'))),
          ),
        ),
      ),
    );
  };
}
