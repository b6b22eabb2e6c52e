import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../common/errors/app-error.js';

/** All the addresses a host name resolves to. */
export type HostLookup = (host: string) => Promise<string[]>;

export const systemLookup: HostLookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

// ranges ipaddr.js 1.9 calls unicast that are no public target either
const EXTRA_REFUSED_V4: Array<[ipaddr.IPv4, number]> = [
  ipaddr.IPv4.parseCIDR('198.18.0.0/15'), // benchmarking
];

/** Whether an address is a public unicast one: not private, loopback, link-local, unspecified, multicast or reserved. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  if (parsed.kind() === 'ipv6') return true;
  return !EXTRA_REFUSED_V4.some((range) => (parsed as ipaddr.IPv4).match(range));
}

/** The comma-separated setting as a list of lower-case host names (IPv6 without brackets). */
export function parseAllowedHosts(setting: string): string[] {
  return setting
    .split(',')
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter(Boolean);
}

/**
 * Refuses a webhook URL that is not http(s) (WEBHOOK_URL_INVALID) or whose host resolves to any address that is not
 * public (WEBHOOK_URL_FORBIDDEN), unless the host is allowed by name. Checked when a webhook is created and again
 * before each delivery (the name may resolve elsewhere by then).
 */
export async function checkWebhookUrl(raw: string, allowedHosts: string[], lookup: HostLookup): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('WEBHOOK_URL_INVALID');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('WEBHOOK_URL_INVALID');
  if (url.username || url.password) throw new AppError('WEBHOOK_URL_INVALID', '推送地址不能包含用户名或密码');
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new AppError('WEBHOOK_URL_INVALID');
  if (allowedHosts.includes(host)) return url;
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await lookup(host);
    } catch {
      throw new AppError('WEBHOOK_URL_UNRESOLVABLE');
    }
    if (addresses.length === 0) throw new AppError('WEBHOOK_URL_UNRESOLVABLE');
  }
  if (!addresses.every(isPublicAddress)) throw new AppError('WEBHOOK_URL_FORBIDDEN');
  return url;
}
