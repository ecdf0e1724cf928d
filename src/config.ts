/**
 * The one place that reads the environment. Every setting is parsed and checked here, once; a bad
 * value stops the process with the list of everything that is wrong (see `loadConfig`).
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** 0 asks the system for any free port (tests); the services' own ports must be real ones. */
const anyPort = z.coerce.number().int().min(0).max(65535);
const port = anyPort.min(1);
const positiveMs = z.coerce.number().int().min(1);

/**
 * Where analyst Cypher runs (docs/analytics.md): its own local Neo4j (the default without NEO4J_URI), the
 * user's ANALYST_NEO4J_URI, the public database only when explicitly allowed, or nowhere (refused).
 */
function analystDatabase(env: {
  NEO4J_URI?: string | undefined;
  NEO4J_USERNAME: string;
  NEO4J_PASSWORD: string;
  NEO4J_DATABASE: string;
  ANALYST_NEO4J_URI?: string | undefined;
  ANALYST_NEO4J_USERNAME?: string | undefined;
  ANALYST_NEO4J_PASSWORD?: string | undefined;
  ANALYST_NEO4J_DATABASE?: string | undefined;
  ANALYST_NEO4J_COPY: boolean;
  ANALYST_CYPHER_ON_PUBLIC_DATABASE: boolean;
  LOCAL_ANALYST_NEO4J_PORT: number;
  LOCAL_ANALYST_NEO4J_DATA_DIR: string;
  LOCAL_ANALYST_NEO4J_HEAP_MB: number;
  ANALYST_WATCHDOG_GRACE_MS: number;
}) {
  if (env.ANALYST_NEO4J_URI) {
    return {
      kind: 'own' as const,
      uri: env.ANALYST_NEO4J_URI,
      username: env.ANALYST_NEO4J_USERNAME ?? env.NEO4J_USERNAME,
      password: env.ANALYST_NEO4J_PASSWORD ?? env.NEO4J_PASSWORD,
      database: env.ANALYST_NEO4J_DATABASE ?? env.NEO4J_DATABASE,
      copy: env.ANALYST_NEO4J_COPY,
    };
  }
  if (!env.NEO4J_URI) {
    return {
      kind: 'local' as const,
      port: env.LOCAL_ANALYST_NEO4J_PORT,
      dataDir: env.LOCAL_ANALYST_NEO4J_DATA_DIR,
      heapMb: env.LOCAL_ANALYST_NEO4J_HEAP_MB,
      graceMs: env.ANALYST_WATCHDOG_GRACE_MS,
    };
  }
  return env.ANALYST_CYPHER_ON_PUBLIC_DATABASE ? { kind: 'public' as const } : { kind: 'refused' as const };
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: anyPort.default(4000),
    /** API worker processes sharing the port (node:cluster); 1 = the API runs in the `npm start` process. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
      .optional(),
    NEO4J_USERNAME: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),

    LOCAL_NEO4J_PORT: port.default(7687),
    LOCAL_NEO4J_DATA_DIR: z.string().min(1).default('.neo4j/data'),
    LOCAL_NEO4J_START_TIMEOUT_MS: positiveMs.default(180_000),

    SEED_ON_START: bool.default(true),
    SEED_DIR: z.string().min(1).default('seeds/japan-customs-2016'),
    /** false: /ready says 200 without first running every saved operation and export (a faster start, cold plans). */
    WARM_UP: bool.default(true),

    QUERY_TIMEOUT_MS: positiveMs.default(10_000),
    INTROSPECTION: bool.optional(),
    CORS_ORIGINS: z.string().default('*'),
    /** Unset: analyst Cypher (the `cypher` query) is off. */
    ANALYST_CYPHER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    ANALYST_CYPHER_TIMEOUT_MS: positiveMs.default(5_000),
    ANALYST_CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
    /** Where analyst Cypher runs when NEO4J_URI is set: a read replica, or a second Neo4j (docs/analytics.md). */
    ANALYST_NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
      .optional(),
    ANALYST_NEO4J_USERNAME: z.string().optional(),
    ANALYST_NEO4J_PASSWORD: z.string().optional(),
    ANALYST_NEO4J_DATABASE: z.string().min(1).optional(),
    /** The API copies every load of the public database into ANALYST_NEO4J_URI (a second standalone Neo4j). */
    ANALYST_NEO4J_COPY: bool.default(false),
    /** With NEO4J_URI and no ANALYST_NEO4J_URI: run analyst Cypher on the public database anyway (not isolated). */
    ANALYST_CYPHER_ON_PUBLIC_DATABASE: bool.default(false),
    /** The analyst's own local Neo4j (started when ANALYST_CYPHER_TOKEN is set and NEO4J_URI is not). */
    LOCAL_ANALYST_NEO4J_PORT: port.default(7689),
    LOCAL_ANALYST_NEO4J_DATA_DIR: z.string().min(1).default('.neo4j/analyst-data'),
    LOCAL_ANALYST_NEO4J_HEAP_MB: z.coerce.number().int().min(256).max(65_536).default(512),
    /** The watchdog restarts the analyst's local Neo4j when a statement runs this long past its timeout. */
    ANALYST_WATCHDOG_GRACE_MS: positiveMs.default(2_000),
    /** off | allow | require: see src/http/trusted-documents.ts. Default: off, but allow in production. */
    TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'require']).optional(),
    TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).default('src/generated/client/persisted-documents.json'),
    /** A folder of client apps' manifests, `<app>.json` each, re-read while running. */
    TRUSTED_DOCUMENTS_DIR: z.string().min(1).default('trusted-documents'),

    MAX_DEPTH: z.coerce.number().int().min(1).default(12),
    MAX_COST: z.coerce.number().int().min(1).default(25_000),
    MAX_ALIASES: z.coerce.number().int().min(0).default(30),
    MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
    MAX_TOKENS: z.coerce.number().int().min(1).default(5_000),
    /** Operations in one batched HTTP request; 0 turns batching off. */
    MAX_BATCH: z.coerce.number().int().min(0).default(10),
    /** Largest accepted request body, in bytes or with a unit (`100kb`, `1mb`). */
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 102400, 100kb or 1mb').default('100kb'),
    REQUEST_TIMEOUT_MS: positiveMs.default(15_000),

    /** Prometheus metrics at /metrics (docs/operations.md). */
    METRICS: bool.default(true),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Serve /metrics on this port only (not on the public one). */
    METRICS_PORT: port.optional(),
    /** Serve /metrics to anyone on the API's port (no token, no port of its own); refused in production. */
    METRICS_OPEN: bool.default(false),
    /** OpenTelemetry: traces go to this OTLP/HTTP endpoint (`http://collector:4318`); unset = off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    /** The full traces URL, overriding `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('border-graph-api'),
    /** Operations slower than this are logged once with their details; 0 = off. */
    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(1_000),
    /** Comma-separated variable names (substrings) whose values the slow-query log never prints. */
    SLOW_QUERY_REDACT: z.string().default('password,passwd,pwd,secret,token,auth,apikey,api_key,credential,cookie,session,private'),
    /** on | off: ETags and Cache-Control on GET queries (src/http/http-cache.ts). */
    HTTP_CACHE: z.enum(['on', 'off']).default('on'),
    HTTP_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60),
    HTTP_CACHE_REFRESH_MS: positiveMs.default(2_000),
    /** What one response may hold, counted while it runs (src/graphql/result-budget.ts). */
    MAX_RESULT_ITEMS: z.coerce.number().int().min(1).default(10_000),
    MAX_RESULT_BYTES: z.coerce.number().int().min(1).default(5_000_000),
    /** compiled: one Cypher statement per root field (src/compiler/); resolvers: field by field. */
    EXECUTION: z.enum(['compiled', 'resolvers']).default('compiled'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.METRICS && env.METRICS_OPEN && !env.METRICS_TOKEN && env.METRICS_PORT === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_OPEN'],
        message: 'production does not serve /metrics to anyone: set METRICS_TOKEN or METRICS_PORT instead of METRICS_OPEN=true (or METRICS=false)',
      });
    }
  })
  .refine((env) => !env.ANALYST_NEO4J_URI || env.ANALYST_NEO4J_URI !== env.NEO4J_URI || (env.ANALYST_NEO4J_DATABASE ?? env.NEO4J_DATABASE) !== env.NEO4J_DATABASE, {
    message: 'names the public database (NEO4J_URI and NEO4J_DATABASE): analyst Cypher must run elsewhere (a read replica or a second database); ANALYST_CYPHER_ON_PUBLIC_DATABASE=true, without ANALYST_NEO4J_URI, runs it on the public database',
    path: ['ANALYST_NEO4J_URI'],
  })
  // Only with a token does the analyst Neo4j start (src/lifecycle/analyst-database.ts): without one, its port is free to use.
  .refine((env) => env.NEO4J_URI || !env.ANALYST_CYPHER_TOKEN || env.LOCAL_ANALYST_NEO4J_PORT !== env.LOCAL_NEO4J_PORT, {
    message: 'must differ from LOCAL_NEO4J_PORT (the analyst Neo4j is a process of its own)',
    path: ['LOCAL_ANALYST_NEO4J_PORT'],
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      workers: env.WEB_CONCURRENCY,
      corsOrigins: env.CORS_ORIGINS === '*' ? '*' : env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    },
    logLevel: env.LOG_LEVEL,
    execution: env.EXECUTION,
    neo4j: {
      /** Unset: the project starts its own local Neo4j (the embedded default). */
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    },
    localNeo4j: {
      port: env.LOCAL_NEO4J_PORT,
      dataDir: env.LOCAL_NEO4J_DATA_DIR,
      startTimeoutMs: env.LOCAL_NEO4J_START_TIMEOUT_MS,
    },
    seed: { onStart: env.SEED_ON_START, dir: env.SEED_DIR },
    warmUp: env.WARM_UP,
    graphql: {
      introspection: env.INTROSPECTION ?? env.NODE_ENV !== 'production',
    },
    analyst: {
      token: env.ANALYST_CYPHER_TOKEN,
      timeoutMs: env.ANALYST_CYPHER_TIMEOUT_MS,
      maxRows: env.ANALYST_CYPHER_MAX_ROWS,
      database: analystDatabase(env),
    },
    trustedDocuments: {
      mode: env.TRUSTED_DOCUMENTS ?? (env.NODE_ENV === 'production' ? 'allow' : 'off'),
      manifest: env.TRUSTED_DOCUMENTS_MANIFEST,
      dir: env.TRUSTED_DOCUMENTS_DIR,
    },
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxCost: env.MAX_COST,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
      maxBatch: env.MAX_BATCH,
      bodyLimit: env.BODY_LIMIT,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      maxResultItems: env.MAX_RESULT_ITEMS,
      maxResultBytes: env.MAX_RESULT_BYTES,
    },
    observability: {
      metrics: { enabled: env.METRICS, token: env.METRICS_TOKEN, port: env.METRICS_PORT, open: env.METRICS_OPEN },
      tracing:
        env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT
          ? {
              url: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/$/, '')}/v1/traces`,
              serviceName: env.OTEL_SERVICE_NAME,
            }
          : undefined,
      slowQuery: {
        thresholdMs: env.SLOW_QUERY_MS,
        redact: env.SLOW_QUERY_REDACT.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
      },
    },
    httpCache: { enabled: env.HTTP_CACHE === 'on', maxAgeSeconds: env.HTTP_CACHE_MAX_AGE, refreshMs: env.HTTP_CACHE_REFRESH_MS },
  }));

export type Config = z.output<typeof schema>;
export type AnalystDatabaseConfig = Config['analyst']['database'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the given environment (the process's by default); throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return parsed.data;
}

/** For the command-line entry points: the configuration, or every problem on stderr and exit code 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
