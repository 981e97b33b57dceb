/**
 * Which IP addresses a video download may connect to: public unicast only. Loopback, private, link-local,
 * carrier-grade NAT, multicast, reserved and documentation ranges are refused, in IPv4 and IPv6, including
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4).
 */
import { isIP } from 'node:net';

/** [first address as a 32-bit number, prefix length] of every IPv4 range that is not public. */
const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

const v4ToInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const V4_RANGES = V4_BLOCKED.map(([base, bits]) => ({ base: v4ToInt(base), size: 2 ** (32 - bits) }));

function isPublicV4(ip: string): boolean {
  const n = v4ToInt(ip);
  return !V4_RANGES.some((r) => n >= r.base && n < r.base + r.size);
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail expanded). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
}

const embeddedV4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

function isPublicV6(ip: string): boolean {
  const g = v6Groups(ip);
  if (g.length !== 8 || g.some((x) => Number.isNaN(x))) return false;
  const [a, b] = g as [number, number, number, number, number, number, number, number];
  if (g.slice(0, 6).every((x) => x === 0)) {
    // ::, ::1 and IPv4-compatible ::a.b.c.d
    return g[6] !== 0 && isPublicV4(embeddedV4(g[6]!, g[7]!));
  }
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isPublicV4(embeddedV4(g[6]!, g[7]!));
  if (a === 0 && b === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0xffff && g[5] === 0)
    return isPublicV4(embeddedV4(g[6]!, g[7]!));
  // NAT64 64:ff9b::/96 carries an IPv4 address in its last 32 bits.
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPublicV4(embeddedV4(g[6]!, g[7]!));
  // 6to4 2002::/16 carries one in bits 16-48.
  if (a === 0x2002) return isPublicV4(embeddedV4(b, g[2]!));
  if ((a & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((a & 0xffc0) === 0xfec0) return false; // site-local (deprecated) fec0::/10
  if ((a & 0xff00) === 0xff00) return false; // multicast ff00::/8
  if (a === 0x2001 && b === 0x0db8) return false; // documentation
  if (a === 0x0100 && b === 0 && g[2] === 0 && g[3] === 0) return false; // discard-only 100::/64
  return true;
}

/** True for an address a download may connect to; false for anything else, including a non-address. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip.replace(/^\[|\]$/g, ''));
  if (family === 4) return isPublicV4(ip);
  if (family === 6) return isPublicV6(ip.replace(/^\[|\]$/g, ''));
  return false;
}
