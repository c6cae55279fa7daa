// /cong-van/feed.xml: every notice as an Atom 1.0 entry, for feed readers and the authority's own portal
// ("Trang thông tin điện tử … (đăng tải)"). Announced on every page by the layout's <link rel="alternate">.
import type { APIRoute } from 'astro';
import { atomFeed, FEED_PATH } from '../../publish/atom-feed.ts';
import { loadContact, loadNotices } from '../../site/content.ts';

export const GET: APIRoute = async ({ site }) => {
  const [notices, contact] = await Promise.all([loadNotices(), loadContact()]);
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  const body = atomFeed({
    title: 'Công văn về chương trình OCOP',
    subtitle: `Công văn, thông báo về đăng ký sản phẩm OCOP; nơi nhận hồ sơ: ${contact.office}.`,
    siteUrl: String(site ?? 'http://localhost/'),
    selfPath: FEED_PATH,
    author: contact.office,
    fallbackUpdated: new Date(0),
    entries: notices.map((n) => ({
      path: `/cong-van/${n.id}/`,
      title: n.data.title,
      summary: n.data.description,
      published: n.data.date,
      author: oneLine(n.data.issuer),
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
