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
PRIVATE.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking networks
PRIVATE.addSubnet('64:ff9b:1::', 48, 'ipv6'); // local-use NAT64: reaches private IPv4
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
  // An IPv6 address that carries an IPv4 one (mapped, compatible, SIIT, NAT64, 6to4) is judged as
  // the IPv4 address it reaches: ::ffff:a9fe:a9fe is 169.254.169.254.
  const carried = family === 6 ? carriedIpv4(address) : null;
  if (carried) {
    address = carried;
    family = 4;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (NEVER.check(address, type)) return `${address} is a link-local or non-unicast address`;
  if (!allowPrivate && PRIVATE.check(address, type))
    return `${address} is a loopback, private or unspecified address (set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it)`;
  return null;
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail counts as two). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  return tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address an IPv6 one carries, if it is of a form that reaches IPv4; null otherwise. */
export function carriedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6], g[7]); // ::ffff:0:0/96, mapped
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]); // ::ffff:0:0:0/96, SIIT
  if (zero(0, 6) && (g[6] !== 0 || g[7] > 1)) return v4(g[6], g[7]); // ::/96, IPv4-compatible (not :: or ::1)
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]); // 64:ff9b::/96, NAT64
  if (g[0] === 0x2002) return v4(g[1], g[2]); // 2002::/16, 6to4
  return null;
}

export class RefusedTargetError extends Error {}

/** How long a name may take to resolve; a name server that never answers must not hold a send. */
const LOOKUP_TIMEOUT_MS = 5_000;
/**
 * Lookups in flight at once. dns.lookup runs on libuv's thread pool (4 threads), which argon2
 * (every login) shares: hosts whose name servers hang must not take all of it.
 */
const LOOKUP_SLOTS = 2;
let lookupsRunning = 0;
const lookupQueue: (() => void)[] = [];

async function boundedLookup(host: string): Promise<ResolvedAddress[]> {
  // The time limit counts the wait for a slot too: a queue behind hanging name servers must not outlast a lease.
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(Object.assign(new Error('timeout'), { code: `no answer within ${LOOKUP_TIMEOUT_MS / 1000} s` }));
    }, LOOKUP_TIMEOUT_MS);
  });
  const resolved = (async () => {
    while (lookupsRunning >= LOOKUP_SLOTS) await new Promise<void>((resolve) => lookupQueue.push(resolve));
    if (timedOut) {
      lookupQueue.shift()?.(); // not taken: the next in line may have it
      throw new Error('timeout');
    }
    lookupsRunning++;
    // The slot is freed when the lookup ends, not when the caller stops waiting: its thread is busy till then.
    return (await lookup(host, { all: true, verbatim: true }).finally(() => {
      lookupsRunning--;
      lookupQueue.shift()?.();
    })) as ResolvedAddress[];
  })();
  resolved.catch(() => undefined); // a lookup that ends after its time limit is nobody's error
  try {
    return await Promise.race([resolved, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The addresses the URL's host resolves to, every one allowed; throws RefusedTargetError otherwise. */
export async function resolveTarget(host: string, allowPrivate: boolean): Promise<ResolvedAddress[]> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: ResolvedAddress[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) as 4 | 6 }];
  else {
    try {
      addresses = await boundedLookup(bare);
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
