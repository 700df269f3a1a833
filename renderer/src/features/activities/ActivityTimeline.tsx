import { Empty, Tag, Timeline, Typography } from 'antd';
import { activityTimeline, personTimes } from '../../../../shared/activities/summary';
import type { Activity } from '../../../../shared/model/records';

interface Props {
  activities: readonly Activity[];
  year: number;
  onOpen: (activity: Activity) => void;
}

function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function dateRange(a: Activity): string {
  if (!a.endDate || a.endDate === a.startDate) return monthDay(a.startDate);
  const sameMonth = a.endDate.slice(0, 7) === a.startDate.slice(0, 7);
  return `${monthDay(a.startDate)}—${sameMonth ? `${Number(a.endDate.slice(8, 10))}日` : monthDay(a.endDate)}`;
}

/** The year month by month: what the union did, in the order it happened. */
export function ActivityTimeline({ activities, year, onOpen }: Props) {
  const months = activityTimeline(activities, year);
  if (months.length === 0) return <Empty description={`${year}年没有符合条件的活动`} />;
  return (
    <Timeline
      data-testid="activity-timeline"
      titleSpan="64px"
      items={months.map((m) => ({
        key: m.month,
        title: <Typography.Text strong>{`${Number(m.month.slice(5))}月`}</Typography.Text>,
        content: (
          <div>
            {m.activities.map((a) => (
              <div key={a.id} style={{ marginBottom: 6 }}>
                <Typography.Text type="secondary" style={{ display: 'inline-block', width: 120 }}>
                  {dateRange(a)}
                </Typography.Text>
                <Typography.Link onClick={() => onOpen(a)}>{a.title}</Typography.Link> <Tag>{a.category}</Tag>
                {a.planned && <Tag color="gold">计划中</Tag>}
                <Typography.Text type="secondary">
                  {a.place ? `${a.place}，` : ''}
                  {personTimes(a)}人次
                </Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
