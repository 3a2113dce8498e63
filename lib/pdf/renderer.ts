// Prints our own print pages to PDF with Chromium. One browser per server process,
// launched on first need (or reached at PLAYWRIGHT_WS_ENDPOINT), relaunched when it dies and
// recycled, between jobs, after RECYCLE_AFTER of them. Jobs run on `parallelPages` pages that
// stay open between jobs (a fresh context costs ~0.5 s of renderer start-up); who prints
// when, and who is told to come back later, is the PrintQueue's business (print-queue.ts).
// The pages run without JavaScript and may load only our own origin; a page that failed or
// timed out is closed and replaced.
import 'server-only';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, RENDERER_FLAG, requireChromium } from '@/lib/pdf/find-chromium';
import { PdfTimeoutError } from './errors';
import { brandPdf } from './metadata';
import { PrintQueue, type LaneSettings, type PrintLane } from './print-queue';
import { metrics, sampledGauge } from '@/lib/observability/registry';

export interface RendererSettings {
  allowedOrigin: string;
  /** Pages printing at once (PDF_PARALLEL_PAGES). */
  parallelPages?: number;
  /** Ceiling on waiting jobs, whatever the estimate (PDF_MAX_WAITING). */
  maxWaiting: number;
  /** A job's whole budget, from its arrival to its PDF (PDF_JOB_TIMEOUT_MS). */
  jobTimeoutMs: number;
  recycleAfter: number;
  wsEndpoint?: string;
  /** The browser's path on the remote browser server's machine, if not its default. */
  wsChromiumPath?: string;
  /**
   * A fresh context for every job, closed right after it: the strictest isolation between
   * jobs, at ~0.5 s more per PDF (a new renderer process). Off by default.
   */
  contextPerJob?: boolean;
  /** The queue's lanes, as the callers name them (print-queue.ts). */
  lanes?: Record<PrintLane, LaneSettings>;
}

export interface RenderOptions {
  /** Which lane of the queue (named by the caller): lanes share the pages fairly. */
  lane?: PrintLane;
  /** Aborted when the client went away: the job leaves the queue. */
  signal?: AbortSignal;
  /**
   * A tagged PDF (structure for screen readers, `Tagged: yes`) with bookmarks from the
   * headings. Parts joined afterwards are printed tagged too: the join keeps their trees
   * (structure.ts) and reads where each section starts from their bookmarks.
   */
  tagged?: boolean;
}

/**
 * The URL of a part, given the parts printed before it (a cover that indexes them); null
 * when the document is complete before its last possible part.
 */
