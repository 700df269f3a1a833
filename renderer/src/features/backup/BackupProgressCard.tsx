import { Card, Progress, theme, Typography } from 'antd';
import { memo, useEffect, useState } from 'react';
import { TABLE_LABELS, TABLE_NAMES } from '../../../../shared/model/book';
import type { BackupStep, ProgressFeed, ProgressView } from './progress-feed';

const STEPS: readonly BackupStep[] = [...TABLE_NAMES, 'files'];

function stepLabel(step: BackupStep): string {
  return step === 'files' ? '附件文件' : TABLE_LABELS[step];
}

function percentOf(p: { done: number; total: number } | undefined): number {
  if (!p) return 0;
  return p.total === 0 ? 100 : Math.min(100, Math.floor((p.done / p.total) * 100));
}

/**
 * Progress of a backup being written or read, one line per table, the current one named at the top.
 * It alone re-renders as the work goes (see progress-feed.ts), and its 18 lines are plain text:
 * antd's Typography measures and hooks itself per line. Not in a transition: one interrupted by
 * each next report, on a slow PC, never commits and the card stands still.
 * With `untilStarted` it shows nothing before the first report (a password may be asked first).
 */
export const BackupProgressCard = memo(function BackupProgressCard({
  title,
  feed,
  untilStarted = false,
}: {
  title: string;
  feed: ProgressFeed;
  untilStarted?: boolean;
}) {
  const [{ steps, current }, setView] = useState<ProgressView>(() => feed.snapshot());
  useEffect(() => feed.subscribe(setView), [feed]);
  const { token } = theme.useToken();
  if (untilStarted && !current) return null;
  const finished = STEPS.filter((s) => s !== current && steps[s] !== undefined).length;
  const overall = Math.floor(((finished + percentOf(current ? steps[current] : undefined) / 100) / STEPS.length) * 100);
  const now = current ? steps[current] : undefined;
  return (
    <Card title={title} aria-label={title} role="region">
      <Typography.Paragraph>
        {!current || !now
          ? '正在准备…'
          : current === 'files' && now.done >= now.total
            ? '正在检查…'
            : `正在处理“${stepLabel(current)}”：${now.done.toLocaleString('zh-CN')} / ${now.total.toLocaleString('zh-CN')}`}
      </Typography.Paragraph>
      <Progress percent={overall} status="active" aria-label="总进度" />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 24, rowGap: 4, marginTop: 12 }}
      >
        {STEPS.map((step) => {
          const p = steps[step];
          const state =
            p === undefined ? '等待' : step === current ? `${p.done.toLocaleString('zh-CN')} / ${p.total.toLocaleString('zh-CN')}` : '完成';
          return (
            <div key={step} data-step={step}>
              <span style={{ color: p === undefined ? token.colorTextSecondary : token.colorText }}>
                {stepLabel(step)}
                <span style={{ color: token.colorTextSecondary, float: 'right' }}>{state}</span>
              </span>
              <Progress percent={p === undefined ? 0 : step === current ? percentOf(p) : 100} showInfo={false} size="small" />
            </div>
          );
        })}
      </div>
    </Card>
  );
});
