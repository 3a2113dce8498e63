// A 404 a page declares (`notFound()`: an unknown pupil, class or bilan) readable without
// JavaScript. Next.js 16 answers such a 404 with an empty `<html id="__next_error__">` shell
// whose not-found page lives only in the RSC payload, drawn by the browser's JavaScript
// (vercel/next.js#98954 — an unknown URL, resolved to /_not-found, is rendered on the server).
// Without JavaScript the page stayed blank. So our server (main.ts) holds back a 404 HTML page
// as Next.js writes it, and when it is that empty shell, puts the module's French 404 in it as
// `<noscript>` (lib/http/message-page.ts): with JavaScript the page is drawn as before (the
// module's header, the teacher's name, « Se déconnecter »), without it the text is there.
// Every other answer passes through untouched, unbuffered.
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_LINK,
  NOT_FOUND_MESSAGE,
  NOT_FOUND_TITLE,
  messageContentHtml,
} from '@/lib/http/message-page';

/** What Next.js's empty error shell starts with. */
const SHELL_MARK = '<html id="__next_error__">';

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

/** The HTML as the browser would read it (Next.js may have compressed it). */
function decoded(body: Buffer, encoding: string): string | null {
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
    if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
    if (encoding === 'deflate') return zlib.inflateSync(body).toString('utf8');
    return encoding === '' || encoding === 'identity' ? body.toString('utf8') : null;
  } catch {
    return null;
  }
}

/** Back to the administration from its pages, to the bilans from the module's. */
function homeLinkOf(url: string): { href: string; label: string } {
  return url.startsWith('/administration')
    ? { href: '/administration', label: 'Retour à l’administration' }
    : DEFAULT_LINK;
}

/**
 * Whether this request asks for a page's HTML (not the client router's RSC fetch, a static
 * file or an API): only those are watched, the bulk of requests pass untouched.
 */
function asksForPage(request: IncomingMessage): boolean {
  const url = request.url ?? '/';
  return (
    request.method === 'GET' &&
    request.headers.rsc === undefined &&
    !url.startsWith('/_next/') &&
    !url.startsWith('/api/')
  );
}

/**
 * Watches `response`: a 404 HTML answer is held — its head and body — until its end, then sent
 * as written or, when it is Next.js's empty shell, replaced by the French 404 page. The head is
 * held too: Next.js's gzip sets its headers when the head is written, before the first byte.
 */
export function serveNotFoundShells(request: IncomingMessage, response: ServerResponse): void {
  if (!asksForPage(request)) return;
  const writeHead = response.writeHead.bind(response) as (status: number) => ServerResponse;
  const write = response.write.bind(response) as (chunk: Chunk, ...rest: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const flushHeaders = response.flushHeaders.bind(response);
  let held: { status: number; body: Buffer[] } | null = null;

  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (held) return response;
    // writeHead(status, [message], [headers]): the headers join those already set.
    const headers = rest.find(
      (a): a is Record<string, string> => typeof a === 'object' && a !== null,
    );
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    }
    const type = String(response.getHeader('content-type') ?? '');
    if (status === 404 && type.startsWith('text/html')) {
      held = { status, body: [] };
      return response;
    }
    return writeHead(status);
  }) as ServerResponse['writeHead'];

  const split = (args: unknown[]) => ({
    callback: args.find((a): a is Callback => typeof a === 'function'),
    encoding: args.find((a): a is BufferEncoding => typeof a === 'string'),
  });

  // Next.js flushes the head before the first chunk of a page.
  response.flushHeaders = () => {
    if (!held && !response.headersSent) response.writeHead(response.statusCode);
    if (!held) flushHeaders();
  };

  response.write = ((chunk: Chunk, ...rest: unknown[]) => {
    if (!held && !response.headersSent) response.writeHead(response.statusCode);
    if (!held) return write(chunk, ...rest);
    const { callback, encoding } = split(rest);
    held.body.push(toBuffer(chunk, encoding));
    if (callback) process.nextTick(callback);
    return true;
  }) as ServerResponse['write'];

  response.end = ((...args: unknown[]) => {
    if (!held && !response.headersSent) response.writeHead(response.statusCode);
    if (!held) return end(...args);
    const chunk = typeof args[0] === 'function' ? undefined : (args[0] as Chunk | undefined | null);
    const { callback, encoding } = split(args.slice(1));
    if (chunk !== undefined && chunk !== null) held.body.push(toBuffer(chunk, encoding));
    let body = Buffer.concat(held.body);
    const html = decoded(body, String(response.getHeader('content-encoding') ?? ''));
    const bodyTag = html?.includes(SHELL_MARK) ? /<body[^>]*>/.exec(html) : null;
    if (html && bodyTag) {
      const at = bodyTag.index + bodyTag[0].length;
      const content = messageContentHtml(
        404,
        NOT_FOUND_TITLE,
        NOT_FOUND_MESSAGE,
        homeLinkOf(request.url ?? '/'),
      );
      body = Buffer.from(`${html.slice(0, at)}<noscript>${content}</noscript>${html.slice(at)}`);
      response.removeHeader('content-encoding');
    }
    response.removeHeader('transfer-encoding');
    response.setHeader('Content-Length', body.length);
    writeHead(held.status);
    return callback ? end(body, callback) : end(body);
  }) as ServerResponse['end'];
}
