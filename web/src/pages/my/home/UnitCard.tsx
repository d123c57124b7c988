/**
 * One unit the family holds: 第十八条 title (不动产权证号, 登记日期, nature), 第十九条 maintenance
 * fund, 第二十四条 two-year mark and the exit-eligibility preview, and the exit under way.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { HomeUnit } from '../../../api/home';
import { ArticleLink } from '../../../components/ArticleLink';
import { Reasons } from '../../../components/Reasons';
import { formatFen } from '../../sale-public/money';
import { ApplyExitDialog } from './ApplyExitDialog';
import { ExitProgress } from './ExitProgress';
import { OPEN_EXIT, ROUTE_TEXT, eligibilityReasons, holdingText } from './homeText';

/** The card of one held unit, with the 申请退出 flow. */
export function UnitCard({ home, today }: { home: HomeUnit; today: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const name = `${home.project.name} ${home.unit.building}${home.unit.number} 室`;
  const mark = holdingText(today, home.title.issuedOn, home.earliestExitOn);
  const current = home.exits.find((e) => OPEN_EXIT.includes(e.status));
  const past = home.exits.filter((e) => e !== current);
  // Both routes share 第二十四条 and, while housing.closed-loop.exit_checks_apply_to_internal_transfer is on,
  // 第二十五条 too; the dialog shows the chosen route's own verdict.
  const preview = home.eligibility.buyback;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="home-unit" data-unit-id={home.unit.id}
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{name}</h2>}>
      <Descriptions column={1} size="small" styles={{ label: { width: 104 } }} items={[
        { key: 'cert', label: '不动产权证号', children: <span data-testid="title-certificate">{home.title.certificateNo}</span> },
        { key: 'reg', label: '登记日期', children: home.title.issuedOn },
        { key: 'nature', label: '房屋性质', children: <span>{home.title.nature} · 土地{home.title.landNature}（<ArticleLink article="第十八条" />）</span> },
        { key: 'since', label: '持有起始日', children: home.holdingSince },
        {
          key: 'mark', label: `满${mark.years}年`,
          children: (
            <span data-testid="holding-mark" data-reached={mark.reached}>
              {mark.reached ? <><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> {mark.text}（{home.earliestExitOn}）</> : mark.text}
              （<ArticleLink article="第二十四条" />）
            </span>
          ),
        },
        ...(home.maintenanceFund ? [{
          key: 'fund', label: '维修资金余额',
          children: <span data-testid="fund-balance">{formatFen(home.maintenanceFund.balanceFen)}（{home.maintenanceFund.bank}，<ArticleLink article="第十九条" />）</span>,
        }] : []),
      ]} />

      <h3 style={{ fontSize: 15, margin: '12px 0 4px' }}>退出条件预检</h3>
      <div data-testid="exit-eligibility" data-eligible={preview.value.eligible}>
        {preview.value.eligible
          ? <Typography.Paragraph style={{ margin: 0 }}>
              <CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> 目前符合退出条件（<ArticleLink article="第二十四条" />、<ArticleLink article="第二十五条" />），以部门核查结果为准。
            </Typography.Paragraph>
          : <>
              <Reasons reasons={eligibilityReasons(preview)} />
              {preview.value.reasons.some((r) => r.code !== 'HOLDING_PERIOD') && <Typography.Paragraph style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.7)' }}>
                第二十五条所列情况在提交申请后由部门核查（<ArticleLink article="第二十六条" />），请在申请前整改。
              </Typography.Paragraph>}
            </>}
      </div>

      {current && <ExitProgress exit={current} />}
      {!current && (
        <div style={{ marginTop: 12 }}>
          <Button type="primary" block size="large" disabled={!mark.reached} onClick={() => setOpen(true)} data-testid="apply-exit">
            {mark.reached ? '申请退出' : `申请退出（${home.earliestExitOn} 起可申请）`}
          </Button>
          {!mark.reached && (
            <Typography.Paragraph style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.7)' }} data-testid="earliest-exit-date">
              最早可于 {home.earliestExitOn} 申请退出（取得不动产权证满{mark.years}年，<ArticleLink article="第二十四条" />）
            </Typography.Paragraph>
          )}
        </div>
      )}
      {past.length > 0 && (
        <details style={{ marginTop: 12 }}>
          <summary>以往的退出申请（{past.length}）</summary>
          {past.map((e) => <ExitProgress key={e.id} exit={e} past />)}
        </details>
      )}
      <ApplyExitDialog open={open} unitId={home.unit.id} unitName={name} years={mark.years} eligibility={home.eligibility}
        onClose={() => setOpen(false)}
        onDone={(route) => {
          setOpen(false);
          message.success(`已提交${ROUTE_TEXT[route].label}申请，等待受理`);
        }} />
    </Card>
  );
}
