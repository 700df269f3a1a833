import { Alert } from 'antd';
import { Link } from 'react-router';
import { ARREARS_WARNING_MONTHS, arrearsWarnings } from '../../../../shared/dues/arrears';
import { useArrears } from './arrears-hooks';

/** For 概览: names anyone five or more months behind, since six months without dues counts as leaving the union. */
export function ArrearsAlert() {
  const arrears = useArrears();
  if (!arrears) return null;
  const warned = arrearsWarnings(arrears.rows);
  if (warned.length === 0) return null;
  const names = warned
    .slice(0, 8)
    .map((r) => `${r.name}（${r.consecutive}个月）`)
    .join('、');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="arrears-alert"
      title={`${warned.length} 名会员已连续 ${ARREARS_WARNING_MONTHS} 个月或以上未缴会费`}
      description={
        <>
          {names}
          {warned.length > 8 ? ' 等' : ''}。连续 6 个月不交纳会费视为自动退会，请及时提醒或办理免缴。
          <Link to="/dues?tab=arrears">查看欠缴名单</Link>
        </>
      }
    />
  );
}