export type PartUrl = (
  part: number,
  printed: readonly Buffer[],
) => string | null | Promise<string | null>;

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;
  private readonly pages: (Promise<Page> | null)[];
  private readonly queue: PrintQueue;
  private jobsOnBrowser = 0;
  private active = 0;
  private recycling: Promise<void> | null = null;
  private closed = false;
  private launches = 0;

  constructor(private readonly settings: RendererSettings) {
    const slots = Math.max(1, settings.parallelPages ?? 1);
    this.pages = Array.from({ length: slots }, () => null);
    this.queue = new PrintQueue({
      slots,
      budgetMs: settings.jobTimeoutMs,
      maxWaiting: settings.maxWaiting,
      lanes: settings.lanes,
    });
    // Read when Prometheus scrapes (docs/exploitation.md): the queue and its wait estimate.
    sampledGauge('cpro_print_queue_jobs', 'Impressions en attente et en cours.', ['state'], () => [
      { labels: { state: 'waiting' }, value: this.queue.size.waiting },
      { labels: { state: 'printing' }, value: this.queue.size.running },
    ]);
    const lanes = Object.keys(settings.lanes ?? {});
    sampledGauge(
      'cpro_print_queue_wait_estimate_seconds',
      'Attente estimée d’un nouveau travail, par file (les files que nomment les appelants).',
      ['lane'],
      () =>
        lanes.map((lane) => ({ labels: { lane }, value: this.queue.estimatedWaitMs(lane) / 1000 })),
    );
    sampledGauge(
      'cpro_chromium_memory_bytes',
      'Mémoire résidente des processus Chromium d’impression (somme des RSS).',
      [],
      () => [{ value: chromiumRssBytes() }],
    );
  }

  /**
   * `url` may be a function: it is then called when the job starts printing, so that a
   * short-lived token in it is drawn after the wait, not before.
   */
  async render(
    url: string | (() => string | Promise<string>),
    options: RenderOptions = {},
  ): Promise<Buffer> {
    const [pdf] = await this.renderParts(typeof url === 'string' ? () => url : url, 1, options);
    return pdf!;
  }

  /**
   * A document printed in (at most) `parts` prints, one after another on the same page, as
   * ONE job of the queue: Chromium's memory grows with the pages of a print, not with the
   * prints of a job. `url(part, printed)` is called as each part starts (its token is drawn
   * then), with the parts already printed; it returns null when no more part is needed.
   */
  async renderParts(url: PartUrl, parts: number, options: RenderOptions = {}): Promise<Buffer[]> {
    if (this.closed) throw new Error('PDF renderer closed');
    return this.queue.run(
      options.lane ?? 'document',
      (slot, remainingMs) => this.job(slot, url, parts, remainingMs, options.tagged ?? false),
      options.signal,
    );
  }

  /** Jobs printing or waiting: a stopping server lets them finish (lib/server/startup.ts). */
  get pending(): number {
    const { running, waiting } = this.queue.size;
    return running + waiting;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.dropBrowser();
  }

  private async job(
    slot: number,
    url: PartUrl,
    parts: number,
    remainingMs: number,
    tagged: boolean,
  ): Promise<Buffer[]> {
    // Recycling closes the browser: only between jobs, never under another page's job, and
    // once (jobs starting together wait for the same recycling).
    if (this.jobsOnBrowser >= this.settings.recycleAfter && this.active === 0) {
      this.recycling ??= this.dropBrowser().finally(() => (this.recycling = null));
    }
    if (this.recycling) await this.recycling;
    this.active++;
    try {
      return await this.withTimeout(
        slot,
        this.print(slot, url, parts, tagged),
        Math.max(1_000, remainingMs),
      );
    } finally {
      this.active--;
    }
  }

  private async withTimeout<T>(slot: number, work: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PdfTimeoutError(Math.round(this.settings.jobTimeoutMs / 1000))),
        ms,
      );
    });
    try {
      return await Promise.race([work, timeout]);
    } catch (error) {
      // A stuck or broken page is not reused.
      await this.dropPage(slot);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async print(
    slot: number,
    url: PartUrl,
    parts: number,
    tagged: boolean,
  ): Promise<Buffer[]> {
    const printAll = async (page: Page) => {
      const pdfs: Buffer[] = [];
      for (let part = 0; part < parts; part++) {
        const next = await url(part, pdfs);
        if (next === null) break;
        pdfs.push(await this.printOn(page, next, this.settings.jobTimeoutMs, tagged));
      }
      return pdfs;
    };
    if (!this.settings.contextPerJob) {
      const page = await this.getPage(slot);
      this.jobsOnBrowser++;
      return printAll(page);
    }
    const context = await this.openContext(await this.getBrowser());
    this.jobsOnBrowser++;
    try {
      return await printAll(await context.newPage());
    } finally {
      await context.close().catch(() => {});
    }
  }

  private async printOn(
    page: Page,
    url: string,
    timeout: number,
    tagged: boolean,
  ): Promise<Buffer> {
    const response = await page.goto(url, { waitUntil: 'load', timeout });
    if (!response || response.status() !== 200) {
      throw new Error(`La page d'impression a répondu ${response?.status() ?? 'rien'}`);
    }
    // Page size, margins and the footer come from the print page's own @page rules.
    return brandPdf(
      await page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        tagged,
        outline: tagged,
      }),
    );
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      // Every launch after the first is a restart (the browser died, or was recycled).
      if (this.launches++ > 0) metrics().chromiumRestarts.inc();
      const opening = this.openBrowser();
      this.browser = opening;
      opening.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === opening) {
              this.browser = null;
              this.context = null;
              this.pages.fill(null);
            }
          }),
        () => {
          if (this.browser === opening) this.browser = null;
        },
      );
      this.jobsOnBrowser = 0;
    }
    return this.browser;
  }

  private openBrowser(): Promise<Browser> {
    const args = [...CHROMIUM_ARGS, RENDERER_FLAG];
    if (this.settings.wsEndpoint) {
      // The remote server honours a browser path and flags only when started with --unsafe;
      // PLAYWRIGHT_WS_CHROMIUM_PATH names the browser on *that* machine.
      const launch: Record<string, unknown> = { args, headless: true };
      if (this.settings.wsChromiumPath) launch.executablePath = this.settings.wsChromiumPath;
      return chromium.connect(this.settings.wsEndpoint, {
        headers: { 'x-playwright-launch-options': JSON.stringify(launch) },
        timeout: 15_000,
      });
    }
    const found = requireChromium();
    return chromium.launch({
      executablePath: found.source === 'playwright' ? undefined : found.path,
      args,
      headless: true,
      // Our stop closes the browser once the prints under way are delivered
      // (lib/server/startup.ts); Playwright's own handlers would close it at once.
      handleSIGTERM: false,
      handleSIGINT: false,
      handleSIGHUP: false,
    });
  }

  /** A context with JavaScript off that may load nothing but our own origin. */
  private async openContext(browser: Browser): Promise<BrowserContext> {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    try {
      await context.route('**/*', (route) => {
        let allowed = false;
        try {
          allowed = new URL(route.request().url()).origin === this.settings.allowedOrigin;
        } catch {
          allowed = false;
        }
        return allowed ? route.continue() : route.abort('blockedbyclient');
      });
      return context;
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  private getContext(): Promise<BrowserContext> {
    if (!this.context) {
      const opening = this.getBrowser().then((browser) => this.openContext(browser));
      this.context = opening;
      opening.catch(() => {
        if (this.context === opening) this.context = null;
      });
    }
    return this.context;
  }

  /** The page of a slot, opened in the shared context on first need. */
  private getPage(slot: number): Promise<Page> {
    let page = this.pages[slot];
    if (!page) {
      const opening = this.getContext().then((context) => context.newPage());
      this.pages[slot] = opening;
      opening.catch(() => {
        if (this.pages[slot] === opening) this.pages[slot] = null;
      });
      page = opening;
    }
    return page;
  }

  // Closing waits at most a few seconds: a browser that is still starting (or hung) must
  // not block the job that gave up on it.
  private async dropPage(slot: number): Promise<void> {
    const page = this.pages[slot];
    this.pages[slot] = null;
    if (page)
      await settleWithin(
        page.then((p) => p.close()),
        5_000,
      );
  }

  private async dropBrowser(): Promise<void> {
    // Both taken at once: a browser opened meanwhile by another job is not ours to close.
    const context = this.context;
    const browser = this.browser;
    this.context = null;
    this.browser = null;
    this.pages.fill(null);
    if (context)
      await settleWithin(
        context.then((c) => c.close()),
        5_000,
      );
    if (browser)
      await settleWithin(
        browser.then((b) => b.close()),
        5_000,
      );
  }
}

function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    work
      .catch(() => {})
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

/** The resident memory of our printing Chromium processes (Linux /proc; 0 elsewhere). */
function chromiumRssBytes(): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(RENDERER_FLAG)) continue;
      const rss = /^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}
