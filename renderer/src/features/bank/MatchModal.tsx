import { App, Empty, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { daysBetween, lineEffect, type BankEntry } from '../../../../shared/bank/match';
import { matchBankLine } from '../../../../shared/engine/ops/bank';
import type { BankLine } from '../../../../shared/model/records';
import { formatYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { errorText } from '../finance/format';

/** A bank rarely books a payment more than two months from the union's date; older entries would only crowd the list. */
const CANDIDATE_DAYS = 62;
const MAX_CANDIDATES = 12;

/** 手工勾对: the unmatched bank entries of the line's amount, the closest dates first. */
export function MatchModal({ line, entries, onClose }: { line: BankLine | null; entries: readonly BankEntry[]; onClose: () => void }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const candidates = line
    ? entries
        .filter((e) => e.effectFen === lineEffect(line) && daysBetween(e.transaction.date, line.date) <= CANDIDATE_DAYS)
        .sort((a, b) => daysBetween(a.transaction.date, line.date) - daysBetween(b.transaction.date, line.date))
        .slice(0, MAX_CANDIDATES)
    : [];

  async function save() {
    if (!line || !chosen) return;
    setSaving(true);
    try {
      await matchBankLine(store, line.id, chosen);
      message.success('已勾对');
      setChosen(null);
      onClose();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={line !== null}
      title="手工勾对"
      okText="勾对"
      cancelText="取消"
      okButtonProps={{ disabled: !chosen, loading: saving }}
      onOk={save}
      onCancel={() => {
        setChosen(null);
        onClose();
      }}
      destroyOnHidden
    >
      {line && (
        <Typography.Paragraph>
          对账单 {line.date}（第 {line.rowNumber} 行）{line.summary}：{formatYuan(lineEffect(line))} 元
        </Typography.Paragraph>
      )}
      {candidates.length === 0 ? (
        <Empty description="前后两个月内，日记账里没有金额相同、尚未勾对的银行存款记录。请先在明细账中补记这笔收支。" />
      ) : (
        <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)}>
          <Space orientation="vertical">
            {candidates.map((e) => (
              <Radio key={e.transaction.id} value={e.transaction.id}>
                {e.transaction.voucherNumber} {e.transaction.date} {e.transaction.summary}（{formatYuan(e.effectFen)} 元）
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
    </Modal>
  );
}
