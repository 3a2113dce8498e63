// Prints our own print pages to PDF with Chromium. One browser per server process,
// launched on first need (or reached at PLAYWRIGHT_WS_ENDPOINT), relaunched when it dies and
// recycled after RECYCLE_AFTER jobs. Jobs run one at a time on a page that stays open between
// jobs (a fresh context costs ~0.5 s of renderer start-up); at most MAX_WAITING wait, the
// rest get PdfBusyError (→ 503). The page runs without JavaScript and may load only our own
// origin; a page that failed or timed out is closed and replaced.
import 'server-only';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, RENDERER_FLAG, requireChromium } from '@/lib/pdf/find-chromium';
import { PdfBusyError, PdfTimeoutError } from './errors';
import { brandPdf } from './metadata';

export interface RendererSettings {
  allowedOrigin: string;
  maxWaiting: number;
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
}

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private session: Promise<{ context: BrowserContext; page: Page }> | null = null;
  private running = false;
  private readonly waiters: (() => void)[] = [];
  private jobsOnBrowser = 0;
  private closed = false;

  constructor(private readonly settings: RendererSettings) {}

  async render(url: string): Promise<Buffer> {
    if (this.closed) throw new Error('PDF renderer closed');
    if (this.running && this.waiters.length >= this.settings.maxWaiting) throw new PdfBusyError();
    await this.acquire();
    try {
      return await this.withTimeout(this.print(url));
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.dropBrowser();
  }

  private acquire(): Promise<void> {
    if (!this.running) {
      this.running = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.running = false;
  }

  private async withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PdfTimeoutError(Math.round(this.settings.jobTimeoutMs / 1000))),
        this.settings.jobTimeoutMs,
      );
    });
    try {
      return await Promise.race([work, timeout]);
    } catch (error) {
      // A stuck or broken page is not reused.
      await this.dropSession();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async print(url: string): Promise<Buffer> {
    if (this.jobsOnBrowser >= this.settings.recycleAfter) await this.dropBrowser();
    if (!this.settings.contextPerJob) {
      const { page } = await this.getSession();
      this.jobsOnBrowser++;
      return this.printOn(page, url);
    }
    const { context, page } = await this.openSession(await this.getBrowser());
    this.jobsOnBrowser++;
    try {
      return await this.printOn(page, url);
    } finally {
      await context.close().catch(() => {});
    }
  }

  private async printOn(page: Page, url: string): Promise<Buffer> {
    const response = await page.goto(url, {
      waitUntil: 'load',
      timeout: this.settings.jobTimeoutMs,
    });
    if (!response || response.status() !== 200) {
      throw new Error(`La page d'impression a répondu ${response?.status() ?? 'rien'}`);
    }
    // Page size, margins and the footer come from the print page's own @page rules.
    return brandPdf(await page.pdf({ printBackground: true, preferCSSPageSize: true }));
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      const opening = this.openBrowser();
      this.browser = opening;
      opening.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === opening) {
              this.browser = null;
              this.session = null;
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
    });
  }

  /** A context with JavaScript off that may load nothing but our own origin, and its page. */
  private async openSession(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
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
      const page = await context.newPage();
      return { context, page };
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  private getSession(): Promise<{ context: BrowserContext; page: Page }> {
    if (!this.session) {
      const opening = this.getBrowser().then((browser) => this.openSession(browser));
      this.session = opening;
      opening.catch(() => {
        if (this.session === opening) this.session = null;
      });
    }
    return this.session;
  }

  // Closing waits at most a few seconds: a browser that is still starting (or hung) must
  // not block the job that gave up on it.
  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session)
      await settleWithin(
        session.then(({ context }) => context.close()),
        5_000,
      );
  }

  private async dropBrowser(): Promise<void> {
    await this.dropSession();
    const browser = this.browser;
    this.browser = null;
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
