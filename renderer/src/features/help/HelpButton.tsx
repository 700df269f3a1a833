import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

export const HELP_PATH = '/help';

/** 帮助 in the header: opens the user guide inside the app; F1 does the same, as in other desktop programs. */
export function HelpButton() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F1') {
        e.preventDefault();
        navigate(HELP_PATH);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  return (
    <Tooltip title="用户手册（F1）">
      <Button icon={<QuestionCircleOutlined />} onClick={() => navigate(HELP_PATH)} aria-keyshortcuts="F1">
        帮助
      </Button>
    </Tooltip>
  );
}
