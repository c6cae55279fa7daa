/**
 * What Decap CMS's proxy backend sends (the protocol decap-server speaks): each action and its
 * params, checked before anything is read or written, and how an answer looks, including a refusal
 * Decap shows to the editor.
 */
import { z } from 'zod';

export type Answer = { status: 200 | 400 | 403 | 404 | 409 | 422 | 503; body: unknown };

export const refuse = (status: Answer['status'], message: string): Answer => ({
  status,
  body: { error: message, errors: [{ field: '', message }] },
});

const path = z.string();
const dataFile = z.object({ path, raw: z.string(), newPath: path.optional() });
/** Decap's commit message comes along; ours is written from it (decapLine). */
const commitOptions = z.object({ commitMessage: z.string().optional() }).loose().optional();
const asset = z.object({ path, content: z.string(), encoding: z.literal('base64') });
/** Each action Decap's proxy backend sends, and the params it takes. */
export const PARAMS = {
  info: z.unknown(),
  entriesByFolder: z.object({ folder: path, extension: z.string().max(20), depth: z.number() }),
  entriesByFiles: z.object({
    files: z.array(z.object({ path, label: z.string().optional() })).max(5000),
  }),
  getEntry: z.object({ path }),
  persistEntry: z.object({
    entry: dataFile.optional(),
    dataFiles: z.array(dataFile).max(20).optional(),
    assets: z.array(asset).max(20).default([]),
    options: commitOptions,
  }),
  getMedia: z.object({ mediaFolder: path }),
  getMediaFile: z.object({ path }),
  persistMedia: z.object({
    asset,
    options: commitOptions,
  }),
  deleteFile: z.object({
    path,
    options: commitOptions,
  }),
  deleteFiles: z.object({
    paths: z.array(path).min(1).max(100),
    options: commitOptions,
  }),
  getDeployPreview: z.unknown(),
} as const;

export type Action = keyof typeof PARAMS;

/** One line of Decap's own commit message, kept as the second line of ours. */
export const decapLine = (m: unknown) =>
  typeof m === 'string'
    ? m
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, 200)
    : '';

/** The params of an action, once checked. */
export type Params<A extends Action> = z.infer<(typeof PARAMS)[A]>;
