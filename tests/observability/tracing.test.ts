/**
 * Traces as an operator's collector receives them: an in-process OTLP/HTTP collector gets, for a
 * saved operation sent with a W3C traceparent, one request span continuing the caller's trace, with
 * parse, validate and execute as its children and a span per Cypher statement under execute, named
 * after the statement and carrying no parameters.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** A minimal OTLP/HTTP JSON collector on loopback that keeps every span it receives. */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const doc = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/traces`, spans, close: () => new Promise((r) => server.close(() => r())) };
}

const attr = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value;

describe('OpenTelemetry traces', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let server: TestServer;
  beforeAll(async () => {
    collector = await startCollector();
    server = await startTestServer({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.url });
  });
  afterAll(async () => {
    await server?.stop();
    await collector?.close();
  });

  it('exports the span tree of a saved operation, continuing the caller’s trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const query = readFileSync(new URL('../../operations/who-chairs-firearms.graphql', import.meta.url), 'utf8');
    const res = await server.gql(query, {}, { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(res.body.errors).toBeUndefined();
    // Stopping the app flushes the batch of spans to the collector.
    await server.stop();

    const mine = collector.spans.filter((s) => s.traceId === traceId);
    const request = mine.find((s) => s.name === 'graphql.request WhoChairsTheFirearmsMeeting');
    expect(request, mine.map((s) => s.name).join(', ')).toBeDefined();
    expect(request!.parentSpanId).toBe(callerSpan);
    expect(attr(request!, 'graphql.operation.name')?.stringValue).toBe('WhoChairsTheFirearmsMeeting');
    expect(attr(request!, 'graphql.document.hash')?.stringValue).toMatch(/^[0-9a-f]{64}$/);

    const children = mine.filter((s) => s.parentSpanId === request!.spanId).map((s) => s.name);
    expect(children).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate', 'graphql.execute']));
    const execute = mine.find((s) => s.name === 'graphql.execute')!;
    const cypher = mine.filter((s) => s.name.startsWith('cypher '));
    expect(cypher.length).toBeGreaterThan(0);
    for (const span of cypher) {
      expect(span.parentSpanId).toBe(execute.spanId);
      const name = attr(span, 'db.operation.name')?.stringValue ?? '';
      expect(span.name).toBe(`cypher ${name}`);
      expect(name).toMatch(/^[\w/.:-]+$/);
      expect(attr(span, 'db.system')?.stringValue).toBe('neo4j');
      // Statement text and parameters never leave the process.
      expect(JSON.stringify(span)).not.toContain('firearms-promotion');
    }
  });
});
