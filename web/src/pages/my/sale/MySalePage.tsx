import { Alert, App, Empty, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMyApplications } from '../../../api/my';
import { useMyLiveSelection, useMyRegistrations, useMySaleProjects, useMyTurn } from '../../../api/sale-my';
import { usePublicProjects } from '../../../api/sale-public';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { usePageTitle } from '../../../components/usePageTitle';
import { Countdown } from './Countdown';
import { OpenProjects } from './OpenProjects';
import { RegistrationCard } from './RegistrationCard';

const h2 = { fontSize: 18, margin: '20px 0 8px' } as const;

/**
 * 我的认购: open projects to register for, the family's registrations with 认购金, ranks,
 * turns, units and contracts, and the one-home rule of 第十一条.
 */
export function MySalePage() {
  usePageTitle('我的认购');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const apps = useMyApplications();
  const open = useMySaleProjects();
  const regs = useMyRegistrations();
  const turn = useMyTurn({ refetchInterval: 30_000 });
  const live = useMyLiveSelection();
  const pub = usePublicProjects();
  const admitted = (apps.data ?? []).some((a) => a.status === 'admitted' || a.status === 'approved');
  const purchased = (apps.data ?? []).some((a) => (a.status as string) === 'purchased');
  const rolling = (pub.data ?? []).filter((p) => p.status === 'rolling');

  // Back from the bank: the callback has been booked by the time the bank page returns.
  const paid = params.get('paid');
  useEffect(() => {
    if (!paid) return;
    message.success('认购金支付完成，登记状态已更新');
    void regs.refetch();
    void open.refetch();
    setParams((p) => { p.delete('paid'); return p; }, { replace: true });
  }, [paid]); // once per return from the bank

  const loading = open.isLoading || regs.isLoading;
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>我的认购</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="one-home-rule"
        title="可以同时登记多个项目，但每个家庭只能购买1套住房"
        description={<>在任一项目签约后，您在其他项目的登记自动关闭，认购金原路退还；签约项目的认购金折抵购房款（<ArticleLink article="第十一条" />）。</>} />
      {turn.data?.open && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="my-turn"
          title={<>轮到您选房了{turn.data.batchNo ? `（第 ${turn.data.batchNo} 批）` : ''}</>}
          description={<>{turn.data.projectName ?? ''} 选房剩余时间 <Countdown until={turn.data.closesAt} testId="my-turn-countdown" onEnd={() => void turn.refetch()} />，逾时视为未到场。</>}
          action={<LinkButton to="/my/sale/select" type="primary" data-testid="go-select">去选房</LinkButton>} />
      )}
      {purchased && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="purchased"
          title="您的家庭已签约购房" description="每个家庭限购1套，不能再认购其他项目（第五条、第十一条）。" />
      )}
      {!apps.isLoading && !admitted && !purchased && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="not-admitted"
          title="纳入轮候库后才能认购登记"
          description={<>轮候家庭按项目认购登记（<ArticleLink article="第十一条" />）。请先提交入库申请并通过审核。</>}
          action={<LinkButton to="/my">我的申请</LinkButton>} />
      )}
      <ErrorAlert error={open.error ?? regs.error} />
      {loading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}

      <h2 style={h2}>可认购项目</h2>
      {!open.isLoading && <OpenProjects projects={open.data ?? []} canRegister={admitted && !purchased} />}

      {rolling.length > 0 && !purchased && (
        <>
          <h2 style={h2}>常态化配售</h2>
          <Typography.Paragraph>
            以下项目配售后仍有剩余房源，向轮候家庭常态化配售，无需摇号，先选先得（<ArticleLink article="第十六条" />）。
          </Typography.Paragraph>
          {rolling.map((p) => (
            <div key={p.code} style={{ marginBottom: 8 }}>
              <LinkButton to={`/my/sale/rolling?project=${encodeURIComponent(p.code)}`} block data-testid={`rolling-${p.code}`}>
                {p.name}{p.unitsAvailable !== undefined ? `（剩余 ${p.unitsAvailable} 套）` : ''}
              </LinkButton>
            </div>
          ))}
        </>
      )}

      {live.data && live.data.kind === 'rolling' && (
        <Alert type="info" showIcon style={{ marginTop: 16 }} data-testid="rolling-held"
          title={`您已在常态化配售中选定 ${live.data.unit?.buildingName ?? ''} ${live.data.unit?.number ?? ''} 室`}
          description={<LinkButton to={`/my/sale/contract/${live.data.id}`} type="primary" data-testid="go-contract">
            {live.data.status === 'signed' ? '查看合同' : '填写付款方式并生成合同'}</LinkButton>} />
      )}

      <h2 style={h2}>我的登记</h2>
      {!regs.isLoading && (regs.data ?? []).length === 0 && <Empty description="还没有认购登记" />}
      {(regs.data ?? []).map((r) => <RegistrationCard key={r.id} reg={r} />)}
    </div>
  );
}
