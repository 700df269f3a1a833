import { Alert, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { returnReport } from './api';
import { errorText } from '../../../shared/error-text';

/** Returning a report unlocks the union's year: it needs a reason the union will read. */
export function ReturnButton({ submissionId, unionName, onDone }: { submissionId: string; unionName: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await returnReport(submissionId, reason);
      setOpen(false);
      setReason('');
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger onClick={() => (setError(null), setOpen(true))}>
        退回
      </Button>
      <Modal
        title={`退回 ${unionName} 的年度报送`}
        open={open}
        onOk={submit}
        okText="确认退回"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
      >
        <p>退回后，该工会本年度的账目解除锁定，可修改后重新报送。</p>
        <Input.TextArea
          aria-label="退回原因"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请写明需要修改的内容"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
