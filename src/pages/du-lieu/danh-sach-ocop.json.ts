// Open data: the public list as JSON, exactly as the registry wrote it (same domain writer).
import type { APIRoute } from 'astro';
import { publicListJson } from '../../domain/public-list.ts';
import { loadPublicList } from '../../lib/registry-output.ts';

export const GET: APIRoute = () => new Response(publicListJson(loadPublicList()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
