import { BellOutlined, HomeOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMyApplications } from '../../api/my';
import { useDistrictName } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { CategoryText, StatusTag, WaitlistTag } from '../../components/Tags';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/law';

// A family that bought (purchased) stays in active_persons: it cannot apply again (第五条 限购1套).
const ACTIVE = ['draft', 'submitted', 'returned', 'admitted', 'approved', 'purchased'];

/** The family's applications with their status; start a new one when none is active. */
export function MyApplicationsPage() {
  usePageTitle('我的申请');
  const { data, isLoading, error } = useMyApplications();
  const district = useDistrictName();
  const hasActive = (data ?? []).some((a) => ACTIVE.includes(a.status));
  return (
    <div className="qc-narrow">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>我的申请</Typography.Title>
        <Link to="/my/notifications" data-testid="my-notifications"><BellOutlined aria-hidden /> 消息通知</Link>
      </Space>
      <ErrorAlert error={error} />
      {(data ?? []).some((a) => ['admitted', 'approved', 'purchased'].includes(a.status)) && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="my-sale-card">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <span><HomeOutlined aria-hidden /> 项目认购、摇号名次、选房与签约</span>
            <LinkButton to="/my/sale" type="primary" data-testid="my-sale">我的认购</LinkButton>
          </Space>
        </Card>
      )}
      {(data ?? []).some((a) => ['purchased'].includes(a.status)) && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="my-home-card">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <span><KeyOutlined aria-hidden /> 不动产权证、维修资金与退出申请</span>
            <LinkButton to="/my/home" type="primary" data-testid="my-home">我的住房</LinkButton>
          </Space>
        </Card>
      )}
      {(data ?? []).some((a) => ['admitted', 'approved'].includes(a.status)) && (
        <Link to="/my/transfer-offers" data-testid="my-transfer-offers" style={{ display: 'block', marginBottom: 12 }}>
          内部流转房源（已购房家庭退出的住房，向轮候家庭流转）
        </Link>
      )}
      {!hasActive && !isLoading && (
        <LinkButton to="/my/new" type="primary" size="large" block icon={<PlusOutlined />} data-testid="new-application" style={{ marginBottom: 12 }}>
          新建入库申请
        </LinkButton>
      )}
      {isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {!isLoading && (data ?? []).length === 0 && <Empty description="还没有申请" />}
      {(data ?? []).map((a) => (
          <Card key={a.id} size="small" style={{ marginBottom: 12 }} data-testid={`my-application-${a.regCode ?? a.id}`}
            title={<span>{a.regCode ? `登记编号 ${a.regCode}` : '入库申请'}</span>}
            extra={<StatusTag status={a.status} testId="my-application-status" />}>
            <div>受理区县：{district(a.districtCode)}</div>
            {a.category && <div>申请类别：<CategoryText category={a.category} /></div>}
            {a.admittedOn && <div>入库日期：{formatDate(a.admittedOn)} {a.waitlist && <WaitlistTag status={a.waitlist.status} />}</div>}
            {a.pendingChange && <Tag color="processing">变更审核中</Tag>}
            <div>更新时间：{formatDateTime(a.updatedAt ?? a.submittedAt ?? a.createdAt)}</div>
            <Space style={{ marginTop: 8 }} wrap>
              <Link to={`/my/${a.id}`} data-testid="open-application">查看详情</Link>
              {(a.status === 'draft' || a.status === 'returned') && (
                <Link to={`/my/${a.id}/edit`} data-testid="continue-application">{a.status === 'draft' ? '继续填写' : '修改并重新提交'}</Link>
              )}
            </Space>
          </Card>
      ))}
    </div>
  );
}
