/**
 * Security headers on every response (helmet): a Content-Security-Policy under which the offline IDE
 * (/graphql, /) and the graph explorer (/explore) work, served from this origin only (scripts, workers,
 * connections), with inline styles allowed (GraphiQL, Monaco and the explorer set styles inline) and no
 * inline or evaluated script; `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no framing, so no
 * clickjacking); `X-Content-Type-Options: nosniff`; no referrer; and the cross-origin isolation
 * headers. Left out: HSTS (the TLS terminator in front of the API decides it) and
 * `upgrade-insecure-requests` (it would break the IDE on plain http://localhost). Resources may be
 * read from other origins (Cross-Origin-Resource-Policy: cross-origin): the API is public, as CORS says.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
