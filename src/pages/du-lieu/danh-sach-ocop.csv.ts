// Open data: the public list as CSV (UTF-8 with BOM, Vietnamese headers), as the registry wrote it, else through its own writer.
import type { APIRoute } from 'astro';
import { publicListCsv } from '../../publish/list-files.ts';
import { loadProducerTypes, loadProductGroups, loadRounds } from '../../site/content.ts';
import { LIST_CSV, loadPublicList, publicListFileText } from '../../publish/node/outputs.ts';

export const GET: APIRoute = async () => {
  const written = publicListFileText(LIST_CSV);
  if (written !== null)
    return new Response(written, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const [productGroups, producerTypes, rounds] = await Promise.all([
    loadProductGroups(),
    loadProducerTypes(),
    loadRounds(),
  ]);
  return new Response(publicListCsv(loadPublicList(), { productGroups, producerTypes, rounds }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
