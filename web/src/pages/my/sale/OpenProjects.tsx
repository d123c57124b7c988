import { Alert, App, Button, Card, Descriptions, Empty, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type MySaleProject, useRegisterForProject } from '../../../api/sale-my';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { REGISTRATION_STATUS } from '../../../lib/labels';
import { formatFen } from '../../sale-public/money';
import { SaleWindow } from '../../sale-public/SaleWindow';
import { usePayDeposit } from './usePayDeposit';

/** Projects open for registration, each with 我要认购 or 支付认购金 (第十一条). */
export function OpenProjects({ projects, canRegister }: { projects: MySaleProject[]; canRegister: boolean }) {
  const { message } = App.useApp();
  const register = useRegisterForProject();
  const { pay, pending } = usePayDeposit();
  const [asking, setAsking] = useState<MySaleProject | null>(null);

  const onRegister = async () => {
    if (!asking?.id) return;
    try {
      const reg = await register.mutateAsync(asking.id);
      setAsking(null);
      message.success(`已登记（登记号 ${reg.regNo ?? '—'}），请缴纳认购金`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (projects.length === 0) return <Empty description="当前没有处于认购登记期的项目" />;
  return (
    <>
      {projects.map((p) => {
        const reg = p.registration;
        const rs = reg ? REGISTRATION_STATUS[reg.status] ?? { label: reg.status, color: 'default' } : null;
        return (
          <Card key={p.code} size="small" style={{ marginBottom: 12 }} data-testid={`sale-project-${p.code}`}
            title={<h3 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.name}</h3>}
            extra={rs && <Tag color={rs.color} data-testid="sale-project-registration">{rs.label}</Tag>}>
            <Descriptions column={1} size="small" styles={{ label: { width: 84 } }} items={[
              { key: 'w', label: '登记时间', children: <SaleWindow opensAt={p.opensAt} closesAt={p.closesAt} /> },
              { key: 'd', label: '认购金', children: formatFen(p.depositFen) },
              ...(p.unitsOffered !== undefined ? [{ key: 'u', label: '房源', children: `${p.unitsOffered} 套` }] : []),
              ...(reg?.regNo ? [{ key: 'r', label: '登记号', children: reg.regNo }] : []),
            ]} />
            <Space wrap style={{ marginTop: 8 }}>
              {!reg && (
                <Button type="primary" disabled={!canRegister || !p.id} onClick={() => setAsking(p)} data-testid="register">我要认购</Button>
              )}
              {reg?.status === 'pending_payment' && (
                <Button type="primary" onClick={() => pay(reg.id)} loading={pending === reg.id} data-testid="pay">支付认购金</Button>
              )}
              <Link to={`/projects/${encodeURIComponent(p.code)}`}>配售通告与房源</Link>
            </Space>
          </Card>
        );
      })}
      <Modal open={Boolean(asking)} title="认购登记" onCancel={() => setAsking(null)} onOk={onRegister}
        okText="确认登记" cancelText="取消" okButtonProps={{ loading: register.isPending, 'data-testid': 'register-ok' } as never}>
        {asking && (
          <>
            <Typography.Paragraph>
              您将登记认购 <strong>{asking.name}</strong>，登记后需缴纳认购金 <strong>{formatFen(asking.depositFen)}</strong>，
              缴纳成功后进入该项目摇号排序库（<ArticleLink article="第十一条" />）。
            </Typography.Paragraph>
            <Alert type="info" showIcon title="认购金可折抵购房款；配售结束未签约的，认购金全额退还。" />
          </>
        )}
      </Modal>
    </>
  );
}
