import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Modal, Tag, Typography, type InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_KIND_LABELS, searchBook, type SearchHit } from '../../../../shared/search/book-search';
import { useServices } from '../../app/services';

const KIND_COLORS: Record<SearchHit['kind'], string> = { member: 'blue', voucher: 'gold', activity: 'green', welfare: 'magenta' };

/** Where a found record opens. */
export function hitPath(hit: SearchHit): string {
  switch (hit.kind) {
    case 'member':
      return `/members?open=${hit.id}`;
    case 'voucher':
      return `/finance?voucher=${hit.id}`;
    case 'activity':
      return `/activities?open=${hit.id}`;
    case 'welfare':
      return `/welfare?open=${hit.id}`;
  }
}

/** The search dialog of the header's 搜索 button (./SearchButton.tsx), loaded when first opened. */
export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const { db } = useServices();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<InputRef>(null);
  const book = useLiveQuery(async () => {
    const [members, transactions, activities, welfare] = await Promise.all([
      db.members.toArray(),
      db.transactions.toArray(),
      db.activities.toArray(),
      db.welfare.toArray(),
    ]);
    return { members, transactions, activities, welfare };
  }, [db]);
  const hits = useMemo(() => (book ? searchBook(book, query) : []), [book, query]);

  const openHit = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    navigate(hitPath(hit));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openHit(hits[active]);
    }
  };

  return (
    <Modal
      open
      title="搜索"
      footer={null}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      // The box, once the dialog is in the page and has taken the focus for itself: an autoFocus at
      // mount ran before the dialog was attached, and the dialog then focused its own frame.
      afterOpenChange={(open) => open && box.current?.focus()}
    >
      <Input
        ref={box}
        size="large"
        prefix={<SearchOutlined />}
        placeholder="姓名、身份证后四位、手机、凭证号（记-012）、摘要、金额、活动、慰问"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        aria-label="搜索内容"
        aria-controls="search-results"
        aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
        allowClear
      />
      <div id="search-results" role="listbox" aria-label="搜索结果" style={{ marginTop: 12, maxHeight: 420, overflowY: 'auto' }}>
        {query.trim() !== '' && hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到" />}
        {hits.map((hit, i) => (
          <div
            key={`${hit.kind}:${hit.id}`}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => openHit(hit)}
            style={{ padding: '8px 12px', borderRadius: 6, cursor: 'pointer', background: i === active ? '#fff1f0' : undefined }}
          >
            <div>
              <Tag color={KIND_COLORS[hit.kind]}>{SEARCH_KIND_LABELS[hit.kind]}</Tag>
              <Typography.Text strong>{hit.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ float: 'right', fontSize: 12 }}>
                按{hit.matched}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hit.detail}
            </Typography.Text>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ↑↓ 选择，Enter 打开，Esc 关闭
      </Typography.Text>
    </Modal>
  );
}
