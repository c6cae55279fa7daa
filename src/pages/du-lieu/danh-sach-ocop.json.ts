// Open data: the public list as JSON, exactly as the registry wrote it (same domain writer).
import type { APIRoute } from 'astro';
import { publicListJson } from '../../publish/list-files.ts';
import { LIST_JSON, loadPublicList, publicListFileText } from '../../publish/node/outputs.ts';

export const GET: APIRoute = () =>
  new Response(publicListFileText(LIST_JSON) ?? publicListJson(loadPublicList()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
