import { Alert, Breadcrumb, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useDistrictName, useMe } from '../../../api/queries';
import { useStaffApplication } from '../../../api/staff';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag, WaitlistTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../../lib/law';
import { History } from '../../my/status/History';
import { DataChecks } from './DataChecks';
import { FamilyData } from './FamilyData';
import { StaffActions } from './StaffActions';
import { VerdictPanel } from './VerdictPanel';

/** Full record of one application for review: family data, department checks, the rule's verdict and trace, actions. */
export function DetailPage() {
  const { id } = useParams();
  const { data: me } = useMe();
  const { data: app, isLoading, error } = useStaffApplication(id);
  const district = useDistrictName();
  usePageTitle(app?.regCode ? `申请 ${app.regCode}` : '申请详情');
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/staff/queue">审核队列</Link> }, { title: app?.regCode ?? '申请详情' }]} />
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>申请详情 {app?.regCode}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="audited-read-notice"
        title="本次查阅完整个人信息已记入审计日志" description="请仅为审核工作需要查阅，不得泄露申请家庭的个人信息。" />
      <ErrorAlert error={error} />
      {isLoading && <Spin aria-label="加载中" />}
      {app && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space wrap style={{ marginBottom: 8 }}>
              <StatusTag status={app.status} testId="staff-application-status" />
              {app.waitlist && <WaitlistTag status={app.waitlist.status} />}
              {app.pendingChange && <Tag color="processing">变更申请待审核</Tag>}
            </Space>
            <Descriptions size="small" column={3} items={[
              { key: 'r', label: '登记编号', children: app.regCode ?? '—' },
              { key: 'd', label: '区县', children: app.districtName ?? district(app.districtCode) },
              { key: 's', label: '提交时间', children: formatDateTime(app.submittedAt) },
              ...(app.admittedOn ? [{ key: 'a', label: '入库日期', children: formatDate(app.admittedOn) }] : []),
              ...(app.noticeNo ? [{ key: 'n', label: '通知书编号', children: app.noticeNo }] : []),
              ...(app.waitlist?.deadline ? [{ key: 'w', label: '确认截止日', children: formatDate(app.waitlist.deadline) }] : []),
            ]} />
            {app.changeReason && app.pendingChange && <Alert type="warning" showIcon title="变更申请（第九条）" description={`变更原因：${app.changeReason}`} />}
            {app.closedReason && <Alert type="error" showIcon title="办结原因" description={app.closedReason} />}
          </Card>
          <StaffActions app={app} readOnly={me?.role === 'auditor'} />
          <VerdictPanel verdict={app.verdict} overrides={app.overrides ?? []} />
          <DataChecks checks={app.checks ?? []} members={app.form?.members ?? []} />
          {app.form && <FamilyData form={app.form} />}
          {(app.events?.length ?? 0) > 0 && <History events={app.events!} />}
        </>
      )}
    </>
  );
}
