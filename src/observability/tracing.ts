/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured: one span per GraphQL request
 * (operation name, document hash), children for parse, validate and execute, and one span per Cypher
 * statement (its name, never its parameters). A caller's W3C `traceparent` makes the request span
 * part of the caller's trace. The provider is this app's own (not the global one), so tests can run
 * several apps, and spans are exported in batches over OTLP/HTTP (JSON).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Instrumentation } from '../neo4j/instrumentation.js';
import type { ObservedContext } from './observed.js';

export interface TracingSettings {
  /** Where spans go: the OTLP/HTTP traces URL (`http://collector:4318/v1/traces`). */
  url: string;
  serviceName: string;
}

export interface Tracing {
  plugin: ApolloServerPlugin<ObservedContext>;
  instrumentation: Instrumentation;
  /** Sends what is buffered and stops (on shutdown). */
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

function ended(span: Span, error?: unknown): void {
  if (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

/** Parse, validate and execute as children of the request span, which itself continues the caller's trace. */
function tracingPlugin(tracer: Tracer): ApolloServerPlugin<ObservedContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const carrier: Record<string, string> = {};
      for (const [name, value] of request.http?.headers ?? []) carrier[name] = value;
      const parent = propagator.extract(ROOT_CONTEXT, carrier, {
        get: (c, key) => c[key],
        keys: (c) => Object.keys(c),
      });
      const span = tracer.startSpan('graphql.request', { kind: SpanKind.SERVER, attributes: { 'graphql.operation.name': request.operationName ?? '' } }, parent);
      const ctx: Context = trace.setSpan(parent, span);
      if (contextValue.query.observed) contextValue.query.observed.traceParent = ctx;
      const child = (name: string): Span => tracer.startSpan(name, {}, ctx);
      return {
        async didResolveSource({ queryHash }) {
          span.setAttribute('graphql.document.hash', queryHash);
        },
        async parsingDidStart() {
          const s = child('graphql.parse');
          return async (error) => ended(s, error);
        },
        async validationDidStart() {
          const s = child('graphql.validate');
          return async (errors) => ended(s, errors?.[0]);
        },
        async didResolveOperation({ operationName, operation }) {
          span.setAttribute('graphql.operation.name', operationName ?? '');
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
          span.updateName(`graphql.request ${operationName ?? 'anonymous'}`);
        },
        async executionDidStart() {
          const s = child('graphql.execute');
          // Cypher statements run while executing: their spans are the execute span's children.
          if (contextValue.query.observed) contextValue.query.observed.traceParent = trace.setSpan(ctx, s);
          return {
            async executionDidEnd(error) {
              ended(s, error);
            },
          };
        },
        async willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const first = (errors ?? body?.errors ?? [])[0];
          if (first) span.setStatus({ code: SpanStatusCode.ERROR, message: first.message });
          span.setAttribute('neo4j.round_trips', contextValue.query.roundTrips ?? 0);
          span.end();
        },
      };
    },
  };
}

export function createTracing(settings: TracingSettings): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.url }), { scheduledDelayMillis: 500 })],
  });
  const tracer = provider.getTracer('border-graph-api');
  const instrumentation: Instrumentation = {
    async statement(name, parent, work) {
      const span = tracer.startSpan(
        `cypher ${name}`,
        { kind: SpanKind.CLIENT, attributes: { 'db.system': 'neo4j', 'db.operation.name': name } },
        (parent as Context | undefined) ?? otelContext.active(),
      );
      try {
        const result = await work();
        span.end();
        return result;
      } catch (error) {
        ended(span, error);
        throw error;
      }
    },
  };
  return { plugin: tracingPlugin(tracer), instrumentation, shutdown: () => provider.shutdown() };
}
