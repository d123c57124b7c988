import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type MyRegistration, useWithdrawRegistration } from '../../../api/sale-my';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { CONTRACT_STATUS, REGISTRATION_STATUS, SELECTION_STATUS } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';
import { formatFen } from '../../sale-public/money';
import { Countdown } from './Countdown';
import { unitTitle } from './unitText';
import { usePayDeposit } from './usePayDeposit';

const tag = (m: Record<string, { label: string; color: string }>, s: string, testId?: string) => {
  const v = m[s] ?? { label: s, color: 'default' };
  return <Tag color={v.color} data-testid={testId}>{v.label}</Tag>;
};

/** One registration: status, 认购金 held, rank and pool after the draw, turn, unit, contract. */
export function RegistrationCard({ reg }: { reg: MyRegistration }) {
  const { message, modal } = App.useApp();
  const { pay, pending } = usePayDeposit();
  const withdraw = useWithdrawRegistration();
  // Withdrawal is possible until the list is frozen, which happens only after the window closes.
  const windowOpen = !reg.windowClosesAt || Date.now() < Date.parse(reg.windowClosesAt);
  const canWithdraw = (reg.status === 'pending_payment' || reg.status === 'registered') && reg.rank === undefined && !reg.selection && windowOpen;

  const onWithdraw = () =>
    modal.confirm({
      title: '撤回认购登记',
      content: reg.status === 'registered'
        ? '撤回后退出该项目摇号排序库，已缴纳的认购金原路退还，且不能再次登记本项目。'
        : '撤回后该登记作废，且不能再次登记本项目。',
      okText: '确认撤回', cancelText: '取消', okButtonProps: { danger: true, 'data-testid': 'withdraw-registration-ok' } as never,
      onOk: async () => {
        try {
          await withdraw.mutateAsync(reg.id);
          message.success('已撤回登记');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const sel = reg.selection?.status !== 'released' ? reg.selection : undefined;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`registration-${reg.regNo ?? reg.id}`}
      title={<h3 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{reg.project.name ?? '配售项目'}</h3>}
      extra={tag(REGISTRATION_STATUS, reg.status, 'registration-status')}>
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }} items={[
        { key: 'no', label: '登记号', children: reg.regNo ?? '—' },
        { key: 'dep', label: '认购金', children: formatFen(reg.depositFen) },
        { key: 'held', label: '已缴未退', children: <span data-testid="registration-held">{formatFen(reg.heldFen ?? 0)}</span> },
        ...(reg.refundPendingFen ? [{ key: 'rp', label: '退款中', children: <span data-testid="registration-refund-pending">{formatFen(reg.refundPendingFen)}（已申请退款，等待银行到账）</span> }] : []),
        ...(reg.creditedFen ? [{ key: 'cf', label: '已折抵房款', children: <span data-testid="registration-credited">{formatFen(reg.creditedFen)}</span> }] : []),
        ...(!reg.refundPendingFen && reg.refundedFen ? [{ key: 'rf', label: '已退还', children: formatFen(reg.refundedFen) }] : []),
        ...(reg.rank !== undefined ? [{
          key: 'rank', label: '摇号名次',
          children: <span data-testid="registration-rank">第 {reg.rank} 名{reg.pool ? `（${reg.pool} 组）` : ''}</span>,
        }] : []),
        ...(reg.turn ? [{
          key: 'turn', label: '选房批次',
          children: (
            <span data-testid="registration-turn">
              第 {reg.turn.batchNo ?? '—'} 批
              {reg.turn.open ? <> · 剩余 <Countdown until={reg.turn.closesAt} /></> : reg.turn.outcome ? ` · ${outcomeText(reg.turn.outcome)}` : ''}
              {reg.turn.closesAt && <div style={{ color: 'rgba(0,0,0,0.65)' }}>截止 {formatDateTime(reg.turn.closesAt)}</div>}
            </span>
          ),
        }] : []),
        ...(sel ? [{ key: 'sel', label: '所选房源', children: <span data-testid="registration-unit">{unitTitle(sel.unit)} {tag(SELECTION_STATUS, sel.status)}</span> }] : []),
        ...(reg.contract ? [{ key: 'c', label: '合同', children: <span>{reg.contract.contractNo ?? '—'} {tag(CONTRACT_STATUS, reg.contract.status)}</span> }] : []),
        ...(reg.closedReason ? [{ key: 'cr', label: '说明', children: reg.closedReason }] : []),
      ]} />
      {reg.status === 'closed' && (
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)', margin: '8px 0 0' }}>
          您的家庭已在其他项目签约，每个家庭只能购买1套住房，本项目登记已关闭，认购金退还（<ArticleLink article="第十一条" />）。
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {reg.status === 'pending_payment' && (
          <Button type="primary" onClick={() => pay(reg.id)} loading={pending === reg.id} data-testid="pay">支付认购金</Button>
        )}
        {reg.turn?.open && !sel && <LinkButton to="/my/sale/select" type="primary" data-testid="go-select">去选房</LinkButton>}
        {sel && sel.status === 'locked' && (
          <LinkButton to={`/my/sale/contract/${sel.id}`} type="primary" data-testid="go-contract">
            {reg.contract?.status === 'generated' ? '查看并签约' : '生成购房合同'}
          </LinkButton>
        )}
        {sel && sel.status === 'signed' && <LinkButton to={`/my/sale/contract/${sel.id}`} data-testid="go-contract">查看合同</LinkButton>}
        {reg.drawId && <Link to={`/lottery/${encodeURIComponent(reg.drawId)}`}>摇号名次公示</Link>}
        {reg.project.code && <Link to={`/projects/${encodeURIComponent(reg.project.code)}`}>项目详情</Link>}
        {canWithdraw && <Button danger type="text" onClick={onWithdraw} data-testid="withdraw-registration">撤回登记</Button>}
      </Space>
    </Card>
  );
}

function outcomeText(o: string): string {
  return ({ waiting: '待选房', selected: '已选房', refused: '已放弃本次选房', no_show: '未在时限内选房' } as Record<string, string>)[o] ?? o;
}
