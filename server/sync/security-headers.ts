import type { FastifyInstance } from 'fastify';

/**
 * The dashboard runs the upper union's admin session: it may load only its own scripts, talk only
 * to this server and never be framed by another page (clickjacking). antd writes its styles at run
 * time, hence inline styles. Everything else the server sends is data, which no page may run or frame.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function installSecurityHeaders(app: FastifyInstance): void {
  // A plain callback, not an async function: it runs on every request, a sync round included.
  app.addHook('onRequest', (request, reply, done) => {
    const page = request.url === '/' || request.url.startsWith('/dashboard');
    reply.headers({
      'content-security-policy': page ? DASHBOARD_CSP : API_CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-request-id': request.id,
    });
    done();
  });
}
