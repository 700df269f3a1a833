import { App, Button, DatePicker, Empty, Input, Popconfirm, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EVENT_KIND_LABELS, STATUS_LABELS, statusAfter } from '../../../../shared/members/status';
import type { Member, MembershipEventKind } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { recordMembershipEvent, removeMembershipEvent } from '../../../../shared/engine/ops/members';
import { useMembershipEvents } from './queries';

const KIND_OPTIONS = (Object.keys(EVENT_KIND_LABELS) as MembershipEventKind[]).map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }));
const TRANSFERS: readonly MembershipEventKind[] = ['transfer-in', 'transfer-out'];

/** A member's 会籍变动, oldest first, and the form to add one; the status follows from the history. */
export function MembershipHistory({ member }: { member: Member }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const events = useMembershipEvents(member.id);
  const [kind, setKind] = useState<MembershipEventKind>('retire');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [reason, setReason] = useState('');
  const [otherUnion, setOtherUnion] = useState('');
  const recording = useSubmit();

  const record = async () => {
    if (!date) {
      message.error('请选择变动日期');
      return false;
    }
    await recordMembershipEvent(store, {
      memberId: member.id,
      kind,
      date: date.format('YYYY-MM-DD'),
      reason: reason.trim(),
      otherUnion: TRANSFERS.includes(kind) ? otherUnion.trim() : '',
    });
    setReason('');
    setOtherUnion('');
    message.success(`已记录${EVENT_KIND_LABELS[kind]}`);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        当前会籍状态：<Tag data-testid="member-status">{STATUS_LABELS[member.status]}</Tag>
        <Typography.Text type="secondary">（退休、失业会员保留会籍，免缴会费）</Typography.Text>
      </Typography.Text>
      {events && events.length > 0 ? (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            content: (
              <Space wrap>
                <span>{e.date}</span>
                <Tag>{EVENT_KIND_LABELS[e.kind]}</Tag>
                {e.otherUnion ? <span>{e.kind === 'transfer-in' ? `自 ${e.otherUnion}` : `至 ${e.otherUnion}`}</span> : null}
                {e.reason ? <Typography.Text type="secondary">{e.reason}</Typography.Text> : null}
                <Popconfirm
                  title="撤销这条会籍变动？"
                  description="会籍状态将按其余记录重新确定。"
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={() => recording.submit(() => removeMembershipEvent(store, e.id))}
                >
                  <Button type="link" size="small" danger>
                    撤销
                  </Button>
                </Popconfirm>
              </Space>
            ),
          }))}
        />
      ) : events ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有会籍变动记录" />
      ) : null}
      <Space wrap align="start">
        <Select aria-label="变动类型" style={{ width: 100 }} value={kind} options={KIND_OPTIONS} onChange={setKind} />
        <DatePicker aria-label="变动日期" value={date} onChange={setDate} disabledDate={afterToday} style={{ width: 140 }} />
        {TRANSFERS.includes(kind) ? (
          <Input
            aria-label={kind === 'transfer-in' ? '转出工会' : '转入工会'}
            placeholder={kind === 'transfer-in' ? '从哪个工会转入' : '转到哪个工会'}
            value={otherUnion}
            onChange={(e) => setOtherUnion(e.target.value)}
            style={{ width: 200 }}
          />
        ) : null}
        <Input
          aria-label="变动原因"
          placeholder="原因（可不填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ width: 200 }}
        />
        <Popconfirm
          title={`记录${EVENT_KIND_LABELS[kind]}？`}
          description={`记录后会籍状态将为“${STATUS_LABELS[statusAfter(kind)]}”（如日期早于其他变动，以最近的变动为准）。`}
          okText="记录"
          cancelText="取消"
          onConfirm={() => recording.submit(record)}
        >
          <Button type="primary" ghost loading={recording.busy}>
            记录变动
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
