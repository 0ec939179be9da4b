import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent (SSRF). A URL is checked by the addresses its host resolves to, at
 * creation and again at every send (DNS may change; the send connects to the address checked).
 * Link-local (169.254.0.0/16: cloud metadata; fe80::/10) is never allowed; loopback, private,
 * shared (100.64/10), unique-local and unspecified addresses only with WEBHOOK_ALLOW_PRIVATE_TARGETS.
 */
const NEVER = new BlockList();
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast, reserved, broadcast: never a receiver
NEVER.addSubnet('ff00::', 8, 'ipv6');

const PRIVATE = new BlockList();
PRIVATE.addSubnet('0.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Why an address may not be a webhook target, or null when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  let family = isIP(address);
  if (!family) return `${address} is not an IP address`;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const mapped = family === 6 && /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) {
    address = mapped[1];
    family = 4;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (NEVER.check(address, type)) return `${address} is a link-local or non-unicast address`;
  if (!allowPrivate && PRIVATE.check(address, type))
    return `${address} is a loopback, private or unspecified address (set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it)`;
  return null;
}

export class RefusedTargetError extends Error {}

/** The addresses the URL's host resolves to, every one allowed; throws RefusedTargetError otherwise. */
export async function resolveTarget(host: string, allowPrivate: boolean): Promise<ResolvedAddress[]> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: ResolvedAddress[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) as 4 | 6 }];
  else {
    try {
      addresses = (await lookup(bare, { all: true, verbatim: true })) as ResolvedAddress[];
    } catch (error) {
      throw new RefusedTargetError(`${bare} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (!addresses.length) throw new RefusedTargetError(`${bare} does not resolve`);
  // Every address must pass: a host answering one public and one private address is refused.
  for (const { address } of addresses) {
    const reason = refusedAddress(address, allowPrivate);
    if (reason) throw new RefusedTargetError(reason);
  }
  return addresses;
}
