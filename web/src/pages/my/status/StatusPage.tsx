import { Alert, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useMyApplication, useMyNotifications } from '../../../api/my';
import { useDistrictName } from '../../../api/queries';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { Reasons } from '../../../components/Reasons';
import { CategoryText, PriorityTags, StatusTag, WaitlistTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../../lib/law';
import { NotificationList } from '../NotificationsPage';
import { AdmittedActions } from './AdmittedActions';
import { History } from './History';
import { Notices } from './Notices';

const ADMITTED = ['admitted', 'approved'];
const CLOSED_TITLE: Record<string, string> = { rejected: '不予通过的原因', cancelled: '撤销资格的原因（第三十一条）', removed: '移出轮候库的原因（第九条）', withdrawn: '退出原因' };

/** Status of one application: where it stands, the priority flags and why, and what the family can do. */
export function StatusPage() {
  const { id } = useParams();
  const { data: app, isLoading, error } = useMyApplication(id);
  const { data: notes } = useMyNotifications();
  const district = useDistrictName();
  usePageTitle('申请状态');
  // the h1 comes first in every state (loading, error), so the page always has its heading
  const title = <Typography.Title level={1} style={{ fontSize: 22 }}>申请状态</Typography.Title>;
  if (isLoading) return <div className="qc-narrow">{title}<Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" /></div>;
  if (!app) return <div className="qc-narrow">{title}<ErrorAlert error={error ?? new Error('not found')} /></div>;
  const admitted = ADMITTED.includes(app.status);
  const v = app.verdict;
  return (
    <div className="qc-narrow">
      {title}
      <Card style={{ marginBottom: 12 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <StatusTag status={app.status} testId="application-status" />
          {app.pendingChange && <Tag color="processing" data-testid="change-pending">变更审核中</Tag>}
        </Space>
        <Descriptions column={1} size="small" items={[
          { key: 'r', label: '登记编号', children: <span data-testid="reg-code">{app.regCode ?? '提交后生成'}</span> },
          { key: 'd', label: '受理区县', children: district(app.districtCode) },
          { key: 'c', label: '申请类别', children: <CategoryText category={app.category} /> },
          { key: 'p', label: '优先情形', children: <span data-testid="priority-flags"><PriorityTags priority={app.priority} linked /></span> },
          ...(app.submittedAt ? [{ key: 's', label: '提交时间', children: formatDateTime(app.submittedAt) }] : []),
          ...(app.admittedOn ? [{ key: 'a', label: '入库日期', children: formatDate(app.admittedOn) }] : []),
          ...(app.noticeNo ? [{ key: 'n', label: '通知书编号', children: app.noticeNo }] : []),
          // 第八条 status and dates are the server's, decided on the platform's date
          ...(app.waitlist && admitted ? [
            { key: 'ws', label: '轮候状态', children: <span data-testid="waitlist-status"><WaitlistTag status={app.waitlist.status} /></span> },
            ...(app.waitlist.deadline ? [{ key: 'w', label: '信息确认截止日', children: <span data-testid="confirm-deadline">{formatDate(app.waitlist.deadline)}</span> }] : []),
            ...(app.waitlist.remindFrom ? [{ key: 'wr', label: '确认提醒开始日', children: formatDate(app.waitlist.remindFrom) }] : []),
          ] : []),
        ]} />
        {app.status === 'submitted' && <Alert type="info" showIcon title="申请已提交，正在进行部门数据核查和区县审核。" />}
        {app.status === 'returned' && app.decisionReason && (
          <Alert type="warning" showIcon title="退回补正原因" description={app.decisionReason} />
        )}
        {['rejected', 'cancelled', 'removed', 'withdrawn'].includes(app.status) && (app.closedReason ?? app.decisionReason) && (
          <Alert type={app.status === 'withdrawn' ? 'info' : 'error'} showIcon title={CLOSED_TITLE[app.status]} description={app.closedReason ?? app.decisionReason}
            data-testid="closed-reason" />
        )}
        {app.pendingChange && (
          <Alert type="info" showIcon style={{ marginTop: 8 }} title="变更申请审核中"
            description={<>审核期间保留轮候资格（<ArticleLink article="第九条" />）。{app.changeReason ? `变更原因：${app.changeReason}` : ''}</>} />
        )}
        {app.status === 'lapsed' && (
          <Alert type="warning" showIcon title="未在期限内确认信息，轮候资格已失效"
            description={<>轮候资格失效的家庭可重新提交入库申请（<ArticleLink article="第八条" />）。</>} />
        )}
        <Space wrap style={{ marginTop: 12 }}>
          {app.status === 'draft' && <LinkButton type="primary" to={`/my/${app.id}/edit`} data-testid="continue-application">继续填写</LinkButton>}
          {app.status === 'returned' && <LinkButton type="primary" to={`/my/${app.id}/edit`} data-testid="continue-application">修改并重新提交</LinkButton>}
          {app.status === 'lapsed' && <LinkButton type="primary" to="/my/new">重新申请</LinkButton>}
        </Space>
      </Card>
      {admitted && <AdmittedActions app={app} />}
      {v && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>审核依据</h2>} style={{ marginBottom: 12 }}>
          <Typography.Paragraph>每一项条件是否满足及所依据的条文（灰色表示未满足但不影响资格，如优先情形）：</Typography.Paragraph>
          <Reasons reasons={v.reasons} eligible={v.eligible} testId="verdict-reasons" />
        </Card>
      )}
      <Notices app={app} />
      {(app.events?.length ?? 0) > 0 && <History events={app.events!} />}
      {(notes?.length ?? 0) > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>消息通知</h2>}>
          <NotificationList items={notes!.slice(0, 5)} />
        </Card>
      )}
    </div>
  );
}
