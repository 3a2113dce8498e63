// Who is on the other end of a request: the client's address and whether it came over
// https. Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only when
// the socket they came on belongs to a proxy listed in TRUSTED_PROXIES (addresses or CIDR
// ranges, comma-separated; none by default): otherwise a client could choose the address
// its sign-in attempts are counted against, or claim https. The socket address itself is
// stamped on each request by our server (lib/server/http-entry.ts).
import net from 'node:net';
import { appConfig } from '@/lib/config/env';
import { normalizeAddress, parseProxyList, type ProxyRange } from '@/lib/config/proxy-list';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';

type HeaderSource = Pick<Headers, 'get'>;

export { normalizeAddress };

export class TrustedProxies {
  private readonly list = new net.BlockList();
  readonly empty: boolean;

  /** Ranges from the configuration, or a spec (« 127.0.0.1, 10.0.0.0/8 », throws if wrong). */
  constructor(spec: ProxyRange[] | string | undefined) {
    let ranges: ProxyRange[];
    if (Array.isArray(spec)) ranges = spec;
    else {
      const parsed = parseProxyList(spec);
      if ('invalid' in parsed) {
        throw new Error(
          `TRUSTED_PROXIES : « ${parsed.invalid} » n'est ni une adresse IP ni une plage CIDR.`,
        );
      }
      ranges = parsed.ranges;
    }
    for (const { address, bits, type } of ranges) {
      if (bits === null) this.list.addAddress(address, type);
      else this.list.addSubnet(address, bits, type);
    }
    this.empty = ranges.length === 0;
  }

  has(address: string): boolean {
    return !this.empty && this.list.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
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
 * proxy, the address that proxy recorded — read from the right of X-Forwarded-For, since
 * a client can write anything at its left. Null when the socket address is unknown.
 */
export function clientAddress(
  headers: HeaderSource,
  proxies: TrustedProxies = trustedProxies(),
): string | null {
  let address = normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (!address) return null;
  const forwarded = hops(headers.get('x-forwarded-for'));
  while (proxies.has(address) && forwarded.length > 0) {
    const previous = normalizeAddress(forwarded.pop());
    if (!previous) break;
    address = previous;
  }
  return address;
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
