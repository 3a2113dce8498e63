// Who is on the other end of a request: the client's address and whether it came over
// https. Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only when
// the socket they came on belongs to a proxy listed in TRUSTED_PROXIES (addresses or CIDR
// ranges, comma-separated; none by default): otherwise a client could choose the address
// its sign-in attempts are counted against, or claim https. The socket address itself is
// stamped on each request by lib/server/http-entry-hook.mjs.
import net from 'node:net';
import { appConfig } from '@/lib/config/env';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';

type HeaderSource = Pick<Headers, 'get'>;

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) → `127.0.0.1`; anything not an IP → null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return net.isIP(address) ? address.toLowerCase() : null;
}

export class TrustedProxies {
  private readonly list = new net.BlockList();
  readonly empty: boolean;

  /** `spec`: « 127.0.0.1, 10.0.0.0/8, ::1 »; throws on an entry that is not an address. */
  constructor(spec: string | undefined) {
    const entries = (spec ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of entries) {
      const [base, prefix, extra] = entry.split('/');
      const address = normalizeAddress(base);
      const type = address && net.isIPv6(address) ? 'ipv6' : 'ipv4';
      const bits = prefix === undefined ? null : Number(prefix);
      if (
        !address ||
        extra !== undefined ||
        (bits !== null &&
          (!Number.isInteger(bits) || bits < 0 || bits > (type === 'ipv6' ? 128 : 32)))
      ) {
        throw new Error(
          `TRUSTED_PROXIES : « ${entry} » n'est ni une adresse IP ni une plage CIDR.`,
        );
      }
      if (bits === null) this.list.addAddress(address, type);
      else this.list.addSubnet(address, bits, type);
    }
    this.empty = entries.length === 0;
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
