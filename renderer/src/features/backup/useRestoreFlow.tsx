import { Alert, App, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../../../shared/error-text';
import { pendingHandover } from '../../../../shared/handover/handover-record';
import { useServices, useSwitchBook } from '../../app/services';
import { HandoverRestoreNotice } from '../handover/HandoverRestoreNotice';
import { useUnion } from '../union/queries';
import { BackupProgressCard } from './BackupProgressCard';
import { LeaveSyncNotice } from './LeaveSyncNotice';
import { ProgressFeed } from './progress-feed';
import { otherUnionIn } from './replace-book';
import { discardStaged, replaceFromStaged, type StagedBook } from './staged-restore';
import { stageBackupOffPage } from '../../workers/restore';
import { useUnlockDialog } from './UnlockDialog';
import { useEnrolment } from './useEnrolment';

export interface BackupFile {
  name: string;
  data: Uint8Array;
}

export interface RestoreOptions {
  /** 载入交接文件: only a handover backup is accepted. */
  handover?: boolean;
}

/**
 * 恢复 from a backup file, wherever the file comes from (the open dialog, the list of automatic
 * backups, the first-run page): read, check and stage it (staged-restore.ts), asking for the
 * password when it is encrypted; show what it holds and what happens to sync; only then build the
 * new book from the staged rows and switch the app to it. Every refusal, a cancel and a failure are
 * shown and change nothing. A handover backup (whichever button opened it) is recorded as received,
 * with the checksum of the file, in the new book before the switch.
 */
export function useRestoreFlow(): {
  restore: (file: BackupFile, options?: RestoreOptions) => Promise<void>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
  /** The progress while a file is read and the book replaced, and the password dialog. */
  view: ReactNode;
  /** The last refusal or failure, closable; null when there is none. */
  alert: ReactNode;
} {
  const { db, mutator } = useServices();
  const switchBook = useSwitchBook();
  const union = useUnion();
  const enrolled = useEnrolment(db);
  const { message, modal } = App.useApp();
  const { unlock, dialog } = useUnlockDialog();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Progress goes to the card alone: the page that hosts the flow does not re-render per batch.
  const [feed] = useState(() => new ProgressFeed());
  const onProgress = feed.report;
  const [phase, setPhase] = useState<'reading' | 'replacing' | null>(null);
  const startPhase = (next: 'reading' | 'replacing' | null) => {
    feed.reset();
    setPhase(next);
  };

  const restore = async (file: BackupFile, options: RestoreOptions = {}) => {
    setError(null);
    setBusy(true);
    startPhase('reading');
    let staged: StagedBook | null;
    try {
      staged = await unlock(file.name, (password) => stageBackupOffPage(db, file.data, onProgress, password));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
      return;
    } finally {
      startPhase(null);
    }
    if (!staged) {
      setBusy(false);
      return;
    }
    const book = staged;
    const cancel = async () => {
      await discardStaged(db);
      setBusy(false);
    };
    const handover = pendingHandover(book);
    if (options.handover && !handover) {
      setError(`“${file.name}”不是交接备份：其中没有待载入的交接记录，未做任何更改。请打开移交人在“设置 → 换届交接”生成的加密交接备份。`);
      await cancel();
      return;
    }
    const createdAt = book.manifest.createdAt;
    const name = book.union.find((u) => u.deleted === 0)?.name ?? '';
    const enrolment = await enrolled();
    const hasBook = Boolean(union);
    const warnings = book.warnings ?? [];
    const replace = async () => {
      startPhase('replacing');
      try {
        const outcome = await replaceFromStaged({ db, mutator }, book, file.data, onProgress);
        // Every page opens anew on the new book, this flow's own state with them: what is said after
        // the switch is said in the app's own message or dialog.
        if (outcome.opened) await switchBook(outcome.opened);
        if (!outcome.ok) {
          if (outcome.opened) modal.error({ title: '交接回执未能记入', content: outcome.error, width: 560 });
          else setError(outcome.error);
        } else
          message.success(
            outcome.handover ? '已载入交接文件，交接已记入账簿' : enrolment ? '已从备份恢复，本设备已退出同步' : '已从备份恢复',
          );
      } finally {
        startPhase(null);
        setBusy(false);
      }
    };
    modal.confirm({
      title: enrolment ? '退出同步，并用备份替换当前全部数据？' : hasBook ? '用备份替换当前全部数据？' : '从这个备份恢复账簿？',
      width: 560,
      content: (
        <Space direction="vertical">
          <span>
            备份文件“{file.name}”：{name}，备份于 {new Date(createdAt).toLocaleString('zh-CN')}。
          </span>
          <span>
            会员 {book.liveMembers} 人，收支记录 {book.counts.transactions} 笔。
          </span>
          {warnings.length > 0 && (
            <Typography.Text type="warning">
              检查发现 {warnings.length} 处需要核对的问题（如：{warnings[0]}）。恢复后可在“收支”“会员”等页面更正。
            </Typography.Text>
          )}
          {hasBook && <Typography.Text type="danger">当前账簿中的数据将被替换。建议先点“备份”保存一份当前数据。</Typography.Text>}
          {handover && <HandoverRestoreNotice handover={handover} />}
          {enrolment && <LeaveSyncNotice enrolment={enrolment} otherUnion={otherUnionIn(book, union)} />}
        </Space>
      ),
      okText: enrolment ? '退出同步并恢复' : '恢复',
      okButtonProps: hasBook ? { danger: true } : {},
      cancelText: '取消',
      onCancel: () => void cancel(),
      onOk: () => {
        // The dialog closes at once: the replacement shows its own progress, table by table.
        void replace();
      },
    });
  };

  const view = (
    <>
      {/* Only once reading is under way: not while the password is being asked for. */}
      {phase && <BackupProgressCard title={phase === 'reading' ? '正在读取备份文件' : '正在恢复账簿'} feed={feed} untilStarted />}
      {dialog}
    </>
  );
  const alert = error && (
    <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} role="alert" style={{ marginBottom: 16 }} />
  );
  return { restore, busy, error, clearError: () => setError(null), view, alert: alert || null };
}
