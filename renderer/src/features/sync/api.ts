import type { z } from 'zod';
import {
  PROTOCOL_VERSION,
  type EnrolRequest,
  type EnrolResponse,
  type PackageKeyResponse,
  type SubmissionReceipt,
  type SubmissionRequest,
  type SyncRequest,
  type SyncResponse,
} from '../../../../shared/sync/protocol';
import {
  enrolResponseSchema,
  errorBodySchema,
  handoverRevokeResponseSchema,
  packageKeyResponseSchema,
  submissionReceiptSchema,
  syncResponseSchema,
} from '../../../../shared/sync/schemas';
import { requestBody } from './request-body';

/**
 * A failed request, told in Chinese; `offline` when the server could not be reached at all.
 * `status` and `code` are the server's answer (0 and '' when there was none).
 */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly offline = false,
    readonly status = 0,
    readonly code = '',
  ) {
    super(message);
  }
}

async function call<T>(
  serverUrl: string,
  path: string,
  init: { method: string; body?: unknown; token?: string },
  schema: z.ZodType<T>,
): Promise<T> {
  const body = init.body !== undefined ? await requestBody(init.body) : undefined;
  let response: Response;
  try {
    response = await fetch(`${serverUrl}${path}`, {
      method: init.method,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body,
    });
  } catch {
    throw new SyncError(`无法连接服务器 ${serverUrl}，请检查网络或服务器地址`, true);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncError(`服务器返回了无法识别的内容（HTTP ${response.status}），请确认服务器地址`, false, response.status);
  }
  if (!response.ok) {
    const err = errorBodySchema.safeParse(json);
    throw new SyncError(
      err.success ? err.data.error : `服务器拒绝了请求（HTTP ${response.status}）`,
      false,
      response.status,
      err.success ? err.data.code : '',
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('服务器的回答格式不符，可能版本不一致，请升级软件', false, response.status);
  return parsed.data;
}

export function enrol(serverUrl: string, body: Omit<EnrolRequest, 'v'>): Promise<EnrolResponse> {
  return call(serverUrl, '/api/v1/enrol', { method: 'POST', body: { v: PROTOCOL_VERSION, ...body } }, enrolResponseSchema);
}

export function packageKey(serverUrl: string, token: string): Promise<PackageKeyResponse> {
  return call(serverUrl, '/api/v1/package-key', { method: 'POST', token }, packageKeyResponseSchema);
}

export function syncRound(serverUrl: string, token: string, body: Omit<SyncRequest, 'v'>): Promise<SyncResponse> {
  return call(
    serverUrl,
    '/api/v1/sync',
    { method: 'POST', token, body: { v: PROTOCOL_VERSION, ...body } },
    syncResponseSchema,
  ) as Promise<SyncResponse>;
}

export function submit(serverUrl: string, token: string, body: Omit<SubmissionRequest, 'v'>): Promise<SubmissionReceipt> {
  return call(
    serverUrl,
    '/api/v1/submissions',
    { method: 'POST', token, body: { v: PROTOCOL_VERSION, ...body } },
    submissionReceiptSchema,
  ) as Promise<SubmissionReceipt>;
}

/** 换届交接: this (incoming) device asks the server to revoke the outgoing one; the answer names what was revoked. */
export function revokeHandedOver(
  serverUrl: string,
  token: string,
  body: { deviceId: string; handoverId: string },
): Promise<{ revoked: string[] }> {
  return call(
    serverUrl,
    '/api/v1/handover/revoke',
    { method: 'POST', token, body: { v: PROTOCOL_VERSION, ...body } },
    handoverRevokeResponseSchema,
  );
}

/** A notice's attachment, fetched when the user opens it (sync answers never carry the bytes). */
export async function noticeAttachment(serverUrl: string, token: string, noticeId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/v1/notices/${encodeURIComponent(noticeId)}/attachment`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new SyncError(`无法连接服务器 ${serverUrl}，请检查网络或服务器地址`, true);
  }
  if (!response.ok) {
    const err = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new SyncError(err.success ? err.data.error : `下载附件失败（HTTP ${response.status}）`, false, response.status);
  }
  return response.blob();
}
