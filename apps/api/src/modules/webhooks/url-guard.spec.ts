import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl, isPublicAddress, parseAllowedHosts, type HostLookup } from './url-guard.js';

const resolvesTo =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses;
const unresolvable: HostLookup = async () => {
  throw new Error('ENOTFOUND');
};

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

describe('webhook URL guard (SSRF)', () => {
  it('classifies addresses: only public unicast passes', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888']) expect(isPublicAddress(address)).toBe(true);
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '127.0.0.1',
      '127.255.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '198.18.0.1',
      '192.0.2.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      'ff02::1',
      'not an address',
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it('accepts http and https to public hosts', async () => {
    const url = await checkWebhookUrl(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      [],
      resolvesTo('1.2.3.4'),
    );
    expect(url.href).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
    await expect(checkWebhookUrl('http://8.8.8.8:8080/hook', [], unresolvable)).resolves.toBeInstanceOf(URL);
  });

  it('refuses other schemes and unparsable URLs (WEBHOOK_URL_INVALID)', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/',
      'javascript:alert(1)',
      'not a url',
      '',
      'http://user:pw@example.com/',
    ])
      expect([url, await codeOf(checkWebhookUrl(url, [], resolvesTo('1.2.3.4')))]).toEqual([
        url,
        'WEBHOOK_URL_INVALID',
      ]);
  });

  it('refuses private, loopback, link-local and reserved targets, by literal or by name (WEBHOOK_URL_FORBIDDEN)', async () => {
    for (const url of [
      'http://10.0.0.1/',
      'http://127.0.0.1:3000/api',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://[::ffff:192.168.0.1]/',
    ])
      expect([url, await codeOf(checkWebhookUrl(url, [], resolvesTo('1.2.3.4')))]).toEqual([
        url,
        'WEBHOOK_URL_FORBIDDEN',
      ]);
    // a name with any private address among its answers
    expect(await codeOf(checkWebhookUrl('https://intranet.example/', [], resolvesTo('1.2.3.4', '192.168.0.9')))).toBe(
      'WEBHOOK_URL_FORBIDDEN',
    );
    expect(await codeOf(checkWebhookUrl('https://nowhere.invalid/', [], unresolvable))).toBe(
      'WEBHOOK_URL_UNRESOLVABLE',
    );
  });

  it('lets the allowed hosts through by name, whatever they resolve to', async () => {
    const allowed = parseAllowedHosts(' 127.0.0.1, Chat.Intranet.local ,[::1],');
    expect(allowed).toEqual(['127.0.0.1', 'chat.intranet.local', '::1']);
    await expect(checkWebhookUrl('http://127.0.0.1:8080/', allowed, unresolvable)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://[::1]:8080/', allowed, unresolvable)).resolves.toBeInstanceOf(URL);
    await expect(
      checkWebhookUrl('https://chat.intranet.local/hook', allowed, resolvesTo('10.1.2.3')),
    ).resolves.toBeInstanceOf(URL);
    expect(await codeOf(checkWebhookUrl('http://10.0.0.1/', allowed, unresolvable))).toBe('WEBHOOK_URL_FORBIDDEN');
  });
});
