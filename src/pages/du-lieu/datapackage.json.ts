// Open data: a Frictionless Data package describing the CSV and JSON of the public list.
import type { APIRoute } from 'astro';
import { dataPackage } from '../../publish/data-package.ts';
import { loadPublicList } from '../../publish/node/outputs.ts';
import { loadAuthority } from '../../site/content.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(
    `${JSON.stringify(dataPackage(loadPublicList(), String(site ?? '/'), await loadAuthority()), null, 1)}\n`,
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
