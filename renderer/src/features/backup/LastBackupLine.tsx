import { Alert, Typography } from 'antd';
import { todayIso } from '../../../../shared/clock/today';
import { backupTodo } from '../../../../shared/desk/todos';
import { useServices } from '../../app/services';
import { useUnion } from '../union/queries';
import { lastGoodBackupAt, lastGoodOn, useBackupResult } from './device-folder';

/**
 * When the newest good backup of this computer was made, by hand or automatically, and the same
 * warning 概览 gives when the last attempt failed or a week has passed without one.
 */
export function LastBackupLine() {
  const { db } = useServices();
  const union = useUnion();
  const result = useBackupResult(db);
  const at = lastGoodBackupAt(result);
  const todo = backupTodo(
    { lastOn: lastGoodOn(result), hasData: Boolean(union), ...(result?.error ? { error: result.error } : {}) },
    todayIso(),
  );
  return (
    <div style={{ marginTop: 12 }} data-testid="last-backup">
      <Typography.Text type="secondary">
        上次成功备份：
        {at ? new Date(at).toLocaleString('zh-CN') : '还没有'}
      </Typography.Text>
      {todo && (
        <Alert
          style={{ marginTop: 8 }}
          type={todo.tone === 'error' ? 'error' : 'warning'}
          showIcon
          title={todo.title}
          description={todo.reason}
        />
      )}
    </div>
  );
}
