import { describe, expect, it } from 'vitest';
import { describeAddress, isInsecureAddress, isLoopbackHost, normaliseServerUrl } from '../../../renderer/src/features/sync/address';

describe('the server address a user types', () => {
  it('means https when no scheme is typed', () => {
    expect(normaliseServerUrl('192.168.1.10:8787')).toBe('https://192.168.1.10:8787');
    expect(normaliseServerUrl(' sync.example.org/ ')).toBe('https://sync.example.org');
    expect(normaliseServerUrl('sync.example.org:443')).toBe('https://sync.example.org');
  });

  it('keeps a scheme that is typed, and plain http on this computer’s loopback', () => {
    expect(normaliseServerUrl('http://192.168.1.10:8787/')).toBe('http://192.168.1.10:8787');
    expect(normaliseServerUrl('HTTPS://Sync.Example.org')).toBe('https://sync.example.org');
    expect(normaliseServerUrl('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('localhost:8787')).toBe('http://localhost:8787');
    expect(normaliseServerUrl('[::1]:8787')).toBe('http://[::1]:8787');
    expect(normaliseServerUrl('https://localhost:8787')).toBe('https://localhost:8787');
  });

  it('refuses what is not a server address, in Chinese', () => {
    expect(() => normaliseServerUrl('ftp://files.example.org')).toThrow('服务器地址应以 https:// 或 http:// 开头');
    expect(() => normaliseServerUrl('http://exa mple.org')).toThrow(/服务器地址“http:\/\/exa mple\.org”格式不正确/);
  });

  it('knows loopback from the network', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.8.9.10', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['192.168.1.10', '10.0.0.1', 'sync.example.org', '0.0.0.0', '[::]', '127.example.org', 'localhost.example.org'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('warns about http across a network only', () => {
    expect(isInsecureAddress('http://192.168.1.10:8787')).toBe(true);
    expect(isInsecureAddress('http://sync.example.org')).toBe(true);
    expect(isInsecureAddress('https://192.168.1.10:8787')).toBe(false);
    expect(isInsecureAddress('http://127.0.0.1:8787')).toBe(false);
    expect(isInsecureAddress('http://localhost:8787')).toBe(false);
  });

  it('describes a typed address for the enrolment form as it is typed', () => {
    expect(describeAddress('')).toBeNull();
    expect(describeAddress('http://exa mple')).toBeNull();
    expect(describeAddress('192.168.1.10:8787')).toEqual({ url: 'https://192.168.1.10:8787', insecure: false });
    expect(describeAddress('http://192.168.1.10:8787')).toEqual({ url: 'http://192.168.1.10:8787', insecure: true });
    expect(describeAddress('127.0.0.1:8787')).toEqual({ url: 'http://127.0.0.1:8787', insecure: false });
  });
});
