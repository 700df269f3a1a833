import { Alert, App, Button, Space } from 'antd';
import { DEMO_UNION_CODE } from '../../../../shared/demo/identity';
import type { UnionProfile } from '../../../../shared/model/records';
import { useServices, useSwitchBook } from '../../app/services';
import { LeaveSyncNotice } from '../backup/LeaveSyncNotice';
import { useEnrolment } from '../backup/useEnrolment';

/** On every page of the demo book: it looks real, so it says it is not, and how to start one's own. */
export function DemoBanner({ union }: { union: UnionProfile }) {
  const { db, mutator } = useServices();
  const switchBook = useSwitchBook();
  const { modal, message } = App.useApp();
  const enrolled = useEnrolment(db);
  if (union.code !== DEMO_UNION_CODE) return null;

  // Clearing replaces the whole book, so an enrolled device leaves sync first, as a restore does.
  const startOwn = async () => {
    const enrolment = await enrolled();
    modal.confirm({
      title: enrolment ? '退出同步，清空示例数据，开始记我的账？' : '清空示例数据，开始记我的账？',
      width: 560,
      content: (
        <Space orientation="vertical">
          <span>示例工会的会员、会费、活动、慰问和收支将全部删除，然后回到首次使用的界面，创建您自己的工会。</span>
          {enrolment && <LeaveSyncNotice enrolment={enrolment} />}
        </Space>
      ),
      okText: enrolment ? '退出同步并清空' : '清空示例',
      okButtonProps: { danger: true },
      cancelText: '继续看示例',
      onOk: async () => {
        // The backup reader and writer load only when a book is replaced, not with every page.
        const { clearBook } = await import('../backup/book-io');
        await switchBook(await clearBook(db, mutator));
        message.success('示例数据已清空');
      },
    });
  };

  return (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="demo-banner"
      title="示例数据：这是一个虚构的工会，人名、金额都是编的，供您熟悉各个页面。"
      action={
        <Button size="small" type="primary" onClick={startOwn}>
          清空示例，开始记我的账
        </Button>
      }
    />
  );
}
