import { hostname } from 'node:os';
import { todayIso } from '../../../shared/clock/today';
import type { Notice } from '../../../shared/sync/protocol';
import { SYNC_KEYS } from '../../../renderer/src/db/sync-keys';
import { formatFileSize } from '../../../renderer/src/features/attachments/file-size';
import { normaliseServerUrl } from '../../../renderer/src/features/sync/address';
import { enrol, SyncError } from '../../../renderer/src/features/sync/api';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { refusedRecords, type RefusedRecord } from '../../../renderer/src/features/sync/refused-records';
import { dropRefused, retryRefused } from '../../../renderer/src/features/sync/refusals';
import { configFromEnrolment } from '../../../renderer/src/features/sync/state';
import { requireFlag, UsageError, type ParsedArgs } from '../args';
import { readBookSession, writeBookSession } from '../book-session';
import { EXIT, type Command } from '../command';
import type { CliIO } from '../io';
import { syncBookOnce } from '../sync-run';
import { enrolledState, newDeviceId, packagesOnly, waitingCount, type BookSyncState } from '../sync-state';

const USAGE =
  'unionbooks sync --book 账簿.ubk [--server 地址 --union 工会代码 --enrol 注册码] [--retry-refused [编号] | --drop-refused 编号] [--json]';

const reenrolHint = (book: string) =>
  `请向上级工会索取新的注册码，用 unionbooks sync --book ${book} --server 地址 --union 工会代码 --enrol 注册码 重新注册。`;

interface Outcome {
  code: number;
  lines: string[];
  json: Record<string, unknown>;
}

const heldNotices = (sync: BookSyncState): Notice[] => (sync.values[SYNC_KEYS.notices] as Notice[] | undefined) ?? [];

/** Newest first, as the app's 上级通知 lists them; `new`: arrived with this run. */
function noticesOf(before: BookSyncState, after: BookSyncState): (Notice & { new: boolean })[] {
  const had = new Set(heldNotices(before).map((n) => n.id));
  return heldNotices(after)
    .map((n) => ({ ...n, new: !had.has(n.id) }))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
}

/** New notices in full (the command line has no other place to read them), the others counted. */
function describeNotices(notices: readonly (Notice & { new: boolean })[]): string[] {
  const fresh = notices.filter((n) => n.new);
  if (!notices.length) return [];
  const lines = [`上级工会通知共 ${notices.length} 条，本次新收到 ${fresh.length} 条${fresh.length ? '：' : '。'}`];
  for (const n of fresh) {
    const attachment = n.attachment ? `，附件 ${n.attachment.name}（${formatFileSize(n.attachment.size)}）` : '';
    lines.push(`【通知】${n.title}（${n.from}，${todayIso(new Date(n.publishedAt))}${attachment}）`);
    for (const line of n.body.split('\n')) lines.push(`    ${line}`);
  }
  return lines;
}

function describeRefused(r: RefusedRecord): string {
  return `${r.tableLabel}“${r.title}”${r.field ? `（${r.field}）` : ''}：${r.reason}［编号 ${r.rowId}］`;
}

/** What the 同步 page's 重新发送 and 放弃 buttons do, asked for on the command line. */
type RefusedAction = { kind: 'retry'; rowId: string | null } | { kind: 'drop'; rowId: string };

function refusedAction(args: ParsedArgs): RefusedAction | null {
  const retry = args.flags.get('retry-refused');
  const drop = args.flags.get('drop-refused');
  if (retry !== undefined && drop !== undefined) throw new UsageError('--retry-refused 和 --drop-refused 不能同时使用');
  if (retry !== undefined) return { kind: 'retry', rowId: retry === true ? null : retry.trim() };
  if (drop === undefined) return null;
  if (drop === true || !drop.trim())
    throw new UsageError('--drop-refused 须给出被拒收记录的编号（见同步输出中的“编号”，或 --json 的 refusedRecords[].rowId）');
  return { kind: 'drop', rowId: drop.trim() };
}

interface Acted {
  kind: RefusedAction['kind'];
  records: RefusedRecord[];
}

/**
 * Retries or drops refused records with the engine's own functions, on the book loaded for the run.
 * An id that names no refused record is a usage error, raised before anything is sent or written.
 */
async function actOnRefused(db: UnionBooksDB, action: RefusedAction, path: string): Promise<Acted> {
  const all = await refusedRecords(db);
  const records = action.rowId === null ? all : all.filter((r) => r.rowId === action.rowId);
  if (action.rowId !== null && !records.length) {
    const known = all.map((r) => `${r.tableLabel}“${r.title}”（编号 ${r.rowId}）`).join('、');
    throw new UsageError(
      `账簿 ${path} 中没有编号为 ${action.rowId} 的被拒收记录，账簿未做任何更改。` +
        (known ? `被拒收的记录：${known}` : '本账簿没有被服务器拒收的记录。'),
    );
  }
  for (const r of records) await (action.kind === 'retry' ? retryRefused : dropRefused)(db, r.table, r.rowId);
  return { kind: action.kind, records };
}

