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
  app.addHook('onRequest', async (request, reply) => {
    const page = request.url === '/' || request.url.startsWith('/dashboard');
    reply.header('content-security-policy', page ? DASHBOARD_CSP : API_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-request-id', request.id);
  });
}
