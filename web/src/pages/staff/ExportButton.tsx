import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../components/ErrorAlert';
import { download, qs } from '../../api/client';
import { todayShanghai } from '../../lib/law';

/** Downloads the qualification results (第七条) as xlsx. */
export function ExportButton({ district }: { district?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download(`/api/staff/results.xlsx${qs({ district })}`, `资格审核结果-${todayShanghai()}.xlsx`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} onClick={onClick} loading={busy} data-testid="export-xlsx">
      导出资格审核结果
    </Button>
  );
}
