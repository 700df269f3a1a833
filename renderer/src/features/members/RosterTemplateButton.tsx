import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { useUnion } from '../union/queries';
import { errorText } from '../../../../shared/error-text';

/** 下载名册模板: an empty roster the import reads back as it is, to start a roster from. */
export function RosterTemplateButton({ type = 'default' }: { type?: 'default' | 'link' }) {
  const { platform } = useServices();
  const union = useUnion();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      // The spreadsheet writer is loaded only when a file is made.
      const { writeRosterTemplate } = await import('../../../../shared/roster/template-xlsx');
      const bytes = await writeRosterTemplate(union?.name ?? '');
      if (await platform.saveFile('会员名册模板.xlsx', bytes, FILTERS.xlsx)) message.success('已下载名册模板');
    } catch (e) {
      message.error(`下载失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={type} icon={<DownloadOutlined />} onClick={download} loading={busy}>
      下载名册模板
    </Button>
  );
}
