// Token auth must cost no more than JWT auth (issue 22): req/s of one cached analytics report
// read with a personal API token vs with the same admin's JWT, on the same API in the same run.
// The two alternate (JWT, token, JWT, token, …) so drift in the machine's load hits both alike;
// each side's figure is the median of its rounds, counting 2xx answers only, and any non-2xx or
// error fails the comparison.
import autocannon from 'autocannon';

const ROUNDS = 3;

function run(base, path, bearer, connections, duration) {
  return new Promise((resolveRun, reject) => {
    let ok = 0;
    const instance = autocannon(
      { url: `${base}${path}`, connections, duration, headers: { authorization: `Bearer ${bearer}` } },
      (error, result) =>
        error ? reject(error) : resolveRun({ rps: ok / duration, failed: result.non2xx + result.errors }),
    );
    instance.on('response', (_client, status) => {
      if (status >= 200 && status < 300) ok++;
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

/** `jwt`: a team admin's access token; `path`: a report the API already holds in its cache. */
export async function measureTokenVsJwt({ base, path, jwt, connections = 16, duration = 6, log }) {
  const created = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench: token vs JWT', scopes: ['analytics:read'], expires_in_days: 1 }),
  });
  if (created.status !== 201)
    throw new Error(`creating the bench's API token: ${created.status} ${await created.text()}`);
  const token = (await created.json()).token;
  // Both credentials' first requests (token lookup, verification) happen before anything is timed.
  for (const bearer of [jwt, token]) {
    const warm = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    if (!warm.ok) throw new Error(`${path} answered ${warm.status} before the token-vs-JWT runs`);
    await warm.arrayBuffer();
  }

  const rounds = { jwt: [], token: [] };
  let failed = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [side, bearer] of [
      ['jwt', jwt],
      ['token', token],
    ]) {
      const result = await run(base, path, bearer, connections, duration);
      rounds[side].push(round(result.rps));
      failed += result.failed;
    }
  }
  const jwtRps = median(rounds.jwt);
  const tokenRps = median(rounds.token);
  const row = {
    path,
    connections,
    rounds_each: ROUNDS,
    jwt_rps: jwtRps,
    token_rps: tokenRps,
    token_vs_jwt: Math.round((tokenRps / jwtRps) * 1000) / 1000,
    rounds,
    failed,
  };
  row.within_10pct = failed === 0 && row.token_vs_jwt >= 0.9;
  log(
    `  JWT ${jwtRps} req/s, API token ${tokenRps} req/s @${connections} (medians of ${ROUNDS} alternating rounds; token/JWT ${row.token_vs_jwt})${failed ? `, ${failed} failed` : ''}`,
  );
  return row;
}
