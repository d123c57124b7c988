import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download } from '../../../api/client';
import { type ImportRowError, importErrors, useImportUnits } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';

/** Column names of the template, by API field (楼栋, 楼层, 房号, 建筑面积, 户型, 朝向). */
const FIELD: Record<string, string> = { building: '楼栋', buildingName: '楼栋', buildingId: '楼栋', floor: '楼层', number: '房号', area: '建筑面积', layout: '户型', orientation: '朝向' };

/**
 * Import of units from the xlsx template: all or nothing. Refused rows come back with the row
 * number and field; they are listed so the sheet can be corrected and sent again.
 */
export function ImportUnits({ projectId, code }: { projectId: string; code: string }) {
  const { message } = App.useApp();
  const run = useImportUnits(projectId);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<number | null>(null);
  const upload = async (file: File) => {
    setRows([]); setError(null); setCreated(null);
    try {
      const r = await run.mutateAsync(file);
      setCreated(r.created);
    } catch (e) {
      const errs = importErrors(e);
      setRows(errs);
      setError(e);
    }
  };
  const template = async () => {
    try {
      await download(`/api/projects/${projectId}/units/template.xlsx`, `房源导入模板-${code}.xlsx`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>批量导入房源（xlsx）</h2>} size="small">
      <Typography.Paragraph type="secondary">
        下载模板，按“楼栋、楼层、房号、建筑面积、户型、朝向”逐行填写后上传。任何一行有误则整表不导入，请按下表改正后重新上传。
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={template} data-testid="units-template">下载导入模板</Button>
        <Upload accept=".xlsx" showUploadList={false} maxCount={1} beforeUpload={(f) => { void upload(f); return false; }}>
          <Button icon={<UploadOutlined />} type="primary" loading={run.isPending} data-testid="units-import">上传并导入</Button>
        </Upload>
        <span style={{ fontSize: 12 }}>依据<ArticleLink article="第十条" /></span>
      </Space>
      {created !== null ? <Alert type="success" showIcon style={{ marginTop: 12 }} title={`已导入 ${created} 套房源`} data-testid="units-import-ok" /> : null}
      {error ? <ErrorAlert error={error} style={{ marginTop: 12 }} /> : null}
      {rows.length > 0 ? (
        <Table<ImportRowError> size="small" rowKey={(r, i) => `${r.row}-${r.field}-${i}`} dataSource={rows} data-testid="units-import-errors"
          pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 480 }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '列', dataIndex: 'field', width: 120, render: (f?: string) => (f ? FIELD[f] ?? f : '—') },
            { title: '问题', key: 'm', render: (_, r) => r.message_zh ?? r.message },
          ]} />
      ) : null}
    </Card>
  );
}
