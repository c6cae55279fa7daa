// The round preview: the line the home page shows (src/components/RoundList.astro), so the
// editor sees the last day people can register, "before 25/6" meaning 24/6.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, '0');

/** dd/mm/yyyy in Việt Nam of the last instant before `deadline`, as lastDayBefore + formatDateVn do. */
export function lastDayText(deadline) {
  const t = new Date(deadline).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t - 1 + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function roundPreview(h) {
  return function RoundPreview({ entry }) {
    const get = (name) => entry.getIn(['data', name]) ?? '';
    const last = lastDayText(get('deadline'));
    return h(
      'main',
      { id: 'noi-dung', className: 'wrap' },
      h('h2', null, 'Thời hạn đăng ký (trên trang chủ)'),
      h(
        'ul',
        { className: 'rounds' },
        h(
          'li',
          null,
          h('strong', null, `${get('label')}:`),
          ` ${get('deadlineText')} `,
          last ? h('span', { className: 'muted' }, `(ngày cuối nhận: ${last})`) : null,
        ),
      ),
    );
  };
}
