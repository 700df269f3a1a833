/**
 * The server address as people type it. Tokens, enrolment codes and ID numbers travel to it, so an
 * address without a scheme means https; plain http is only quiet on this computer's own loopback,
 * where nothing crosses a network.
 */

/** localhost, 127.0.0.0/8 and ::1, as `URL.hostname` spells them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Accepts a host with or without scheme and trailing slash; without a scheme it is https (http on loopback). */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') throw new Error('服务器地址应以 https:// 或 http:// 开头');
  let url: URL;
  try {
    url = new URL(scheme ? trimmed : `https://${trimmed}`);
  } catch {
    throw new Error(`服务器地址“${input.trim()}”格式不正确，例如 https://sync.example.org 或 192.168.1.10:8787`);
  }
  if (!url.hostname) throw new Error('请填写服务器地址');
  if (!scheme && isLoopbackHost(url.hostname)) url.protocol = 'http:';
  return url.origin;
}

/** True when the address sends everything unencrypted across a network. */
export function isInsecureAddress(serverUrl: string): boolean {
  const url = new URL(serverUrl);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** What the enrolment form tells the user about a typed address: where it connects, and whether that is in the clear. */
export function describeAddress(input: string): { url: string; insecure: boolean } | null {
  if (!input.trim()) return null;
  try {
    const url = normaliseServerUrl(input);
    return { url, insecure: isInsecureAddress(url) };
  } catch {
    return null;
  }
}
