/** One structured logger (pino); components take a child with `logger.child({ component })`. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'border-graph-api' },
    redact: {
      paths: ['password', '*.password', 'neo4j.password', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
