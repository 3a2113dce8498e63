// TRUSTED_PROXIES read as addresses and CIDR ranges: parsed once, by the configuration (a
// wrong entry stops the start, lib/config/env.ts), and used by lib/http/client-address.ts.
import net from 'node:net';

export interface ProxyRange {
  address: string;
  /** Prefix length of a CIDR range; null for a single address. */
  bits: number | null;
  type: 'ipv4' | 'ipv6';
}

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) → `127.0.0.1`; anything not an IP → null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return net.isIP(address) ? address.toLowerCase() : null;
}

/** « 127.0.0.1, 10.0.0.0/8, ::1 » → its ranges, or the first entry that is none. */
export function parseProxyList(
  spec: string | undefined,
): { ranges: ProxyRange[] } | { invalid: string } {
  const ranges: ProxyRange[] = [];
  for (const entry of (spec ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [base, prefix, extra] = entry.split('/');
    const address = normalizeAddress(base);
    const type = address && net.isIPv6(address) ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? null : Number(prefix);
    const validBits =
      bits === null ||
      (Number.isInteger(bits) && bits >= 0 && bits <= (type === 'ipv6' ? 128 : 32));
    if (!address || extra !== undefined || !validBits) return { invalid: entry };
    ranges.push({ address, bits, type });
  }
  return { ranges };
}
