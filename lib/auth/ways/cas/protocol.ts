// The CAS 3.0 protocol as a client speaks it (apereo.github.io/cas/7.x/protocol/CAS-Protocol-Specification.html):
// the URL of the ENT's sign-in page for our service, and the server-side validation of the
// service ticket it sends back (`/p3/serviceValidate`, XML answer with the user and their
// attributes). The ticket is only believed when the ENT itself says it was issued for this
// exact service URL and not used before (the ENT refuses a replayed ticket).
import 'server-only';
import { XMLParser } from 'fast-xml-parser';

/** A service ticket as CAS issues them: `ST-` then letters, digits, `-`, `.` or `_`. */
const TICKET_PATTERN = /^ST-[A-Za-z0-9._-]{1,253}$/;

export function isServiceTicket(value: string | null | undefined): value is string {
  return typeof value === 'string' && TICKET_PATTERN.test(value);
}

/** `<CAS_URL>/login?service=…`: where the teacher signs in at their ENT. */
export function casLoginUrl(casUrl: string, service: string): string {
  return `${casUrl}/login?${new URLSearchParams({ service })}`;
}

export type CasValidation =
  | { ok: true; user: string; attributes: Record<string, string[]> }
  | { ok: false; reason: 'refused'; code: string; message: string }
  | { ok: false; reason: 'unavailable'; message: string };

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  // The user is compared exactly with linked identities: « sophie.lefevre » and
  // « sophie.lefevre␠» are two identities.
  trimValues: false,
  // Character references (&#200;) as well as the five XML entities.
  htmlEntities: true,
  // Every element an array: an attribute may have one value or several.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

type XmlNode = Record<string, unknown>;

function first(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? value[0] : undefined;
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const text = (node as XmlNode)['#text'];
    if (typeof text === 'string') return text;
    if (Object.keys(node).every((key) => key.startsWith('@'))) return '';
  }
  return undefined;
}

/** Reads a `/p3/serviceValidate` answer (exported for its unit test). */
export function parseServiceResponse(xml: string): CasValidation {
  // An entity declaration has no business in a CAS answer (and could expand without end).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return { ok: false, reason: 'unavailable', message: 'réponse CAS refusée (DOCTYPE)' };
  }
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch {
    return { ok: false, reason: 'unavailable', message: 'réponse CAS illisible' };
  }
  const response = first(document, 'serviceResponse');
  const failure = first(response, 'authenticationFailure');
  if (failure !== undefined) {
    const code = failure && typeof failure === 'object' ? (failure as XmlNode)['@code'] : undefined;
    return {
      ok: false,
      reason: 'refused',
      code: typeof code === 'string' ? code : 'INCONNU',
      message: (textOf(failure) ?? '').trim().slice(0, 300),
    };
  }
  const success = first(response, 'authenticationSuccess');
  const user = textOf(first(success, 'user'));
  if (!user) return { ok: false, reason: 'unavailable', message: 'réponse CAS sans utilisateur' };
  const attributes: Record<string, string[]> = {};
  const attributesNode = first(success, 'attributes');
  if (attributesNode && typeof attributesNode === 'object') {
    for (const [name, values] of Object.entries(attributesNode as XmlNode)) {
      if (name.startsWith('@') || name === '#text' || !Array.isArray(values)) continue;
      attributes[name] = values.map(textOf).filter((v): v is string => v !== undefined);
    }
  }
  return { ok: true, user, attributes };
}

const VALIDATION_TIMEOUT_MS = 5_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Asks the ENT whether `ticket` was issued for `service` (one use: the ENT forgets it). */
export async function validateServiceTicket(
  casUrl: string,
  service: string,
  ticket: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CasValidation> {
  const url = `${casUrl}/p3/serviceValidate?${new URLSearchParams({ service, ticket })}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/xml, text/xml' },
      redirect: 'error',
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'unavailable', message: `CAS injoignable : ${message}` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: 'unavailable', message: `CAS a répondu ${response.status}` };
  }
  const body = await readAtMost(response, MAX_RESPONSE_BYTES);
  if (body === null) {
    return { ok: false, reason: 'unavailable', message: 'réponse CAS trop longue' };
  }
  return parseServiceResponse(body);
}

/**
 * The answer's text, read while counting: null as soon as it passes `limit` bytes (the
 * rest is never read, so a huge answer costs no memory).
 */
async function readAtMost(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
