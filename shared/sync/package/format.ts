import type { Notice, PublishedItem, RemoteRow, SubmissionReceipt, SubmissionRequest, WireChange } from '../protocol';

/**
 * Offline transfer between a union's device and the upper union's server (docs/offline-packages.md).
 * Every file is a frame (frame.ts): magic, a plain header naming what it is and for whom, and a body
 * sealed with AES-256-GCM whose additional data is everything before it, so neither can be changed.
 */
export const PACKAGE_FORMAT = 'unionbooks-sync-package';
export const PACKAGE_VERSION = 1;

export type PackageKind = 'push' | 'reply' | 'enrolment';

export const KIND_LABEL: Record<PackageKind, string> = { push: '离线报送包', reply: '回执包', enrolment: '注册文件' };

/** Readable without the key: which union and device the file belongs to, and its number. */
export interface PackageHeader {
  format: typeof PACKAGE_FORMAT;
  version: number;
  kind: PackageKind;
  unionCode: string;
  /** The server's enrolment id of the device (devices.id): the server finds the device's key by it. */
  enrolmentId: string;
  /** Per device, from 1: a reply carries the number of the package it answers. */
  seq: number;
  createdAt: string;
  /** AES-GCM nonce, base64. */
  iv: string;
  /** Enrolment files only: the key comes from a passcode (PBKDF2-SHA-256). */
  kdf?: { salt: string; iterations: number };
}

/** What a device sends: the same changes a network push sends, and a year's report if one is being made. */
export interface PushPackageBody {
  v: number;
  changes: WireChange[];
  /** The device's pull cursor: the reply brings what was written after it. */
  cursor: number;
  submission: SubmissionRequest | null;
  /** Notices whose attachment the device already holds: the reply does not carry those again. Absent from older apps. */
  heldAttachments?: string[];
}

/**
 * A notice's attachment (at most NOTICE_ATTACHMENT_MAX_BYTES), carried in a reply because a device
 * without a network cannot fetch it from the server. It is part of the sealed body, so the reply's tag covers it.
 */
export interface ReplyAttachment {
  noticeId: string;
  base64: string;
}

/** What the server answers: what a sync round answers, plus the receipt of the submission. */
export interface ReplyPackageBody {
  v: number;
  acked: string[];
  rows: RemoteRow[];
  cursor: number;
  published: PublishedItem[];
  /** The notices sent to the union, as a sync answer carries them. */
  notices: Notice[];
  /** Attachments of `notices` the device does not hold yet (none in a reply from an older server). */
  attachments: ReplyAttachment[];
  receipt: SubmissionReceipt | null;
  /** Why the package's submission was not received (already submitted, …), in Chinese; '' when it was or there was none. */
  submissionMessage: string;
  /** Counts for the person importing: changes written now, and changes the server already held. */
  applied: number;
  duplicates: number;
  serverTime: string;
}

/** What an offline enrolment gives a device: the same token a network enrolment does, and the package key. */
export interface EnrolmentBody {
  v: number;
  unionCode: string;
  unionName: string;
  enrolmentId: string;
  token: string;
  /** 32 random bytes, base64: seals this device's packages and their replies. */
  packageKey: string;
}

/** What a device keeps to write and read packages; the CLI keeps the same in its book file. */
export interface PackageCredentials {
  unionCode: string;
  enrolmentId: string;
  packageKey: string;
}
