/** 回购价格测算 (第二十七条): every input, parameter and component with its reference, and the price. */
import { Card, Typography } from 'antd';
import type { ExitDetail } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { formatFen } from '../../../components/unitGrid';
import { CardTitle } from '../Bits';
import { valuationRows, type ValuationRow } from '../model';
import { ScrollTable } from '../ScrollTable';

/** The valuation card of the exit page. */
export function ValuationCard({ e }: { e: ExitDetail }) {
  if (!e.valuation) return null;
  const lines = valuationRows(e.valuation, formatFen);
  return (
    <Card size="small" data-testid="exit-valuation" title={<CardTitle>回购价格测算（<ArticleLink article="第二十七条" />）</CardTitle>}>
      <Typography.Paragraph>
        回购价格按照原购房价款，结合房屋折旧、同期存款利率、物价水平等因素确定；测算日 {e.valuation.valuedOn}。
        维修资金按有关规定另行结算。
      </Typography.Paragraph>
      <ScrollTable<ValuationRow> label="回购价格测算" size="small" rowKey="name" dataSource={lines} pagination={false} minWidth={700}
        columns={[
          { title: '类别', dataIndex: 'group', width: 70 },
          { title: '项目', dataIndex: 'label' },
          { title: '取值', dataIndex: 'value', render: (v: string, l) => (l.group === '结果' ? <strong data-testid="exit-valuation-price">{v}</strong> : v) },
          { title: '依据', dataIndex: 'reference', render: (v: string | null) => v ?? <ArticleLink article="第二十七条" /> },
        ]} />
    </Card>
  );
}
