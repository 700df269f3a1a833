import { Card, Progress, Typography } from 'antd';
import type { BackupProgress } from '../../../../shared/backup/progress';
import { TABLE_LABELS, TABLE_NAMES } from '../../../../shared/model/book';

export type BackupStep = BackupProgress['step'];
export type StepProgress = Partial<Record<BackupStep, { done: number; total: number }>>;

const STEPS: readonly BackupStep[] = [...TABLE_NAMES, 'files'];

function stepLabel(step: BackupStep): string {
  return step === 'files' ? '附件文件' : TABLE_LABELS[step];
}

function percentOf(p: { done: number; total: number } | undefined): number {
  if (!p) return 0;
  return p.total === 0 ? 100 : Math.min(100, Math.floor((p.done / p.total) * 100));
}

/** Progress of a backup being written or read, one line per table, the current one named at the top. */
export function BackupProgressCard({ title, steps, current }: { title: string; steps: StepProgress; current: BackupStep | null }) {
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
              <Typography.Text type={p === undefined ? 'secondary' : undefined}>
                {stepLabel(step)}
                <Typography.Text type="secondary" style={{ float: 'right' }}>
                  {state}
                </Typography.Text>
              </Typography.Text>
              <Progress percent={p === undefined ? 0 : step === current ? percentOf(p) : 100} showInfo={false} size="small" />
            </div>
          );
        })}
      </div>
    </Card>
  );
}
