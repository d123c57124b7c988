import { Alert, App, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMyRegistrations, useMyTurn, useRefuseTurn } from '../../../api/sale-my';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/law';
import { Countdown } from './Countdown';
import { UnitPicker } from './UnitPicker';
import { unitTitle } from './unitText';

/** 选房: the family's open turn — pick one available unit, or give the turn up. */
export function SelectPage() {
  usePageTitle('选房');
  const nav = useNavigate();
  const { message, modal } = App.useApp();
  const turn = useMyTurn({ refetchInterval: 15_000 });
  const regs = useMyRegistrations();
  const refuse = useRefuseTurn();
  const t = turn.data;
  const registrationId = t?.registrationId
    ?? regs.data?.find((r) => r.turn?.open && (!t?.projectId || r.project.id === t.projectId))?.id;
  const closed = t?.closesAt ? Date.parse(t.closesAt) <= Date.now() : false;
  const live = t?.selection && t.selection.status !== 'released' ? t.selection : undefined;
  const held = live && (!live.projectId || live.projectId === t?.projectId) ? live : undefined;
  // 第十一条: one home per family — a unit held in another project ends the choice here.
  const heldElsewhere = live && !held ? live : undefined;
  const canPick = Boolean(t?.open) && !closed && !live;
  // After choosing and before a contract the turn can still be given up; the unit goes back.
  const canRefuse = canPick || (held?.status === 'locked' && held.kind !== 'rolling');

  const onRefuse = () =>
    modal.confirm({
      title: '放弃本次选房？',
      content: held
        ? '放弃后已选房源将被释放，本批次不能再选房；您仍可参加其他项目的认购。'
        : '放弃后本批次不能再选房；您仍可参加其他项目的认购。',
      okText: '确认放弃', cancelText: '取消', okButtonProps: { danger: true, 'data-testid': 'refuse-turn-ok' } as never,
      onOk: async () => {
        if (!registrationId) return;
        try {
          await refuse.mutateAsync(registrationId);
          message.success('已放弃本次选房');
          nav('/my/sale');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  if (turn.isLoading) return <Spin aria-label="加载中" style={{ display: 'block', margin: 48 }} />;
  if (!t) {
    return (
      <div className="qc-narrow">
        <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>选房</Typography.Title>
        <ErrorAlert error={turn.error} />
        {!turn.error && (
          <Result status="info" title="当前没有轮到您的选房批次" data-testid="no-turn"
            subTitle="摇号后按名次分批通知选房，轮到您时会收到消息通知。"
            extra={<LinkButton to="/my/sale" type="primary">返回我的认购</LinkButton>} />
        )}
      </div>
    );
  }
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>选房{t.projectName ? ` · ${t.projectName}` : ''}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="turn-info">
        <Space wrap size={[16, 4]}>
          <span>第 {t.batchNo ?? '—'} 批</span>
          {t.rank !== undefined && <span>摇号名次 第 {t.rank} 名</span>}
          {canPick && <span>剩余时间 <Countdown until={t.closesAt} testId="turn-countdown" onEnd={() => void turn.refetch()} /></span>}
          <span style={{ color: 'rgba(0,0,0,0.65)' }}>截止 {formatDateTime(t.closesAt)}</span>
        </Space>
      </Card>
      {held && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="turn-selected"
          title={`您已选定 ${unitTitle(held.unit)}`}
          description="请在签约期限内生成并签订购房合同。"
          action={<LinkButton to={`/my/sale/contract/${held.id}`} type="primary" data-testid="go-contract">{held.status === 'signed' ? '查看合同' : '去签约'}</LinkButton>} />
      )}
      {heldElsewhere && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="held-elsewhere"
          title={`您已在其他项目选定 ${unitTitle(heldElsewhere.unit)}`}
          description="每个家庭只能购买1套住房（第十一条），不能在本项目再选房。"
          action={<LinkButton to={`/my/sale/contract/${heldElsewhere.id}`}>查看</LinkButton>} />
      )}
      {!live && t.outcome === 'refused' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您已放弃本次选房" />}
      {!live && t.outcome !== 'refused' && (closed || !t.open) && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="本批次选房时间已截止" />}
      {canPick && <Typography.Paragraph>点击绿色的“可选”房源查看详情和价格，确认后为您锁定。每个家庭只能选定1套。</Typography.Paragraph>}
      <h2 style={{ fontSize: 17, margin: '12px 0 8px' }}>房源</h2>
      <UnitPicker grid={t.grid} disabled={!canPick} refresh={() => turn.refetch()}
        onPicked={(s, unit) => nav(`/my/sale/contract/${s.id}`, { state: { unit, projectName: t.projectName } })} />
      {canRefuse && <div style={{ marginTop: 16 }}>
        <Button danger onClick={onRefuse} disabled={!registrationId} loading={refuse.isPending} data-testid="refuse-turn">{held ? '放弃已选房源' : '放弃本次选房'}</Button>
      </div>}
    </div>
  );
}
