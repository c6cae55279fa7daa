// Open data: the public list as CSV (UTF-8 with BOM, Vietnamese headers), through the registry's own writer.
import type { APIRoute } from 'astro';
import { publicListCsv } from '../../domain/public-list.ts';
import { loadProducerTypes, loadProductGroups, loadRounds } from '../../lib/site-content.ts';
import { loadPublicList } from '../../lib/registry-output.ts';

export const GET: APIRoute = async () => {
  const [productGroups, producerTypes, rounds] = await Promise.all([loadProductGroups(), loadProducerTypes(), loadRounds()]);
  return new Response(publicListCsv(loadPublicList(), { productGroups, producerTypes, rounds }), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
