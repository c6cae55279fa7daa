// Open data: the public list as JSON, exactly as the registry wrote it (same domain writer).
import type { APIRoute } from 'astro';
import { publicListJson } from '../../domain/public-list.ts';
import { loadPublicList, publicListFileText } from '../../lib/registry-output.ts';
import { LIST_JSON } from '../../lib/registry-run.ts';

export const GET: APIRoute = () =>
  new Response(publicListFileText(LIST_JSON) ?? publicListJson(loadPublicList()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