function describeActed(acted: Acted): string[] {
  if (!acted.records.length) return ['本账簿没有被服务器拒收的记录，照常同步。'];
  return acted.records.map((r) =>
    acted.kind === 'retry'
      ? `已重新发送${r.tableLabel}“${r.title}”被拒收的 ${r.refused} 条更改${r.held ? `（连同其后等待的 ${r.held} 条）` : ''}，按记录现在的内容发送。`
      : `已放弃${r.tableLabel}“${r.title}”被拒收的 ${r.refused} 条更改：本账簿中的记录保持现状，服务器和本工会的其他设备不会收到这次更改。`,
  );
}

const actedJson = (acted: Acted | null) =>
  acted && {
    [acted.kind === 'retry' ? 'retried' : 'dropped']: acted.records.map((r) => ({
      table: r.table,
      rowId: r.rowId,
      title: r.title,
      changes: r.refused,
    })),
  };

/** Trades the one-time code for the device's token; a refusal or an unreachable server leaves the book as it was. */
async function enrolBook(args: ParsedArgs, book: string, before: BookSyncState | null): Promise<BookSyncState | Outcome> {
  const server = requireFlag(args, 'server');
  const unionCode = requireFlag(args, 'union');
  const enrolmentCode = requireFlag(args, 'enrol');
  let serverUrl: string;
  try {
    serverUrl = normaliseServerUrl(server);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const deviceId = before?.deviceId ?? newDeviceId();
  try {
    const res = await enrol(serverUrl, {
      unionCode: unionCode.trim(),
      enrolmentCode: enrolmentCode.trim(),
      deviceId,
      deviceName: `unionbooks 命令行 ${hostname()}`.slice(0, 100),
    });
    return enrolledState(deviceId, configFromEnrolment(serverUrl, res), before);
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    const message = `注册未成功：${error.message}。账簿 ${book} 未做任何更改。`;
    return {
      code: error.offline ? EXIT.offline : EXIT.failure,
      lines: [message],
      json: {
        ok: false,
        enrolled: false,
        pushed: 0,
        pulled: 0,
        refused: 0,
        error: { message: error.message, offline: error.offline, code: error.code },
      },
    };
  }
}

/** A book enrolled by file has no server address: it is told how it does sync, and nothing is changed. */
function packagesOnlyOutcome(path: string, sync: BookSyncState): Outcome {
  const { unionCode, unionName } = sync.credentials;
  const message =
    `账簿 ${path} 是用注册文件注册到 ${unionName}（${unionCode}）的，只能用离线报送包同步，没有服务器地址可以连接；账簿未做任何更改。` +
    `请用 unionbooks sync export-package --book ${path} --out 报送包文件 导出报送包，交上级工会导入后，` +
    `用 unionbooks sync import-package 回执包文件 --book ${path} 导入回执包。`;
  return {
    code: EXIT.failure,
    lines: [message],
    json: {
      ok: false,
      enrolled: false,
      union: { code: unionCode, name: unionName },
      server: '',
      deviceId: sync.deviceId,
      pushed: 0,
      pulled: 0,
      refused: 0,
      pending: waitingCount(sync),
      error: { message, offline: false, code: 'packages-only' },
    },
  };
}

/** What moving a book enrolled by file to network sync means for the packages it sent and the device it was. */
function switchedFromFileNote(sync: BookSyncState): string {
  return (
    '本账簿原用注册文件注册、用离线报送包同步，现改为网络同步：尚未确认的更改和整本账随网络同步发送，' +
    '此前导出的报送包的回执包不能再导入本账簿（其中的内容已由网络同步收到）；原注册文件的设备可请上级工会在设备列表中撤销。' +
    (sync.credentials.packages
      ? '断网时仍可用离线报送包（本次注册已取得新的报送包密钥，编号从第 1 号重新开始）。'
      : '该服务器未提供报送包密钥，本账簿只用网络同步。')
  );
}

async function runSync(args: ParsedArgs): Promise<Outcome> {
  const path = requireFlag(args, 'book');
  const enrolling = args.flags.has('enrol');
  if (!enrolling && (args.flags.has('server') || args.flags.has('union'))) {
    throw new UsageError('--server 和 --union 只在注册时使用，须与 --enrol 注册码 一起给出');
  }
  const action = refusedAction(args);
  const opened = await readBookSession(path);
  let sync = opened.sync;
  // A book enrolled by file whose union now has a network moves to network sync (docs/offline-packages.md).
  const fromFile = enrolling && sync !== null && packagesOnly(sync.credentials);
  if (enrolling) {
    const enrolled = await enrolBook(args, path, sync);
    if ('code' in enrolled) return enrolled;
    sync = enrolled;
  }
  if (!sync) {
    throw new UsageError(`账簿 ${path} 尚未注册到上级工会服务器：请先用 --server 地址 --union 工会代码 --enrol 注册码 注册`);
  }
  if (packagesOnly(sync.credentials)) return packagesOnlyOutcome(path, sync);

  // Filled in by the step that runs on the loaded book, before the engine.
  const run: { acted: Acted | null } = { acted: null };
  const result = await syncBookOnce(opened.book, sync, {
    before: action
      ? async (db) => {
          run.acted = await actOnRefused(db, action, path);
        }
      : undefined,
  });
  const { acted } = run;
  const { unionName, serverUrl } = sync.credentials;
  if (enrolling || result.changed) await writeBookSession(path, { ...opened, book: result.book, sync: result.sync });

  const pending = waitingCount(result.sync);
  const notices = noticesOf(sync, result.sync);
  const json = {
    ok: result.ok,
    enrolled: enrolling,
    ...(fromFile ? { switchedFromFile: true } : {}),
    union: { code: sync.credentials.unionCode, name: unionName },
    server: serverUrl,
    deviceId: sync.deviceId,
    pushed: result.pushed,
    pulled: result.pulled,
    refused: result.refused.length,
    heldBack: result.heldBack.length,
    pending,
    refusedRecords: [...result.refused, ...result.heldBack].map((r) => ({
      table: r.table,
      rowId: r.rowId,
      title: r.title,
      field: r.field,
      reason: r.reason,
      at: r.at,
    })),
    ...actedJson(acted),
    notices: notices.map((n) => ({
      id: n.id,
      title: n.title,
      from: n.from,
      publishedAt: n.publishedAt,
      body: n.body,
      attachment: n.attachment,
      new: n.new,
    })),
    ...(result.ok ? {} : { error: { message: result.message, offline: result.offline, code: result.code } }),
  };
  const lines: string[] = [];
  if (enrolling) lines.push(`已注册到 ${unionName}（${serverUrl}），本账簿的设备编号 ${sync.deviceId}`);
  if (acted) lines.push(...describeActed(acted));
  if (fromFile) lines.push(switchedFromFileNote(sync));
  if (result.offline) {
    const saved = enrolling ? '注册已保存在账簿中；' : acted?.records.length ? '以上操作已保存在账簿中；' : '账簿未做任何更改；';
    lines.push(`${result.message}。${saved}待发送的更改 ${pending} 条，下次同步时发送。`);
    return { code: EXIT.offline, lines, json };
  }
  if (!result.ok) {
    lines.push(
      result.code === 'unauthorised'
        ? `服务器不再接受本账簿的设备凭证（设备可能已被上级工会撤销）。${reenrolHint(path)}`
        : `同步未完成：${result.message}`,
    );
    if (result.pushed || result.pulled) lines.push(`中断前已发送 ${result.pushed} 条更改、收到 ${result.pulled} 条记录，已保存在账簿中。`);
    return { code: EXIT.failure, lines, json };
  }
  lines.push(`已与 ${unionName} 同步：发送 ${result.pushed} 条更改，收到 ${result.pulled} 条记录。`);
  lines.push(...describeNotices(notices));
  for (const r of result.refused) lines.push(`服务器拒收 ${describeRefused(r)}`);
  for (const r of result.heldBack) lines.push(`仍未发送（此前被服务器拒收）${describeRefused(r)}`);
  if (result.refused.length || result.heldBack.length) {
    lines.push(
      `被拒收的记录在本账簿中保持原样，其余数据照常同步。请改正后用 unionbooks sync --book ${path} --retry-refused [编号] 重新发送，` +
        `或用 --drop-refused 编号 放弃这次更改（本账簿中的记录保持现状）。`,
    );
    return { code: EXIT.partial, lines, json };
  }
  return { code: EXIT.ok, lines, json };
}

export const syncCommand: Command = {
  path: ['sync'],
  usage: USAGE,
  summary:
    '与上级工会服务器同步一次（与应用的同步相同：先发送本账簿未被确认的更改，再接收其他设备和上级工会的更改）。' +
    '首次用 --server --union --enrol 注册，设备凭证保存在账簿文件中（加密账簿仍加密）。' +
    '被服务器拒收的记录：--retry-refused 按记录现在的内容重新发送（全部，或给出编号只发送一条），--drop-refused 编号 放弃这次更改，随后照常同步。' +
    '退出码：0 完成；1 服务器拒绝或同步失败（注册码错误、设备已撤销等）；2 参数错误；3 完成但有记录被拒收；4 无法连接服务器',
  async run(args: ParsedArgs, io: CliIO) {
    const outcome = await runSync(args);
    if (args.flags.get('json') === true) io.out(JSON.stringify(outcome.json, null, 2));
    else for (const line of outcome.lines) (outcome.code === EXIT.ok || outcome.code === EXIT.partial ? io.out : io.err)(line);
    return outcome.code;
  },
};
