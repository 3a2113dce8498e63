// A request's body read in memory within its route's limit (lib/http/body-limits.ts): a
// declared Content-Length over the limit is refused at once, a body without one (chunked) is
// counted as it streams and cut off at the limit, and a body shorter than it declared — cut
// on its way (a proxy's buffer, a dropped connection) — is an error, never read as whole.
// Nothing beyond the limit is ever held.
import { AppError } from './app-error';
import { BODY_INCOMPLETE_MESSAGE, bodyTooLargeMessage, type BodyLimit } from './body-limits';

export function bodyTooLargeError(limit: BodyLimit): AppError {
  return new AppError('payload_too_large', bodyTooLargeMessage(limit), {
    code: 'trop_volumineux',
    title: 'Envoi trop volumineux',
  });
}

function bodyIncompleteError(): AppError {
  return new AppError('bad_request', BODY_INCOMPLETE_MESSAGE, {
    code: 'corps_incomplet',
    title: 'Envoi incomplet',
  });
}

/** The whole body, or an AppError (413 too large, 400 incomplete). */
export async function readBody(request: Request, limit: BodyLimit): Promise<Buffer> {
  const header = request.headers.get('content-length');
  const declared = header === null ? null : Number(header);
  if (declared !== null && (!Number.isSafeInteger(declared) || declared < 0)) {
    throw bodyIncompleteError();
  }
  if (declared !== null && declared > limit.bytes) throw bodyTooLargeError(limit);
  if (!request.body) {
    if (declared) throw bodyIncompleteError();
    return Buffer.alloc(0);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit.bytes) {
      await reader.cancel();
      throw bodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (declared !== null && size !== declared) throw bodyIncompleteError();
  return Buffer.concat(chunks);
}
