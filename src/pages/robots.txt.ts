// robots.txt with the sitemap's address, which depends on SITE_URL.
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('sitemap-index.xml', site ?? 'http://localhost/').href;
  const body = [
    'User-agent: *',
    'Disallow: /admin/',
    'Disallow: /quan-ly/',
    'Disallow: /api/',
    'Disallow: /dang-ky/da-nhan/',
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
