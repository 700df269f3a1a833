import type { AdminNotice, AdminOverviewPage, AuditEntry, DeviceListing, UnionPageQuery } from '../../../shared/sync/admin';

/** The admin API from the dashboard: same origin, a session token kept for this browser tab only. */
const TOKEN_KEY = 'unionbooks.admin';

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = savedToken();
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(json.error ?? `请求失败（HTTP ${response.status}）`, response.status);
  return json as T;
}

/** Without a name: the root organisation's first admin. */
export async function login(password: string, name?: string): Promise<void> {
  const { token } = await request<{ token: string }>('POST', '/api/admin/login', name ? { name, password } : { password });
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Ends the session on the server too, so the token is worthless even if it was copied. */
export async function logout(): Promise<void> {
  try {
    if (savedToken()) await request('POST', '/api/admin/logout', {});
  } finally {
    forgetToken();
  }
}

/** The organisations' totals and one page of the unions (the server filters, sorts and counts). */
export const fetchOverview = (year: number, page: UnionPageQuery = {}) => {
  const query = new URLSearchParams({ year: String(year) });
  for (const [key, value] of Object.entries(page)) if (value !== undefined && value !== '') query.set(key, String(value));
  return request<AdminOverviewPage>('GET', `/api/admin/overview?${query.toString()}`);
};
export const createUnion = (code: string, name: string) => request<{ enrolmentCode: string }>('POST', '/api/admin/unions', { code, name });
export const newCode = (unionId: string) => request<{ enrolmentCode: string }>('POST', `/api/admin/unions/${unionId}/codes`, {});
export const fetchAudit = () => request<AuditEntry[]>('GET', '/api/admin/audit');
export const fetchDevices = (unionId: string) => request<DeviceListing[]>('GET', `/api/admin/unions/${unionId}/devices`);
export const revokeDevice = (unionId: string, deviceRowId: string) =>
  request<DeviceListing[]>('POST', `/api/admin/unions/${unionId}/devices/${encodeURIComponent(deviceRowId)}/revoke`, {});
export const returnReport = (submissionId: string, reason: string) =>
  request('POST', `/api/admin/submissions/${submissionId}/return`, { reason });
export const acceptReport = (submissionId: string) => request('POST', `/api/admin/submissions/${submissionId}/accept`, {});
export const changePassword = (current: string, password: string) => request('POST', '/api/admin/password', { current, password });
export const publishNotice = (notice: {
  title: string;
  body: string;
  org?: string;
  attachment?: { name: string; mimeType: string; base64: string };
}) => request<AdminNotice>('POST', '/api/admin/notices', notice);
export const publishItem = (item: { kind: 'preset' | 'template'; name: string; payload: Record<string, unknown> }) =>
  request('POST', '/api/admin/published', item);

export interface PackageImport {
  unionCode: string;
  seq: number;
  applied: number;
  duplicates: number;
  submission: { year: number; receiptNumber: string; status: string } | null;
  submissionMessage: string;
  replyName: string;
  reply: string;
}

export interface EnrolmentFileAnswer {
  fileName: string;
  /** The file's bytes, base64. */
  file: string;
  passcode: string;
}

export const issueEnrolmentFile = (unionId: string) =>
  request<EnrolmentFileAnswer>('POST', `/api/admin/unions/${unionId}/enrolment-file`, {});

/** Uploads an offline union's package as its bytes; the answer holds the reply to hand back. */
export async function importPackage(unionId: string, bytes: ArrayBuffer): Promise<PackageImport> {
  const response = await fetch(`/api/admin/unions/${unionId}/packages`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${savedToken() ?? ''}` },
    body: bytes,
  });
  const json = (await response.json().catch(() => ({}))) as PackageImport & { error?: string };
  if (!response.ok) throw new ApiError(json.error ?? `导入失败（HTTP ${response.status}）`, response.status);
  return json;
}

/** Offers bytes the page already holds as a download. */
export function saveBytes(bytes: Uint8Array<ArrayBuffer>, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads need the token too, so they go through fetch and a blob link rather than a plain href. */
async function download(path: string, name: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${savedToken() ?? ''}` } });
  if (!response.ok) {
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(json.error ?? '下载失败', response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadDocument = (submissionId: string, index: number, name: string) =>
  download(`/api/admin/submissions/${submissionId}/documents/${index}`, name);

/** The 统计年报 of the admin's subtree for 年报 `year` (statistics year 10-01 to 09-30 unless a period is given). */
export const downloadAnnualStats = (year: number, period: { from?: string; to?: string } = {}) => {
  const query = new URLSearchParams({
    year: String(year),
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
  });
  return download(`/api/admin/annual-stats?${query.toString()}`, `统计年报-${year}.xlsx`);
};

/** The year's submitted documents of the admin's subtree, one folder per union, as one zip. */
export const downloadSubmittedDocuments = (year: number) => download(`/api/admin/documents?year=${year}`, `报送文件-${year}.zip`);
