/**
 * 第二十四至二十六条: where the family's exit application stands (提交 → 受理 → 签约/挂牌 → 办结),
 * the six-month due date once accepted, and withdrawal while it still waits for acceptance.
 */
import { App, Button, Space, Steps, Typography } from 'antd';
import { type MyExit, useWithdrawExit } from '../../../api/home';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../sale-public/money';
import { ROUTE_TEXT, deadlineText, exitSteps } from './homeText';

/**
 * The steps of one exit, its due date and the withdraw button (submitted only). Past exits
 * (`past`) carry `past-…` test ids, so that the one under way is found without ambiguity.
 */
export function ExitProgress({ exit, past = false }: { exit: MyExit; past?: boolean }) {
  const tid = (name: string) => (past ? `past-${name}` : name);
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawExit();
  const view = exitSteps(exit.route, exit.status);
  const onWithdraw = () =>
    modal.confirm({
      title: '撤回退出申请',
      content: '撤回后本次申请作废，您继续持有该住房；之后仍可重新申请。',
      okText: '确认撤回', cancelText: '取消',
      okButtonProps: { danger: true, 'data-testid': 'withdraw-exit-ok' } as never,
      onOk: async () => {
        try {
          await withdraw.mutateAsync(exit.id);
          message.success('已撤回退出申请');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  return (
    <section data-testid={tid('exit-progress')} aria-label={`退出申请 ${exit.exitNo}`} style={{ marginTop: 12 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <strong>{ROUTE_TEXT[exit.route].label}</strong> · 申请号 {exit.exitNo} · 提交于 {exit.submittedOn}
        {exit.origin === 'multi_unit' && <>（因多套住房退出，<ArticleLink article="第二十二条" />）</>}
        {exit.origin === 'fraud' && <>（责令腾退后回购，<ArticleLink article="第三十一条" />）</>}
      </Typography.Paragraph>
      <Steps size="small" current={view.current} status={view.status} data-testid={tid('exit-steps')}
        orientation="horizontal" titlePlacement="vertical" responsive={false}
        items={view.titles.map((title) => ({ title }))} />
      <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid={tid('exit-status')} data-status={exit.status}>
        {view.note}
        {exit.decisionReason && exit.status === 'refused' && <>：{exit.decisionReason}</>}
      </Typography.Paragraph>
      {exit.dueOn && exit.status !== 'completed' && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid={tid('exit-due')}>
          受理日期 {exit.acceptedOn}，原则上应于 <strong>{exit.dueOn}</strong> 前办结
          {exit.daysLeft !== null && <>（{deadlineText(exit.daysLeft).text}）</>}（<ArticleLink article="第二十六条" />）
        </Typography.Paragraph>
      )}
      {exit.priceFen !== null && exit.route === 'buyback' && (
        <Typography.Paragraph style={{ margin: 0 }}>
          回购价格 {formatFen(exit.priceFen)}（按公布的测算方式，<ArticleLink article="第二十七条" />）
        </Typography.Paragraph>
      )}
      {exit.status === 'submitted' && (
        <Space style={{ marginTop: 8 }}>
          <Button danger onClick={onWithdraw} loading={withdraw.isPending} data-testid={tid('withdraw-exit')}>撤回申请</Button>
        </Space>
      )}
    </section>
  );
}
