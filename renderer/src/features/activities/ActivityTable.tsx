import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { personTimes } from '../../../../shared/activities/summary';
import { formatYuan } from '../../../../shared/money/fen';
import type { Activity } from '../../../../shared/model/records';

interface Props {
  activities: readonly Activity[];
  expenses: Map<string, number> | undefined;
  onOpen: (activity: Activity) => void;
  onRemove: (activity: Activity) => void;
}

export function ActivityTable({ activities, expenses, onOpen, onRemove }: Props) {
  return (
    <Table
      rowKey="id"
      size="middle"
      dataSource={activities as Activity[]}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
      // On a narrow screen the table scrolls sideways rather than squeezing the activity's name.
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '日期', dataIndex: 'startDate', width: 110 },
        {
          title: '活动名称',
          dataIndex: 'title',
          width: 220,
          render: (t: string, a) => (
            <Space size={4}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(a)}>
                {t}
              </Button>
              {a.planned && <Tag color="gold">计划中</Tag>}
            </Space>
          ),
        },
        { title: '类别', dataIndex: 'category', width: 150, render: (c: string) => <Tag>{c}</Tag> },
        { title: '地点', dataIndex: 'place', width: 160 },
        { title: '人次', key: 'people', width: 70, align: 'right', render: (_, a) => personTimes(a) },
        { title: '照片', key: 'photos', width: 60, align: 'right', render: (_, a) => a.photoIds.length || '' },
        {
          title: '支出（元）',
          key: 'expense',
          width: 110,
          align: 'right',
          render: (_, a) => {
            const fen = expenses?.get(a.id);
            return fen ? formatYuan(fen) : '';
          },
        },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          width: 120,
          render: (_, a) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onOpen(a)}>
                编辑
              </Button>
              <Popconfirm
                title="删除这项活动？"
                description="照片一并删除；已记入收支的支出保留，如需更正请在收支中冲销。"
                okText="删除"
                cancelText="取消"
                onConfirm={() => onRemove(a)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
