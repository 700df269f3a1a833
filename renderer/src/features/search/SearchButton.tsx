import { SearchOutlined } from '@ant-design/icons';
import { Button, Modal, Spin, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';

// The dialog and the search over the book load on first use, not with every start.
const loadDialog = () => import('./SearchDialog');
const SearchDialog = lazy(loadDialog);

/** Fetches the dialog ahead of its first use (while the user is idle). */
export const preloadSearch: () => Promise<unknown> = loadDialog;

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const SEARCH_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

function DialogLoading({ onClose }: { onClose: () => void }) {
  return (
    <Modal open title="搜索" footer={null} onCancel={onClose} width={640}>
      <Spin tip="正在加载搜索…">
        <div style={{ minHeight: 80 }} />
      </Spin>
    </Modal>
  );
}

/** The 搜索 button in the header and its dialog; Ctrl+K opens it from anywhere. */
export function SearchButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Tooltip title={`搜索会员、凭证、活动、慰问（${SEARCH_SHORTCUT}）`}>
        <Button icon={<SearchOutlined />} onClick={() => setOpen(true)} aria-keyshortcuts="Control+K">
          搜索
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {SEARCH_SHORTCUT}
          </Typography.Text>
        </Button>
      </Tooltip>
      {open && (
        <Suspense fallback={<DialogLoading onClose={() => setOpen(false)} />}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
