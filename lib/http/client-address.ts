// Who is on the other end of a request: the client's address and whether it came over
// https. Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only when
// the socket they came on belongs to a proxy listed in TRUSTED_PROXIES (addresses or CIDR
// ranges, comma-separated; none by default): otherwise a client could choose the address
// its sign-in attempts are counted against, or claim https. The socket address itself is
// stamped on each request by our server (lib/server/http-entry.ts).
import proxyaddr from 'proxy-addr';
import { appConfig } from '@/lib/config/env';
import { normalizeAddress, parseProxyList } from '@/lib/config/proxy-list';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';

type HeaderSource = Pick<Headers, 'get'>;

export { normalizeAddress };

/** The trusted proxies, compiled by proxy-addr (IPv4, IPv6, IPv4 mapped on IPv6, ranges). */
export class TrustedProxies {
  readonly trust: (address: string, hop: number) => boolean;
  readonly empty: boolean;

  /** Entries from the configuration, or a spec (« 127.0.0.1, 10.0.0.0/8 », throws if wrong). */
  constructor(spec: string[] | string | undefined) {
    let entries: string[];
    if (Array.isArray(spec)) entries = spec;
    else {
      const parsed = parseProxyList(spec);
      if ('invalid' in parsed) {
        throw new Error(
          `TRUSTED_PROXIES : « ${parsed.invalid} » n'est ni une adresse IP ni une plage CIDR.`,
        );
      }
      entries = parsed.entries;
    }
    this.empty = entries.length === 0;
    this.trust = proxyaddr.compile(entries);
  }

  has(address: string): boolean {
    return !this.empty && this.trust(address, 0);
  }
}

let configured: TrustedProxies | undefined;

export function trustedProxies(): TrustedProxies {
  configured ??= new TrustedProxies(appConfig().trustedProxies);
  return configured;
}

/** Whether a socket's peer is one of the trusted proxies (their X-Request-Id is kept). */
export function isTrustedProxyAddress(address: string | undefined): boolean {
  const normalized = normalizeAddress(address ?? null);
  return normalized !== null && trustedProxies().has(normalized);
}

function hops(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
}

/**
 * The client's address: the socket's, or, while the socket (then each hop) is a trusted
 * proxy, the address that proxy recorded — proxy-addr reads X-Forwarded-For from the right,
 * since a client can write anything at its left. A hop that is not an address ends the walk
 * at the proxy that wrote it. Null when the socket address is unknown.
 */
export function clientAddress(
  headers: HeaderSource,
  proxies: TrustedProxies = trustedProxies(),
): string | null {
  const socket = normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (!socket || proxies.empty) return socket;
  const forwarded = headers.get('x-forwarded-for');
  // proxy-addr reads a Node request: its socket and its headers, nothing else.
  const chain = proxyaddr.all(
    {
      socket: { remoteAddress: socket },
      headers: forwarded === null ? {} : { 'x-forwarded-for': forwarded },
    } as unknown as Parameters<typeof proxyaddr.all>[0],
    proxies.trust,
  );
  return normalizeAddress(chain.at(-1)) ?? normalizeAddress(chain.at(-2)) ?? socket;
}

/** Whether the browser reached us over https: only a trusted proxy can say so. */
export function cameOverHttps(
  headers: HeaderSource,
  proxies: TrustedProxies = trustedProxies(),
): boolean {
  const socket = normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (!socket || !proxies.has(socket)) return false;
  return hops(headers.get('x-forwarded-proto')).pop()?.toLowerCase() === 'https';
}
