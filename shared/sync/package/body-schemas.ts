import { z } from 'zod';
import { NOTICE_ATTACHMENT_MAX_BYTES } from '../protocol';
import {
  noticeSchema,
  publishedItemSchema,
  remoteRowSchema,
  submissionReceiptSchema,
  submissionRequestSchema,
  versionSchema,
  wireChangeSchema,
} from '../schemas';

/**
 * A package's body once opened. Its changes and submission are held to the same schemas as a network
 * push and a network submission, so a package cannot carry what the sync route would refuse.
 */
export const pushPackageBodySchema = z.object({
  v: versionSchema,
  changes: z.array(wireChangeSchema),
  cursor: z.number().int().min(0),
  submission: submissionRequestSchema.nullable(),
  heldAttachments: z.array(z.string().max(100)).max(10_000).default([]),
});

/** Base64 of at most NOTICE_ATTACHMENT_MAX_BYTES. */
const ATTACHMENT_BASE64_CHARS = Math.ceil(NOTICE_ATTACHMENT_MAX_BYTES / 3) * 4;

export const replyPackageBodySchema = z.object({
  v: versionSchema,
  acked: z.array(z.string()),
  rows: z.array(remoteRowSchema),
  cursor: z.number().int().min(0),
  published: z.array(publishedItemSchema),
  notices: z.array(noticeSchema),
  attachments: z.array(z.object({ noticeId: z.string().min(1), base64: z.string().max(ATTACHMENT_BASE64_CHARS) })).default([]),
  receipt: submissionReceiptSchema.nullable(),
  submissionMessage: z.string(),
  applied: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  serverTime: z.string(),
});

export const enrolmentBodySchema = z.object({
  v: versionSchema,
  unionCode: z.string().min(1),
  unionName: z.string(),
  enrolmentId: z.string().min(1),
  token: z.string().min(16),
  packageKey: z.string().min(40),
});
