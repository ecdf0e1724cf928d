/**
 * While the server drains (SIGTERM): requests already running finish, a request that still arrives
 * (on a kept-alive connection, or before the listener has closed) gets 503 with `Connection: close`,
 * so clients and load balancers go elsewhere; /ready says 503 too.
 */
import type { RequestHandler } from 'express';

export interface Draining {
  middleware: RequestHandler;
  start(): void;
  readonly active: boolean;
}

export function createDraining(): Draining {
  let active = false;
  return {
    get active() {
      return active;
    },
    start() {
      active = true;
    },
    middleware: (_req, res, next) => {
      if (!active) return next();
      res.setHeader('Connection', 'close');
      res.status(503).json({
        errors: [{ message: 'The server is shutting down; retry shortly.', extensions: { code: 'SHUTTING_DOWN' } }],
      });
    },
  };
}
