import { refusedAddress, resolveTarget } from './webhook-target';

describe('webhook targets (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '0.0.0.0', '::1', '::', 'fd00::1', '::ffff:10.0.0.1'])(
    'refuses %s unless private targets are allowed',
    (address) => {
      expect(refusedAddress(address, false)).toMatch(/loopback, private or unspecified/);
      expect(refusedAddress(address, true)).toBeNull();
    },
  );

  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', '::ffff:169.254.169.254', '224.0.0.1'])(
    'always refuses %s',
    (address) => {
      expect(refusedAddress(address, true)).toMatch(/link-local|non-unicast/);
    },
  );

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1'])('allows the public %s', (address) => {
    expect(refusedAddress(address, false)).toBeNull();
  });

  it('checks literal hosts, bracketed IPv6 included, without DNS', async () => {
    await expect(resolveTarget('[::1]', false)).rejects.toThrow(/::1/);
    await expect(resolveTarget('169.254.169.254', true)).rejects.toThrow(/link-local/);
    await expect(resolveTarget('1.1.1.1', false)).resolves.toEqual([{ address: '1.1.1.1', family: 4 }]);
  });

  it('checks every address a name resolves to', async () => {
    await expect(resolveTarget('localhost', false)).rejects.toThrow(/loopback/);
  });
});
