import { isHttpUrl } from './is-http-url';

describe('isHttpUrl', () => {
  it.each([
    'https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=42',
    'http://helpdesk/ticket/INC0012345',
    'https://10.0.0.5:8443/browse/IT-7',
    'HTTPS://EXAMPLE.COM/',
  ])('accepts %s', (url) => expect(isHttpUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://example.com/file',
    'file:///etc/passwd',
    '//example.com/no-scheme',
    'example.com',
    'https://',
    'https://exa mple.com',
    'https://example.com/a b',
    'https://example.com/\n',
    '',
    42,
    null,
  ])('refuses %p', (url) => expect(isHttpUrl(url)).toBe(false));
});
