import { createHmac } from 'node:crypto';

import { newWebhookSecret, signature, signedHeaders } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  it('issues whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs id.timestamp.body with the decoded secret', () => {
    // The example of the Standard Webhooks specification.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signature(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('puts one signature per secret in the header, and a fresh timestamp', () => {
    const headers = signedHeaders([newWebhookSecret(), newWebhookSecret()], 'id-1', '{}', 1_700_000_000_500);
    expect(headers['webhook-timestamp']).toBe('1700000000');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    const key = Buffer.from('a'.repeat(32));
    const expected = createHmac('sha256', key).update('id-1.1700000000.{}').digest('base64');
    expect(
      signedHeaders([`whsec_${key.toString('base64')}`], 'id-1', '{}', 1_700_000_000_000)['webhook-signature'],
    ).toBe(`v1,${expected}`);
  });
});
