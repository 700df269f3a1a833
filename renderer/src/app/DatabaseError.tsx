import { Result } from 'antd';

/** Shown when the book's database cannot be opened; a chunk of its own, since a start almost never needs it. */
export default function DatabaseError({ message }: { message: string }) {
  return <Result status="error" title="无法打开本地数据库" subTitle={message} />;
}
