import { Alert, Button, Modal, Table } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../shared/sync/admin';
import { fetchAudit } from './api';
import { dateTime } from './format';
import { errorText } from '../../../shared/error-text';

/** The audit log of the admin's own organisation and those below it, newest first. */
export function AuditButton() {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setOpen(true);
    setEntries(null);
    try {
      setEntries(await fetchAudit());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <Button onClick={() => void show()}>操作记录</Button>
      <Modal title="管理员操作记录" open={open} footer={null} width={900} onCancel={() => setOpen(false)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={entries === null && !error}
          dataSource={entries ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '时间', key: 'at', width: 150, render: (_: unknown, e) => dateTime(e.at) },
            { title: '组织', key: 'org', render: (_: unknown, e) => e.org.name },
            { title: '管理员', dataIndex: 'admin' },
            { title: '操作', key: 'action', render: (_: unknown, e) => AUDIT_ACTIONS[e.action] ?? e.action },
            { title: '对象', dataIndex: 'target' },
            { title: '来源地址', dataIndex: 'address' },
          ]}
        />
      </Modal>
    </>
  );
}
