import { Button, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { statisticsYear } from '../../../shared/sync/annual-report';
import { downloadAnnualStats } from './api';
import { errorText } from '../../../shared/error-text';

/** 统计年报 of the admin's own subtree: the statistics year by default, the period editable before the download. */
export function AnnualStatsButton({ year, onError }: { year: number; onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const period = statisticsYear(year);
  const submit = async () => {
    setBusy(true);
    try {
      await downloadAnnualStats(year, { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });
      setOpen(false);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => (setRange(null), setOpen(true))}>导出统计年报</Button>
      <Modal
        title={`导出${year}年统计年报`}
        open={open}
        okText="下载"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Form layout="vertical">
          <Form.Item label="统计期间" extra={`默认 ${period.from} 至 ${period.to}（上年10月1日至本年9月30日）；只含本组织及下级的工会`}>
            <DatePicker.RangePicker aria-label="统计期间" value={range} onChange={(v) => setRange(v)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
