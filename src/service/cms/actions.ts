/**
 * The actions of Decap CMS's proxy backend (the protocol decap-server speaks),
 * over the project folder: reads confined to the allowed folders; every data
 * file checked against its collection's schema before anything is written;
 * media limited to the media folders and to harmless file types; each change
 * written atomically and committed as the editor, one change at a time.
 */
import { basename } from 'node:path';
import { cmsCollections } from '../../cms/config.ts';
import type { CmsCollection } from '../../cms/fields.ts';
import { checkEntry, entryTarget, MEDIA_NAME, mediaFolders } from './entries.ts';
import {
  listFolder,
  readEntries,
  readMedia,
  removeFile,
  restore,
  snapshot,
  writeAtomic,
} from './files.ts';
import { decapLine, PARAMS, refuse, type Action, type Answer, type Params } from './protocol.ts';
import { commitPaths, git, gitHome, inContent, isRepository, Serial } from './git.ts';
import {
  checkSpelling,
  PathError,
  resolveExisting,
  resolveNew,
  type Confinement,
} from './paths.ts';

export interface CmsBackendOptions {
  projectDir: string;
  collections?: readonly CmsCollection[];
}

export class CmsBackend {
  readonly confinement: Confinement;
  private readonly collections: readonly CmsCollection[];
  private readonly media: string[];
  private readonly serial = new Serial();
  private repo?: Promise<boolean>;

  constructor({ projectDir, collections = cmsCollections }: CmsBackendOptions) {
    this.collections = collections;
    this.media = mediaFolders(collections);
    const folders = new Set(['content', ...this.media]);
    this.confinement = { root: projectDir, folders: [...folders] };
  }

  private mediaOnly(): Confinement {
    return { ...this.confinement, folders: this.media };
  }

  /** Handles one request body ({action, params}) for an editor. */
  async handle(body: unknown, account: string): Promise<Answer> {
    const { action, params } = (body && typeof body === 'object' ? body : {}) as {
      action?: unknown;
      params?: unknown;
    };
    if (typeof action !== 'string' || !Object.hasOwn(PARAMS, action))
      return refuse(422, `Thao tác không được hỗ trợ: ${String(action).slice(0, 50)}.`);
    const parsed = PARAMS[action as Action].safeParse(params ?? {});
    if (!parsed.success) return refuse(422, 'Dữ liệu gửi lên không đúng dạng của thao tác.');
    try {
      return await this.dispatch(action as Action, parsed.data, account);
    } catch (err) {
      if (err instanceof PathError) return refuse(400, err.message);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return refuse(404, 'Không tìm thấy tệp.');
      throw err;
    }
  }

  private async dispatch(action: Action, p: unknown, account: string): Promise<Answer> {
    const c = this.confinement;
    switch (action) {
      case 'info':
        return {
          status: 200,
          body: { repo: basename(c.root), publish_modes: ['simple'], type: 'local_fs' },
        };
      case 'entriesByFolder': {
        const { folder, extension, depth } = p as Params<'entriesByFolder'>;
        const files = await listFolder(c, checkSpelling(folder), extension, depth);
        return {
          status: 200,
          body: await readEntries(
            c,
            files.map((f) => ({ path: f })),
          ),
        };
      }
      case 'entriesByFiles': {
        const { files } = p as Params<'entriesByFiles'>;
        return {
          status: 200,
          body: await readEntries(
            c,
            files.map((f) => ({ ...f, path: checkSpelling(f.path) })),
          ),
        };
      }
      case 'getEntry': {
        const [entry] = await readEntries(c, [
          { path: checkSpelling((p as { path: string }).path) },
        ]);
        return { status: 200, body: entry };
      }
      case 'getMedia': {
        const folder = checkSpelling((p as { mediaFolder: string }).mediaFolder);
        const files = await listFolder(this.mediaOnly(), folder, '', 1);
        return {
          status: 200,
          body: await Promise.all(files.map((f) => readMedia(this.mediaOnly(), f))),
        };
      }
      case 'getMediaFile':
        return {
          status: 200,
          body: await readMedia(this.mediaOnly(), checkSpelling((p as { path: string }).path)),
        };
      case 'persistEntry':
        return this.persistEntry(p as Params<'persistEntry'>, account);
      case 'persistMedia': {
        const { asset: a, options } = p as Params<'persistMedia'>;
        const checked = this.checkAsset(a);
        if (checked) return checked;
        return this.change(
          account,
          `Nội dung: tải lên ${a.path}`,
          decapLine(options?.commitMessage),
          [a.path],
          async () => {
            await writeAtomic(this.mediaOnly(), a.path, Buffer.from(a.content, 'base64'));
            return readMedia(this.mediaOnly(), a.path);
          },
        );
      }
      case 'deleteFile':
      case 'deleteFiles': {
        const q = p as { path?: string; paths?: string[]; options?: { commitMessage?: string } };
        const paths = (q.paths ?? [q.path!]).map(checkSpelling);
        for (const one of paths) {
          const refused = await this.checkDeletion(one);
          if (refused) return refused;
        }
        return this.change(
          account,
          `Nội dung: xoá ${paths.join(', ')}`,
          decapLine(q.options?.commitMessage),
          paths,
          async () => {
            for (const one of paths) await removeFile(c, one);
            return { message: `deleted ${paths.join(', ')}` };
          },
        );
      }
      case 'getDeployPreview':
        return { status: 200, body: null };
    }
  }

