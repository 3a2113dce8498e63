// A body is read within its route's limit, whatever its transfer encoding, and never short
// without an error (Next.js's proxy used to keep the first 10 MB of a body and pass it on as
// if whole).
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config.mjs';
import { AppError } from './app-error';
import { readBody } from './body';
import { BODY_LIMITS, LARGEST_BODY_BYTES, bodyLimitFor, type BodyLimit } from './body-limits';

const LIMIT: BodyLimit = { bytes: 10, label: '10 octets', streaming: true, answer: 'json' };

/** A request whose body arrives in these chunks, with this Content-Length (or none). */
function request(chunks: string[], contentLength?: number): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const headers = new Headers();
  if (contentLength !== undefined) headers.set('content-length', String(contentLength));
  // A streamed body needs `duplex` (Node's fetch), which the DOM's RequestInit does not name.
  const init: RequestInit & { duplex: 'half' } = { method: 'POST', body, headers, duplex: 'half' };
  return new Request('http://localhost/x', init);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('readBody', () => {
  it('reads a whole body within the limit, declared or streamed', async () => {
    expect((await readBody(request(['01234', '56789'], 10), LIMIT)).toString()).toBe('0123456789');
    expect((await readBody(request(['01234', '56789']), LIMIT)).toString()).toBe('0123456789');
  });

  it('refuses a body over the limit, declared or counted as it streams (413, the limit named)', async () => {
    const declared = await refusal(readBody(request(['x'], 11), LIMIT));
    expect(declared.status).toBe(413);
    expect(declared.message).toContain('10 octets');
    const streamed = await refusal(readBody(request(['012345', '678901']), LIMIT));
    expect(streamed.status).toBe(413);
  });

  it('refuses a body shorter than it declared: cut on its way, never read as whole', async () => {
    const cut = await refusal(readBody(request(['01234'], 9), LIMIT));
    expect(cut.status).toBe(400);
    expect(cut.details.code).toBe('corps_incomplet');
    expect((await refusal(readBody(request(['0123456789'], 4), LIMIT))).status).toBe(400);
  });
});

describe('body limits', () => {
  it('Next.js’s proxy passes every body a route takes whole', () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBeGreaterThan(LARGEST_BODY_BYTES);
  });

  it('names each route’s limit; anything else is a small form', () => {
    expect(bodyLimitFor('/api/alimentation/v1/lots?x=1')).toBe(BODY_LIMITS.lot);
    expect(bodyLimitFor('/api/alimentation/v1/bilans/tdb:1')).toBe(BODY_LIMITS.bilan);
    expect(bodyLimitFor('/administration/siecle')).toBe(BODY_LIMITS.siecle);
    expect(bodyLimitFor('/administration/siecle/x')).toBe(BODY_LIMITS.formulaire);
    expect(bodyLimitFor('/api/alimentation/v1/bilans/a/b')).toBe(BODY_LIMITS.formulaire);
    expect(bodyLimitFor('/login')).toBe(BODY_LIMITS.formulaire);
  });
});
