import { Card, Timeline } from 'antd';
import type { AppEvent } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { STATUS } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';

const KIND: Record<string, string> = {
  created: '创建草稿', submitted: '提交申请', approved: '审核通过，纳入轮候库', returned: '退回补正', rejected: '不予通过',
  change_requested: '申请变更信息', change_approved: '变更审核通过', change_rejected: '变更未通过', withdrawn: '退出轮候库',
  confirmed: '确认信息', lapsed: '轮候资格失效', removed: '移出轮候库', cancelled: '撤销资格', reminded: '提醒确认信息',
};

/** What happened to an application, oldest first. */
export function History({ events }: { events: AppEvent[] }) {
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理记录</h2>} style={{ marginBottom: 12 }}>
      <Timeline
        items={events.map((e, i) => ({
          key: i,
          content: (
            <>
              <div>{KIND[e.kind] ?? (e.toStatus ? STATUS[e.toStatus]?.label : undefined) ?? e.kind}</div>
              <div style={{ color: 'rgba(0,0,0,0.7)' }}>{formatDateTime(e.at)}</div>
              {e.reason && <div>原因：{e.reason}</div>}
              {e.article && <div>依据：<ArticleLink article={e.article} /></div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
