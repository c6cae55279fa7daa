// Tells editors on /admin/ whether what they saved is live: "đang đăng…", or — when the last
// publish failed — why, in the words of GET /api/build. Signed-out editors (or a static host with
// no service) see only a small link to the review UI, where the same panel shows after sign-in.

const time = (iso) =>
  new Date(iso).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  });

/** What to show for a build status: null when there is nothing to say. */
export function statusNotice(status) {
  const failure =
    status.lastFailure && (!status.lastSuccess || status.lastFailure.at > status.lastSuccess)
      ? status.lastFailure
      : null;
  if (failure)
    return {
      kind: 'loi',
      text: `Thay đổi lưu lúc ${time(failure.at)} chưa được đăng lên trang web. ${failure.message}`,
    };
  if (status.state === 'building')
    return { kind: 'dang', text: 'Đang đăng thay đổi mới lên trang web…' };
  if (status.lastSuccess)
    return { kind: 'xong', text: `Trang web đã cập nhật lúc ${time(status.lastSuccess)}.` };
  return null;
}

const COLORS = { loi: '#9b1c1c', dang: '#1d4e89', xong: '#2f6b2f' };

export function showBuildStatus(doc = document, every = 10_000) {
  const box = doc.createElement('div');
  box.id = 'tinh-trang-dang';
  box.setAttribute('role', 'status');
  box.style.cssText =
    'position:fixed;left:.75rem;bottom:.75rem;z-index:9999;max-width:min(32rem,calc(100vw - 1.5rem));padding:.5rem .75rem;border-radius:.3rem;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3)';
  box.hidden = true;
  doc.body.append(box);
  const check = async () => {
    let res;
    try {
      res = await fetch('/api/build', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      box.hidden = true;
      return;
    }
    if (res.status === 401) {
      box.style.background = '#444';
      box.replaceChildren('Tình trạng đăng nội dung: ');
      const link = doc.createElement('a');
      link.href = '/quan-ly/';
      link.textContent = 'đăng nhập trang quản lý để xem';
      link.style.color = '#fff';
      box.append(link);
      box.hidden = false;
      return;
    }
    const notice = res.ok ? statusNotice(await res.json()) : null;
    box.hidden = !notice;
    if (notice) {
      box.style.background = COLORS[notice.kind];
      box.textContent = notice.text;
    }
  };
  void check();
  setInterval(check, every);
}
