// Open data: a Frictionless Data package describing the CSV and JSON of the public list.
import type { APIRoute } from 'astro';
import { dataPackage } from '../../domain/data-package.ts';
import { loadPublicList } from '../../lib/registry-output.ts';
import { loadAuthority } from '../../lib/site-content.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(loadPublicList(), String(site ?? '/'), await loadAuthority()), null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
