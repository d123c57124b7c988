/**
 * Public page /buyback 回购价格测算 (第二十七条): the method in force — the formula read symbol by
 * symbol, each parameter with its value, legal reference and whether it is a default awaiting the
 * bureau's published method — a worked example, and a calculator.
 */
import { Alert, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBuybackMethod } from '../../api/home';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { CORE_DOC, articleUrl } from '../../lib/law';
import { formatFen } from '../sale-public/money';
import { Calculator } from './Calculator';
import { PriceBreakdown } from './PriceBreakdown';
import { awaitingBureau, noteZh, paramValueText, symbolText } from './paramText';

const h2 = { fontSize: 18, margin: '24px 0 8px' } as const;

/** What each symbol of the formula stands for. */
const SYMBOLS: [string, string][] = [
  ['P0', '原购房价款（购房合同总价，维修资金另行结算）'],
  ['d', '房屋年折旧率'],
  ['A', '房龄：自竣工之日至测算日满整年数'],
  ['r', '同期存款年利率，按持有年限分档'],
  ['H', '持有年限：自全额付款之日至测算日的天数 ÷ 一年天数'],
  ['K', '物价水平系数：测算时物价指数 ÷ 购房时物价指数（未启用时为 1）'],
];

/** The page. */
export function BuybackPage() {
  usePageTitle('回购价格测算');
  const method = useBuybackMethod();
  const m = method.data;
  const kOn = m?.parameters.some((p) => p.name.endsWith('.price_level_adjustment') && p.value === true) ?? false;
  const defaults = m?.parameters.some((p) => awaitingBureau(p.note)) ?? false;
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>回购价格测算</Typography.Title>
      <Typography.Paragraph>
        保障性住房回购价格按照原购房价款，结合房屋折旧、同期存款利率、物价水平等因素确定；具体测算方式由市住房城乡建设部门会同市财政、审计等部门确定并公布
        （<Link to={articleUrl(CORE_DOC, 27)} data-testid="buyback-article">阅读第二十七条原文</Link>）。
        购房家庭缴纳的维修资金另行结算（<ArticleLink article="第二十九条" />）。平台按规则
        <Link to="/rules" data-testid="buyback-rule-link"><Typography.Text code>housing.buyback-price</Typography.Text></Link> 计算，可公开复核。
      </Typography.Paragraph>
      <ErrorAlert error={method.error} />
      {method.isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {m && (
        <>
          {defaults && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="buyback-defaults"
              title="以下参数为平台默认值，待市住房城乡建设部门确定并公布测算方式后更新"
              description="测算结果仅供参考，实际回购价格以受理时主管部门按公布的方式核定的为准。" />
          )}
          <h2 style={h2}>测算公式</h2>
          <Card size="small" data-testid="buyback-formula">
            <div style={{ fontSize: 18, fontWeight: 600, textAlign: 'center', margin: '8px 0 12px', overflowWrap: 'anywhere' }}>
              回购价格 = {m.formula.text}
            </div>
            <dl style={{ margin: 0 }}>
              {SYMBOLS.map(([sym, text]) => (
                <div key={sym} style={{ display: 'flex', gap: 8, marginBottom: 4 }}>
                  <dt style={{ fontWeight: 600, minWidth: 28, fontFamily: 'serif', fontStyle: 'italic' }}>{sym}</dt>
                  <dd style={{ margin: 0 }}>{text}</dd>
                </div>
              ))}
            </dl>
            <Typography.Paragraph style={{ margin: '8px 0 0', color: 'rgba(0,0,0,0.7)' }} data-testid="buyback-publication">
              {m.asOf} 适用：{m.publication.zh}
            </Typography.Paragraph>
          </Card>

          <h2 style={h2}>参数</h2>
          <List bordered size="small" dataSource={m.parameters} data-testid="buyback-params"
            renderItem={(p) => (
              <List.Item data-testid={`buyback-param-${p.name}`}>
                <div style={{ width: '100%' }}>
                  <Space wrap size={[8, 4]}>
                    <Tag color="blue">{symbolText(p.symbol)}</Tag>
                    <strong>{p.description?.zh ?? p.name}</strong>
                    {awaitingBureau(p.note) && <Tag color="orange">默认值，待公布</Tag>}
                  </Space>
                  <div style={{ fontSize: 16, margin: '4px 0' }}>{paramValueText(p)}</div>
                  <div style={{ color: 'rgba(0,0,0,0.7)' }}>
                    依据：<ArticleLink article={p.reference.replace(/^济政发〔2025〕3号\s*/, '')}>{p.reference}</ArticleLink> · 自 {p.version} 起施行
                  </div>
                  {noteZh(p.note) && <div style={{ color: 'rgba(0,0,0,0.7)', fontSize: 13 }}>说明：{noteZh(p.note)}</div>}
                </div>
              </List.Item>
            )} />

          <h2 style={h2}>计算示例</h2>
          <Typography.Paragraph>
            {m.example.explanation.zh}原购房价款 {formatFen(m.example.input.originalPriceFen)}，{m.example.input.paidOn} 付清房款，
            房屋 {m.example.input.builtOn} 竣工，{m.example.input.valuationOn} 测算：
          </Typography.Paragraph>
          <PriceBreakdown result={m.example.result} testId="buyback-example" chart={false} />

          <h2 style={h2}>试算</h2>
          <Calculator today={m.asOf} kOn={kOn} />
        </>
      )}
    </div>
  );
}
