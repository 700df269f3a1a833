import type { TableName } from '../model/book';

/**
 * The wire protocol between a grassroots union's app and the upper union's server. Every request
 * and response carries `v`; a server refuses a version it does not speak rather than guess.
 * Shapes are checked at runtime by the zod schemas in schemas.ts, which must match these types.
 */
export const PROTOCOL_VERSION = 1;

/** A change as it travels: the outbox entry without its local `synced` flag, values wire-encoded (see wire.ts). */
export interface WireChange {
  changeId: string;
  table: TableName;
  rowId: string;
  hlc: string;
  fields: Record<string, unknown>;
}

/** A row as the server holds it after merging: its data and, per field, the clock of the winning write. */
export interface RemoteRow {
  table: TableName;
  rowId: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  seq: number;
}

export interface EnrolRequest {
  v: number;
  unionCode: string;
  enrolmentCode: string;
  deviceId: string;
  deviceName: string;
}

export interface EnrolResponse {
  v: number;
  token: string;
  unionCode: string;
  unionName: string;
  /**
   * The device's enrolment id and package key, so it can switch to offline packages when its
   * network goes (docs/offline-packages.md). Absent from servers older than package keys.
   */
  enrolmentId?: string;
  packageKey?: string;
}

/** `POST /api/v1/package-key`: the package key of the device the token belongs to (one enrolled before keys came with enrolment). */
export interface PackageKeyResponse {
  v: number;
  enrolmentId: string;
  packageKey: string;
}

/** One round trip: push a batch of changes, and pull one page of rows changed since `cursor`. */
export interface SyncRequest {
  v: number;
  changes: WireChange[];
  cursor: number;
  /**
   * Rows to pull at most. 0 = push only: nothing is pulled and the cursor stays, the answer carries
   * just the rows where a pushed field lost and the range the push wrote (`pushed`). A first sync
   * sends its batches this way, two at a time, so that the server never waits for the next one.
   */
  pullLimit?: number;
  /**
   * The ids of the notices this device holds. When given, the answer carries `noticeChanges` (what
   * the device lacks, a bounded number at a time, and which of these no longer reach it) instead of
   * every notice in `notices`; an app that sends nothing gets the whole list, as before. A push-only
   * round (pullLimit 0) then carries no notices at all.
   */
  notices?: string[];
}

export interface PublishedItem {
  id: string;
  kind: 'preset' | 'template';
  name: string;
  /** For a preset: { presetId, note }; for a template: { kind, source }. */
  payload: Record<string, unknown>;
  publishedAt: string;
}

/** A notice's attachment travels once per download, never in sync answers; this bounds what the server keeps of each. */
export const NOTICE_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

/** Notices one sync answer carries at most; a device lacking more gets them in the next rounds of the same sync. */
export const NOTICES_PER_ANSWER = 20;
/** Notice ids a sync request may list: far more than a union receives in years. */
export const NOTICES_KNOWN_MAX = 10_000;

/** A notice (通知) an upper union sent to the unions of an organisation's subtree. */
export interface Notice {
  id: string;
  title: string;
  body: string;
  /** The organisation that sent it. */
  from: string;
  publishedAt: string;
  /** Fetched on demand from /api/v1/notices/:id/attachment, so that sync answers stay small. */
  attachment: { name: string; mimeType: string; size: number } | null;
}

export interface SyncResponse {
  v: number;
  /** Every change id of the request, whether applied now or already applied before (a retry). */
  acked: string[];
  rows: RemoteRow[];
  cursor: number;
  /** More rows wait beyond this page. */
  more: boolean;
  /**
   * The sequence numbers this push's rows took, first to last (`to` < `from` when it changed
   * nothing). A device whose cursor stood at `from - 1` holds all of them, less `rows`, and can
   * move its cursor to `to`: ranges that join up mean nobody else wrote in between.
   */
  pushed?: { from: number; to: number };
  published: PublishedItem[];
  /**
   * Every notice that reaches the union, to an app that did not say which it holds. Absent from
   * servers older than notices; a separate list, so apps older than notices ignore it.
   */
  notices?: Notice[];
  /** To an app that listed the notices it holds (SyncRequest.notices): only what changed for it. */
  noticeChanges?: NoticeChanges;
  serverTime: string;
}

export interface NoticeChanges {
  /** Notices the device lacks, newest first, at most NOTICES_PER_ANSWER. */
  added: Notice[];
  /** Ids the device listed that no longer reach its union. */
  gone: string[];
  /** More notices are lacking beyond `added`: the next round brings them. */
  more: boolean;
}

export interface SubmissionDocument {
  name: string;
  mimeType: string;
  /** File bytes, base64. */
  base64: string;
}

export interface SubmissionRequest {
  v: number;
  year: number;
  /** Id of the union's `submissions` record for the year, so the server's status updates land on the same row. */
  recordId: string;
  facts: Record<string, unknown>;
  documents: SubmissionDocument[];
}

export type SubmissionStatus = 'submitted' | 'returned' | 'accepted';

export interface SubmissionReceipt {
  v: number;
  year: number;
  receiptNumber: string;
  submittedAt: string;
  status: SubmissionStatus;
  returnReason: string;
  /** The `submissions` row as the server now holds it; the app applies it like a pulled row. */
  row: RemoteRow;
}

/** Error body of every refused request: a Chinese message a person can act on. */
export interface ErrorBody {
  error: string;
  code: string;
}

/** Limits the server enforces and the client respects when it cuts batches. */
export const LIMITS = {
  /** Large, so a first sync of a big book takes few round trips; the client's byte cap still bounds the body. */
  maxChangesPerPush: 5000,
  maxPullLimit: 2000,
  defaultPullLimit: 1000,
  /** Row text in one pulled page; a single larger row still goes, alone. */
  pullPageBytes: 8 * 1024 * 1024,
  syncBodyBytes: 16 * 1024 * 1024,
  submissionBodyBytes: 32 * 1024 * 1024,
  maxFieldsPerChange: 64,
} as const;
