import { refusedAddress, resolveTarget } from './webhook-target';

describe('webhook targets (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::ffff:0:7f00:1',
    '::7f00:1',
    '64:ff9b::a00:1',
    '64:ff9b:1::1',
    '2002:7f00:1::',
    '198.18.0.1',
    '192.0.0.1',
  ])('refuses %s unless private targets are allowed', (address) => {
    expect(refusedAddress(address, false)).toMatch(/loopback, private or unspecified/);
    expect(refusedAddress(address, true)).toBeNull();
  });

  it.each([
    '169.254.169.254',
    '169.254.0.1',
    'fe80::1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    '224.0.0.1',
  ])('always refuses %s', (address) => {
    expect(refusedAddress(address, true)).toMatch(/link-local|non-unicast/);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '172.32.0.1',
    '64:ff9b::5db8:d822',
    '2002:5db8:d822::1',
  ])('allows the public %s', (address) => {
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
