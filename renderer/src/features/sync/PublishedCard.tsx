import { Card, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { usePublished } from './queries';

const PRESET_NAMES: Record<string, string> = {
  'anhui-2018': '安徽 2018',
  'guizhou-2018': '贵州 2018',
  'fujian-2018': '福建 2018',
  'beijing-2019': '北京 2019',
  custom: '自定义',
};

/** What the upper union published; templates also appear among the document templates. */
export function PublishedCard() {
  const items = usePublished();
  return (
    <Card title="上级工会发布">
      {items.length === 0 ? (
        <Empty description="暂无上级工会发布的标准或模板" />
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color="red">来自上级工会</Tag>
                    {item.kind === 'preset' ? '开支标准' : '文档模板'}：{item.name}
                  </span>
                }
                description={
                  <Typography.Text type="secondary">
                    {item.kind === 'preset'
                      ? `标准：${PRESET_NAMES[String(item.payload.presetId)] ?? String(item.payload.presetId)}${item.payload.note ? `。${String(item.payload.note)}` : ''}`
                      : '已加入“文档”中的模板，可在那里使用或另存修改。'}
                    {` 发布于 ${dayjs(item.publishedAt).format('YYYY-MM-DD')}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
