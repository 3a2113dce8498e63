// The PDF renderer against real Chromium: it prints, it loads nothing but our origin, it
// refuses work past its queue, and it works through a remote Playwright browser server.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium } from '@/lib/pdf/find-chromium';
import { PdfBusyError } from './errors';
import { PdfRenderer } from './renderer';
import { PDF_CREATOR, PDF_PRODUCER } from './metadata';
import { extractText, getDocumentProxy } from 'unpdf';

function listen(handler: http.RequestListener): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }),
  );
}

describe('PdfRenderer', () => {
  const outsideHits: string[] = [];
  let outside: { server: http.Server; origin: string };
  let ours: { server: http.Server; origin: string };

  beforeAll(async () => {
    requireChromium(); // fails clearly when no browser is installed
    outside = await listen((req, res) => {
      outsideHits.push(req.url ?? '');
      res.end('x');
    });
    ours = await listen((req, res) => {
      const page = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${outside.origin}/style.css"></head>
        <body><h1>Bilan de test</h1>
        <img src="${outside.origin}/img.png"><img src="file:///etc/hostname">
        <iframe src="data:text/html,<img src=${outside.origin}/from-data-frame.png>"></iframe>
        <iframe src="${outside.origin}/frame"></iframe>
        <script>fetch('${outside.origin}/from-script')</script></body></html>`;
      const delay = req.url?.startsWith('/lent') ? 1500 : 0;
      setTimeout(() => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page);
      }, delay);
    });
  });

  afterAll(() => {
    for (const s of [outside?.server, ours?.server]) {
      s?.closeAllConnections();
      s?.close();
    }
  });

  function renderer(extra: Partial<ConstructorParameters<typeof PdfRenderer>[0]> = {}) {
    return new PdfRenderer({
      allowedOrigin: ours.origin,
      maxWaiting: 4,
      jobTimeoutMs: 20_000,
      recycleAfter: 50,
      ...extra,
    });
  }

  it('prints a page to PDF and lets nothing leave our origin', async () => {
    const pdf = renderer();
    try {
      const bytes = await pdf.render(`${ours.origin}/bilan`);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // Our module, not « HeadlessChrome », made it; the file still opens and reads.
      const document = await getDocumentProxy(new Uint8Array(bytes));
      const { info } = (await document.getMetadata()) as unknown as {
        info: Record<string, unknown>;
      };
      expect(String(info.Creator).trim()).toBe(PDF_CREATOR);
      expect(String(info.Producer).trim()).toBe(PDF_PRODUCER);
      expect(bytes.toString('latin1')).not.toMatch(/HeadlessChrome|Skia/);
      expect((await extractText(document, { mergePages: true })).text).toContain('Bilan de test');
      const again = await pdf.render(`${ours.origin}/bilan`);
      expect(again.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await pdf.close();
    }
    expect(outsideHits).toEqual([]);
  });

  it('answers busy past its queue instead of piling work up', async () => {
    const pdf = renderer({ maxWaiting: 1 });
    try {
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map((n) => pdf.render(`${ours.origin}/lent/${n}`)),
      );
      const busy = results.filter(
        (r) => r.status === 'rejected' && r.reason instanceof PdfBusyError,
      );
      const done = results.filter((r) => r.status === 'fulfilled');
      expect(done).toHaveLength(2);
      expect(busy).toHaveLength(2);
    } finally {
      await pdf.close();
    }
  });

  it('prints through a remote Playwright browser server (PLAYWRIGHT_WS_ENDPOINT)', async () => {
    const chromium = requireChromium();
    const server: ChildProcess = spawn(
      process.execPath,
      [
        'node_modules/playwright-core/cli.js',
        'run-server',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--unsafe',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const wsEndpoint = await new Promise<string>((resolve, reject) => {
        server.stdout?.on('data', (chunk: Buffer) => {
          const match = /Listening on (ws:\/\/\S+)/.exec(chunk.toString());
          if (match?.[1]) resolve(match[1]);
        });
        server.once('exit', () => reject(new Error('run-server exited')));
      });
      const pdf = renderer({
        wsEndpoint,
        wsChromiumPath: chromium.source !== 'playwright' ? chromium.path : undefined,
      });
      try {
        const bytes = await pdf.render(`${ours.origin}/bilan`);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await pdf.close();
      }
      expect(outsideHits).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL'); // run-server ignores SIGTERM while it holds a browser
      await exited;
    }
  });
});
