// TRUSTED_PROXIES read as addresses and CIDR ranges: checked once, by the configuration (a
// wrong entry stops the start, lib/config/env.ts), and compiled by lib/http/client-address.ts
// with proxy-addr (Express's), which both parse with.
import net from 'node:net';
import proxyaddr from 'proxy-addr';

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) → `127.0.0.1`; anything not an IP → null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return net.isIP(address) ? address.toLowerCase() : null;
}

/**
 * « 127.0.0.1, 10.0.0.0/8, [::1] » → its entries as proxy-addr reads them (an address or
 * a range, brackets removed), or the first entry that is none. proxy-addr's own names
 * (« loopback », « uniquelocal ») are not entries: the list says addresses.
 */
export function parseProxyList(
  spec: string | undefined,
): { entries: string[] } | { invalid: string } {
  const entries: string[] = [];
  for (const entry of (spec ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [base, ...prefix] = entry.split('/');
    const address = normalizeAddress(base);
    const normalized = address && [address, ...prefix].join('/');
    if (!normalized || prefix.length > 1 || !compiles(normalized)) return { invalid: entry };
    entries.push(normalized);
  }
  return { entries };
}

function compiles(entry: string): boolean {
  try {
    proxyaddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}
