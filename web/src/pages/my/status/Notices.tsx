import { App, Button, Card, List } from 'antd';
import { download } from '../../../api/client';
import type { Application } from '../../../api/types';
import { errorText } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/law';
import { ItemText } from '../../../components/ItemText';

const KIND: Record<string, string> = { admission: '准予入库通知书', removal: '移出轮候库通知', cancellation: '撤销资格通知', lapse: '轮候资格失效通知' };

/** Every notice issued to the family (admission, removal …) with its PDF. */
export function Notices({ app }: { app: Application }) {
  const { message } = App.useApp();
  const notices = app.notices ?? [];
  if (notices.length === 0) return null;
  const get = async (pdf: string, name: string) => {
    try {
      await download(pdf, name);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>通知书</h2>} style={{ marginBottom: 12 }}>
      <List
        dataSource={notices}
        renderItem={(n) => (
          <List.Item
            actions={[
              <Button key="dl" size="small" onClick={() => get(n.pdf, `${KIND[n.kind] ?? '通知'}-${n.noticeNo}.pdf`)} data-testid={`download-notice-${n.noticeNo}`}
                aria-label={`下载${KIND[n.kind] ?? '通知'} ${n.noticeNo}`}>下载</Button>,
            ]}
          >
            <ItemText level={3} title={KIND[n.kind] ?? n.kind} description={<>{n.noticeNo} · {formatDate(n.issuedOn)}{n.reason ? <div>原因：{n.reason}</div> : null}</>} />
          </List.Item>
        )}
      />
    </Card>
  );
}
