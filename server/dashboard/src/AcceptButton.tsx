import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { acceptReport } from './api';
import { errorText } from '../../../shared/error-text';

/** 已接收 closes the year's reporting for the union: its books of the year stay locked. */
export function AcceptButton({
  submissionId,
  unionName,
  onDone,
  onError,
}: {
  submissionId: string;
  unionName: string;
  onDone: () => void;
  onError: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const accept = async () => {
    setBusy(true);
    try {
      await acceptReport(submissionId);
      onDone();
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={`接收 ${unionName} 的年度报送？`}
      description="接收后该工会本年度的账目保持锁定，不能再退回。"
      okText="确认接收"
      cancelText="取消"
      onConfirm={accept}
    >
      <Button size="small" type="primary" loading={busy}>
        接收
      </Button>
    </Popconfirm>
  );
}
