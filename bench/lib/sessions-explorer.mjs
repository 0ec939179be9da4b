// The sessions explorer's cases (issue 24): a filtered page of GET /sessions — a 30-day window of
// the whole account, without and with a node filter (the drop-off drill-down) — p95 at
// concurrency 1, and the CSV of a 90-day window: rows/s and the API's RSS while it streams.
// Used by bench/run.mjs (on the API as deployed) and by bench/sessions-explorer.mjs (these
// cases alone).

/**
 * `cannon(options)` and `percentile` are run.mjs's; `rss` is the running API's sampled RSS
 * ({ max }), read before and after the CSV to show whether memory stays flat.
 */
export async function measureSessionsExplorer({ base, adminToken, pool, accountId, cannon, percentile, rss, log }) {
  const round = (value, digits = 1) => Number(value.toFixed(digits));
  const headers = { authorization: `Bearer ${adminToken}` };
  // The node most unfinished sessions of the last 30 days stand at: the top drop-off figure.
  const [node] = (
    await pool.query(
      `SELECT current_node_id AS id, count(*)::int AS n FROM sessions
        WHERE account_id = $1 AND completed_at IS NULL AND started_at >= now() - interval '30 days'
        GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      [accountId],
    )
  ).rows;
  const pages = [
    ['sessions-30d', '/api/v1/sessions?all=true&period=30d&limit=50'],
    ['sessions-30d-node', `/api/v1/sessions?all=true&period=30d&limit=50&stopped_at_node_id=${node.id}`],
    ['sessions-30d-rating', '/api/v1/sessions?all=true&period=30d&limit=50&rating=1'],
  ];
  const result = { pages: [], node_sessions: node.n };
  for (const [name, path] of pages) {
    const first = await (await fetch(`${base}${path}`, { headers })).json();
    const run = await cannon({ path, headers, connections: 1 });
    const row = {
      case: name,
      path,
      total: first.total,
      p50_ms: round(percentile(run.latencies, 50)),
      p95_ms: round(percentile(run.latencies, 95)),
      p99_ms: round(percentile(run.latencies, 99)),
      non2xx: run.result.non2xx,
      errors: run.result.errors,
      clean: run.result.non2xx === 0 && run.result.errors === 0,
    };
    result.pages.push(row);
    log(
      `  ${name.padEnd(20)} total ${row.total}: p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms, p99 ${row.p99_ms} ms @1${row.clean ? '' : ' FAILED'}`,
    );
  }

  // The CSV of every session of the last 90 days, read as it streams.
  const rssBefore = rss.max;
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/sessions?all=true&period=90d&format=csv`, { headers });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = lines - 1;
  result.csv_90d = {
    status: res.status,
    rows,
    mb: round(bytes / 1048576),
    seconds: round(seconds, 2),
    rows_per_s: Math.round(rows / seconds),
    api_rss_max_mb_before: round(rssBefore),
    api_rss_max_mb_after: round(rss.max),
  };
  log(
    `  sessions-90d-csv     ${rows} rows (${result.csv_90d.mb} MB) in ${result.csv_90d.seconds} s: ${result.csv_90d.rows_per_s} rows/s; API max RSS ${result.csv_90d.api_rss_max_mb_before} → ${result.csv_90d.api_rss_max_mb_after} MB`,
  );
  result.targets = {
    page_30d_p95_le_50ms: result.pages.slice(0, 2).every((row) => row.clean && row.p95_ms <= 50),
    csv_90d_ge_50000_rows_per_s: res.status === 200 && result.csv_90d.rows_per_s >= 50_000,
  };
  return result;
}
