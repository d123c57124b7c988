import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useLocation, useParams } from 'react-router-dom';
import { download } from '../../../api/client';
import { type HeldUnit, type MyContract, useGenerateContract, useMyContracts, useMyLiveSelection, useMyRegistrations, useMyTurn, useSignContract } from '../../../api/sale-my';
import { ArticleLink } from '../../../components/ArticleLink';
import { DialogArticleLink } from './DialogArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { usePageTitle } from '../../../components/usePageTitle';
import { CONTRACT_STATUS, LOAN_TYPE } from '../../../lib/labels';
import { formatDate, formatDateTime } from '../../../lib/law';
import { formatArea, formatFen } from '../../sale-public/money';
import { ContractForm } from './ContractForm';
import { unitTitle } from './unitText';

type NavState = { unit?: HeldUnit; projectName?: string } | null;

/**
 * 合同: choose the loan type and down payment (第十三条), generate the contract from the model
 * text (第十四条), read the PDF, then sign — which credits the 认购金 and closes the family's
 * other registrations with refunds (第十一条).
 */
export function ContractPage() {
  usePageTitle('购房合同');
  const { selectionId } = useParams();
  const state = useLocation().state as NavState;
  const { message, modal } = App.useApp();
  const contracts = useMyContracts();
  const regs = useMyRegistrations();
  const turn = useMyTurn();
  const live = useMyLiveSelection();
  const generate = useGenerateContract();
  const sign = useSignContract();

  const reg = regs.data?.find((r) => r.selection?.id === selectionId);
  const contract: MyContract | undefined = contracts.data?.find((c) => c.selectionId === selectionId) ?? reg?.contract;
  const turnSel = turn.data?.selection?.id === selectionId ? turn.data?.selection : undefined;
  // Each source knows part of the unit (the registration list only its number and price): merge them.
  const liveSel = live.data?.id === selectionId ? live.data : undefined;
  const unit = mergeUnits(state?.unit, turnSel?.unit, reg?.selection?.unit, liveSel?.unit, contract?.unit);
  const priceFen = contract?.priceFen ?? unit?.priceFen ?? undefined;
  const heldFen = reg?.heldFen;
  const projectName = contract?.projectName ?? reg?.project.name ?? (turnSel ? turn.data?.projectName : undefined) ?? state?.projectName;
  const otherHeld = (regs.data ?? []).filter((r) => r.id !== reg?.id && (r.status === 'registered' || r.status === 'pending_payment'));

  const onGenerate = async (v: { loanType: string; downPaymentFen: number }) => {
    try {
      await generate.mutateAsync({ selectionId: selectionId!, ...v });
      message.success('合同已生成，请阅读后签约');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const onDownload = async (c: MyContract) => {
    try {
      await download(`/api/my/contracts/${c.id}/contract.pdf`, `购房合同-${c.contractNo ?? c.id}.pdf`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const onSign = (c: MyContract) =>
    modal.confirm({
      title: '确认签订购房合同？',
      width: 480,
      content: (
        <div data-testid="sign-explain">
          <p>签约后合同生效，房源为您家庭购买，不可再选其他房源。</p>
          <ul style={{ paddingInlineStart: 18 }}>
            <li>本项目已缴认购金 {formatFen(heldFen ?? c.depositCreditedFen)} 折抵购房款（<DialogArticleLink article="第十一条" />）。</li>
            <li>每个家庭只能购买1套住房：您在其他项目的认购登记{otherHeld.length ? `（${otherHeld.length} 个）` : ''}将自动关闭，已缴认购金原路退还（<DialogArticleLink article="第十一条" />）。</li>
            <li>所购住房实行封闭管理，不得上市交易，退出只能通过轮候家庭内部流转或政府回购（<DialogArticleLink article="第二十四条" />）。</li>
          </ul>
        </div>
      ),
      okText: '确认签约', cancelText: '取消', okButtonProps: { 'data-testid': 'sign-contract-ok' } as never,
      onOk: async () => {
        try {
          await sign.mutateAsync(c.id);
          message.success('签约成功');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  if (contracts.isLoading || regs.isLoading) return <Spin aria-label="加载中" style={{ display: 'block', margin: 48 }} />;
  const title = <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>购房合同{projectName ? ` · ${projectName}` : ''}</Typography.Title>;

  if (contract?.status === 'signed') {
    return (
      <div className="qc-narrow">
        {title}
        <Result status="success" title="已签约" data-testid="contract-signed"
          subTitle={<>合同编号 <strong data-testid="contract-no">{contract.contractNo}</strong>，签约时间 {formatDateTime(contract.signedAt)}</>}
          extra={<Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => onDownload(contract)} data-testid="contract-pdf">下载合同 PDF</Button>
            <LinkButton to="/my/sale">返回我的认购</LinkButton>
          </Space>} />
        <Summary c={contract} unit={unit} />
      </div>
    );
  }
  return (
    <div className="qc-narrow">
      {title}
      <ErrorAlert error={contracts.error ?? regs.error} />
      {contract?.status === 'lapsed' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="合同已逾期失效，房源已释放" />
      )}
      <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>所选房源</h2>}>
        <Descriptions column={1} size="small" items={[
          { key: 'u', label: '房源', children: <span data-testid="contract-unit">{unitTitle(unit)}</span> },
          { key: 'a', label: '建筑面积', children: unit?.area ? formatArea(unit.area) : '—' },
          { key: 'l', label: '户型 / 朝向', children: [unit?.layout, unit?.orientation].filter(Boolean).join(' · ') || '—' },
          { key: 'p', label: '总价', children: <strong data-testid="contract-price">{formatFen(priceFen)}</strong> },
        ]} />
      </Card>
      {contract?.status === 'generated' && (
        <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>合同</h2>} data-testid="contract-generated"
          extra={<Tag color={CONTRACT_STATUS.generated.color}>{CONTRACT_STATUS.generated.label}</Tag>}>
          <Summary c={contract} unit={unit} />
          <Typography.Paragraph>
            合同依据市住房城乡建设部门公布的示范文本生成，载明房屋状况、房价款和支付方式、交付、不动产登记、物业服务、售后管理和违约责任（<ArticleLink article="第十四条" />）。
            请于 <strong data-testid="contract-deadline">{formatDate(contract.deadlineOn)}</strong> 前签约，逾期房源将被释放。
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => onDownload(contract)} data-testid="contract-pdf">查看合同 PDF</Button>
            <Button type="primary" size="large" onClick={() => onSign(contract)} loading={sign.isPending} data-testid="sign-contract">签约</Button>
          </Space>
        </Card>
      )}
      {priceFen === undefined || priceFen === null ? (
        <Alert type="warning" showIcon title="未找到该选房记录" description="请从“我的认购”进入。" action={<LinkButton to="/my/sale">我的认购</LinkButton>} />
      ) : contract?.status !== 'lapsed' && (
        <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{contract ? '修改付款方式' : '付款方式与首付款'}</h2>}>
          {/* The registration list knows a contract only in short; the form starts again once the full contract (its down payment) is read. */}
          <ContractForm key={`${contract?.id ?? 'new'}-${contract?.downPaymentFen ?? ''}`} priceFen={priceFen} heldFen={heldFen} submitting={generate.isPending} serverError={generate.error}
            initial={contract ? { loanType: contract.loanType, downPaymentFen: contract.downPaymentFen } : undefined}
            submitLabel={contract ? '重新生成合同' : '生成合同'} onSubmit={onGenerate} />
        </Card>
      )}
    </div>
  );
}

function Summary({ c, unit }: { c: MyContract; unit?: HeldUnit }) {
  return (
    <Descriptions column={1} size="small" style={{ marginBottom: 12 }} data-testid="contract-summary" items={[
      { key: 'no', label: '合同编号', children: <span data-testid="contract-no-generated">{c.contractNo ?? '—'}</span> },
      { key: 'u', label: '房源', children: unitTitle(c.unit ?? unit) },
      { key: 'p', label: '房价款', children: formatFen(c.priceFen) },
      { key: 'lt', label: '付款方式', children: LOAN_TYPE[c.loanType ?? ''] ?? c.loanType ?? '—' },
      { key: 'd', label: '首付款', children: formatFen(c.downPaymentFen) },
      { key: 'l', label: '贷款金额', children: formatFen(c.loanFen) },
      ...(c.depositCreditedFen ? [{ key: 'dc', label: '认购金折抵', children: formatFen(c.depositCreditedFen) }] : []),
      ...(c.maintenanceFundDueFen ? [{
        key: 'mf', label: '应缴维修资金',
        children: <span data-testid="contract-maintenance-fund">{formatFen(c.maintenanceFundDueFen)}（按回购时退还的数额缴存，<DialogArticleLink article="第三十条" />）</span>,
      }] : []),
    ]} />
  );
}

/** The defined fields of each, later ones winning; undefined when none is known. */
function mergeUnits(...units: (HeldUnit | undefined)[]): HeldUnit | undefined {
  const known = units.filter((u): u is HeldUnit => Boolean(u));
  if (known.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const u of known) for (const [k, v] of Object.entries(u)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out as HeldUnit;
}