  /** Media: a harmless file type inside a media folder, with readable base64. */
  private checkAsset(a: { path: string; content: string }): Answer | undefined {
    const clean = checkSpelling(a.path);
    if (
      !this.media.some((f) => clean.startsWith(`${f}/`) && !clean.slice(f.length + 1).includes('/'))
    ) {
      return refuse(400, `Tệp tải lên chỉ được lưu trong ${this.media.join(', ')}.`);
    }
    if (!MEDIA_NAME.test(clean))
      return refuse(422, 'Chỉ nhận tệp .csv, .pdf, .png, .jpg hoặc .webp.');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.content))
      return refuse(422, 'Nội dung tệp tải lên không đọc được.');
    return undefined;
  }

  /** Entries may be deleted only where the collection allows it; media files in the media folders. */
  private async checkDeletion(path: string): Promise<Answer | undefined> {
    // A missing file is answered 404 (resolveExisting throws ENOENT), a path out of the folders 400.
    await resolveExisting(this.confinement, path);
    const target = entryTarget(path, this.collections);
    if (target)
      return 'files' in target.collection || !target.collection.delete
        ? refuse(403, `Không được xoá mục trong "${target.collection.label}".`)
        : undefined;
    if (this.media.some((f) => path.startsWith(`${f}/`))) return undefined;
    return refuse(403, 'Chỉ xoá được tệp trong thư viện tệp hoặc mục được phép xoá.');
  }

  private async persistEntry(p: Params<'persistEntry'>, account: string): Promise<Answer> {
    const files = p.dataFiles ?? (p.entry ? [p.entry] : []);
    if (files.length === 0) return refuse(422, 'Không có nội dung để lưu.');
    const touched: string[] = [];
    let created = false;
    // Everything is checked before anything is written.
    for (const f of files) {
      const path = checkSpelling(f.path);
      const target = entryTarget(path, this.collections);
      if (!target) return refuse(403, 'Tệp này không thuộc mục nội dung nào của trang quản trị.');
      if (f.newPath !== undefined) {
        const next = checkSpelling(f.newPath);
        if (entryTarget(next, this.collections)?.collection !== target.collection)
          return refuse(403, 'Không được chuyển mục sang chỗ khác.');
        touched.push(next);
      }
      const checked = checkEntry(target, f.raw);
      if (!checked.ok) return refuse(422, checked.message);
      touched.push(path);
      created ||= await resolveExisting(this.confinement, path).then(
        () => false,
        () => true,
      );
    }
    for (const a of p.assets) {
      const refused = this.checkAsset(a);
      if (refused) return refused;
      touched.push(checkSpelling(a.path));
    }
    // Links out of the folders are refused here too, before the first write.
    for (const t of touched) await resolveNew(this.confinement, t);
    const subject = `Nội dung: ${created ? 'thêm' : 'sửa'} ${files.map((f) => f.newPath ?? f.path).join(', ')}`;
    return this.change(account, subject, decapLine(p.options?.commitMessage), touched, async () => {
      for (const f of files) {
        await writeAtomic(this.confinement, f.newPath ?? f.path, f.raw);
        if (f.newPath !== undefined && f.newPath !== f.path)
          await removeFile(this.confinement, f.path);
      }
      for (const a of p.assets)
        await writeAtomic(this.mediaOnly(), a.path, Buffer.from(a.content, 'base64'));
      return { message: 'entry persisted' };
    });
  }

  /** Writes and commits one change, after every change queued before it. */
  private async change(
    account: string,
    subject: string,
    detail: string,
    paths: string[],
    write: () => Promise<unknown>,
  ): Promise<Answer> {
    this.repo ??= isRepository(gitHome(this.confinement.root));
    if (!(await this.repo))
      return refuse(
        503,
        'Máy chủ chưa có kho git cho nội dung nên chưa lưu được thay đổi; báo cán bộ tin học.',
      );
    const unique = [...new Set(paths)];
    return this.serial.run(async () => {
      const before = await snapshot(this.confinement, unique);
      try {
        const result = await write();
        const message = `${subject}\n\n${detail ? `${detail}\n` : ''}Biên tập viên: ${account}\n`;
        await commitPaths(gitHome(this.confinement.root), unique.map(inContent), account, message);
        return { status: 200 as const, body: result };
      } catch (err) {
        // No change without its history: the files go back to what they were, then the error is reported.
        await restore(this.confinement, before);
        await git(gitHome(this.confinement.root), [
          'reset',
          '--quiet',
          '--',
          ...unique.map(inContent),
        ]).catch(() => undefined);
        throw err;
      }
    });
  }
}
