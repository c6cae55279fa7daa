/**
 * Live publishing: content/ changes (a CMS save, a CSV upload, a git pull) → after they settle,
 * one build into a new folder → an atomic swap of the folder the site is served from, and the
 * service's own content reloaded with the same loader it started with. One build at a time;
 * changes during a build lead to exactly one more. A failed build leaves everything as it was.
 */
import { buildSite, type BuildPaths } from './build.ts';
import { cleanBuilds, type LiveSite } from './live-site.ts';
import { gitPull } from './git.ts';
import { watchTree } from './watch-tree.ts';
import type { Failure } from './messages.ts';

export interface BuildStatus {
  state: 'idle' | 'building';
  lastSuccess: string | null;
  lastFailure: null | { at: string; message: string };
}

export interface PublisherOptions<C> extends BuildPaths {
  live: LiveSite;
  /** The service's content loader (the one it started with). */
  loadContent: () => C;
  /** Puts freshly loaded content in use. */
  useContent: (content: C) => void;
  /** Quiet time after the last change before a build starts. */
  debounceMs?: number;
  /** Operator log (stderr by default). */
  log?: (line: string) => void;
}

/** Names an editor's tools and git write beside real content; they never start a build. */
const IGNORED = /(^|\/)(\.|#)|~$|\.sw[px]$|\.tmp$/;

export class Publisher<C> {
  readonly status: BuildStatus = { state: 'idle', lastSuccess: null, lastFailure: null };
  /** Builds started since the service started (for the operator log and tests). */
  builds = 0;
  private pending = false;
  private pullPending = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;
  private stopped = false;
  /** What set off the next build, for the log. */
  private reason = 'start';
  private readonly log: (line: string) => void;
  private readonly options: PublisherOptions<C>;
  private readonly abort = new AbortController();

  constructor(options: PublisherOptions<C>) {
    this.options = options;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Watches content/ (recursive) until stop(). */
  watch(): void {
    if (this.stopped || this.unwatch) return;
    try {
      this.unwatch = watchTree(
        this.options.contentDir,
        (path) => {
          if (!IGNORED.test(path)) this.changed(`content/${path} changed`);
        },
        (err) => {
          this.log(`publish: watching failed (${err.message}); trying again in 5 s`);
          this.unwatch?.();
          this.unwatch = undefined;
          setTimeout(() => this.watch(), 5000).unref();
        },
      );
    } catch (err) {
      this.log(`publish: cannot watch ${this.options.contentDir}: ${(err as Error).message}`);
    }
  }

  /** Something changed: build once things have been quiet for the debounce time. */
  changed(reason = 'content changed'): void {
    if (this.stopped) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.request(), this.options.debounceMs ?? 500);
  }

  /** A webhook: `git pull --ff-only`, then the same rebuild (coalesced with everything else). */
  pullAndBuild(): void {
    this.pullPending = true;
    this.reason = 'webhook';
    this.request();
  }

  /** Starts a build now, or marks one to run right after the current one. Resolves when the queue is empty. */
  request(): Promise<void> {
    this.pending = true;
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      await this.loop();
    } finally {
      // No await between the loop's last check of `pending` and this line: no request is lost.
      this.running = undefined;
    }
  }

  private async loop(): Promise<void> {
    while (this.pending && !this.stopped) {
      this.pending = false;
      this.status.state = 'building';
      try {
        if (this.pullPending) {
          this.pullPending = false;
          const pulled = await gitPull(this.options.contentDir);
          if (!pulled.ok) {
            this.fail({
              message: `Không lấy được nội dung mới từ kho Git (git pull). Trang web vẫn giữ bản trước. Người quản trị máy chủ cần xem nhật ký.`,
              detail: pulled.output,
            });
            continue;
          }
          // The files the pull wrote set off the watcher; the build below reads them all anyway.
          clearTimeout(this.timer);
        }
        await this.buildOnce();
      } catch (err) {
        this.fail({
          message: 'Lỗi không mong đợi khi đăng thay đổi. Trang web vẫn giữ bản trước.',
          detail: String((err as Error).stack ?? err),
        });
      } finally {
        this.status.state = 'idle';
      }
    }
  }

  private async buildOnce(): Promise<void> {
    const n = ++this.builds;
    const started = Date.now();
    this.log(`publish: build ${n} started (${this.reason})`);
    const result = await buildSite(this.options, this.options.loadContent, this.abort.signal);
    if (!result.ok) return this.fail(result.failure, n);
    if (this.stopped) return;
    // The swap: from here every new request reads the new folder; requests in flight finish on the old one.
    this.options.useContent(result.content);
    const previous = this.options.live.swap(result.dir);
    this.status.lastSuccess = new Date().toISOString();
    cleanBuilds(this.options.buildsDir, [result.dir, previous], this.log);
    this.log(
      `publish: build ${n} live in ${Date.now() - started} ms (registry ${result.registryMs} ms, site ${result.siteMs} ms; ${result.dir})`,
    );
  }

  private fail(failure: Failure, n?: number): void {
    this.status.lastFailure = { at: new Date().toISOString(), message: failure.message };
    this.log(
      `publish: ${n ? `build ${n} ` : ''}failed: ${failure.message}\n${failure.detail.trim().split('\n').slice(-30).join('\n')}`,
    );
  }

  /** Stops watching and pending work; a running build is stopped and never swapped in. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unwatch?.();
    this.abort.abort();
    await this.running;
  }
}
