/**
 * /metrics as Prometheus scrapes it: after saved operations it reports requests by operation and
 * outcome, latency and round-trip histograms, statements by name, limits hit, the sessions gauge and
 * process metrics; it is served only with a token, on a port of its own or when explicitly opened
 * (METRICS_OPEN, which production refuses), never to anyone by default (issue 27).
 */
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../src/config.js';
import { describe, expect, it } from 'vitest';
import { startTestServer, useTestServer } from '../support/server.js';
import { freePort } from '../../bench/support/free-port.js';

const operation = (file: string) => readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8');

/** The value of one series in Prometheus's text format (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  const server = useTestServer({ METRICS_OPEN: 'true' });

  it('counts saved operations by name and outcome, with latency, round trips and statements', async () => {
    const scrape = async () => (await fetch(`${server.origin}/metrics`)).text();
    const before = sample(await scrape(), 'graphql_requests_total', { operation: 'WhoChairsTheFirearmsMeeting', outcome: 'success' }) ?? 0;
    await server.data(operation('who-chairs-firearms.graphql'));
    await server.data(operation('who-chairs-firearms.graphql'));
    await server.data(operation('meeting-page.graphql'));
    const res = await fetch(`${server.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'graphql_requests_total', { operation: 'WhoChairsTheFirearmsMeeting', outcome: 'success', code: '' })).toBe(before + 2);
    expect(sample(text, 'graphql_requests_total', { operation: 'MeetingPage', outcome: 'success' })).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_count', { operation: 'MeetingPage' })).toBe(1);
    expect(sample(text, 'graphql_request_round_trips_count', { operation: 'WhoChairsTheFirearmsMeeting' })).toBe(before + 2);
    expect(sample(text, 'graphql_request_neo4j_seconds_sum', { operation: 'MeetingPage' })).toBeGreaterThan(0);
    // Statements are named after their files under cypher/, never by their text or parameters.
    const statements = text.split('\n').filter((l) => l.startsWith('neo4j_statements_total{'));
    expect(statements.length).toBeGreaterThan(0);
    for (const line of statements) expect(line).toMatch(/^neo4j_statements_total\{statement="[\w/.:-]+"\} \d+$/);
    expect(sample(text, 'neo4j_sessions_active')).toBe(0);
    expect(sample(text, 'neo4j_pool_max_size')).toBe(100);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('reports errors by code and limits hit by kind', async () => {
    const bad = await server.gql('query BadDate { plans(filter: { adopted: { from: "May 1998" } }) { totalCount } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = await server.gql(`query TooManyAliases { ${aliases} }`);
    expect(refused.body.errors?.[0]?.extensions?.limit).toBe('aliases');
    const text = await (await fetch(`${server.origin}/metrics`)).text();
    expect(sample(text, 'graphql_requests_total', { operation: 'BadDate', outcome: 'error', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(sample(text, 'graphql_limit_rejections_total', { limit: 'aliases' })).toBe(1);
    expect(sample(text, 'graphql_requests_total', { operation: 'TooManyAliases', outcome: 'error', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('keeps client-chosen operation names from growing the series without bound', async () => {
    // An operation name that is not a GraphQL name is sent by the client alone: it is counted as "other".
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Known { __typename }', operationName: 'weird-name"} 1\n' }),
    });
    expect(res.status).toBe(400);
    const text = await (await fetch(`${server.origin}/metrics`)).text();
    expect(text).not.toContain('weird-name');
    expect(sample(text, 'graphql_requests_total', { operation: 'other', outcome: 'error' })).toBe(1);
  });
});

describe('/metrics with a token', () => {
  it('answers 401 without the bearer token and the metrics with it', async () => {
    const token = 'metrics-token-0123456789';
    const server = await startTestServer({ METRICS_TOKEN: token });
    try {
      const refused = await fetch(`${server.origin}/metrics`);
      expect(refused.status).toBe(401);
      const ok = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('graphql_requests_total');
    } finally {
      await server.stop();
    }
  });

  it('is absent when METRICS=false', async () => {
    const server = await startTestServer({ METRICS: 'false' });
    try {
      expect((await fetch(`${server.origin}/metrics`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('/metrics is closed unless opened', () => {
  it('by default (no token, no port of its own) it answers 403 saying how to open it, not the metrics', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.origin}/metrics`);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).not.toContain('graphql_requests_total');
      expect(text).toMatch(/METRICS_TOKEN.*METRICS_PORT.*METRICS_OPEN/);
    } finally {
      await server.stop();
    }
  });

  it('with METRICS_PORT it is served on that port only, not on the API’s', async () => {
    const port = await freePort();
    const server = await startTestServer({ METRICS_PORT: String(port) });
    try {
      expect((await fetch(`${server.origin}/metrics`)).status).toBe(404);
      const own = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('graphql_requests_total');
    } finally {
      await server.stop();
    }
  });

  it('production refuses to start with it open to anyone, and starts with a token or a port', () => {
    const error = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', METRICS_OPEN: 'true' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/METRICS_OPEN.*METRICS_TOKEN or METRICS_PORT/);
    expect(loadConfig({ NODE_ENV: 'production', METRICS_OPEN: 'true', METRICS_TOKEN: 'metrics-token-0123456789' }).observability.metrics.open).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).observability.metrics.open).toBe(false);
  });
});
