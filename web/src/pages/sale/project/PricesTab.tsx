import { Typography } from 'antd';
import { ArticleLink } from '../../../components/ArticleLink';
import { PriceForm } from './PriceForm';
import { PriceHistory } from './PriceHistory';
import type { TabProps } from './tabProps';

/** 价格 (第十二条): the implementer submits a schedule; staff approve it at their stage; the history. */
export function PricesTab(props: TabProps) {
  const { project: p, ab } = props;
  return (
    <>
      <Typography.Paragraph>
        由项目实施主体测算配售基准价格及浮动幅度；
        {p.level === 'city' ? '本项目为市级项目，由市住房城乡建设部门会同有关部门出具审核意见后报市政府确定。' : '本项目为区县级项目，按程序经区县政府审批后报市政府审定。'}
        （<ArticleLink article="第十二条" />）审定后价格写入每套房源，未经审定的房源不得配售。
      </Typography.Paragraph>
      <PriceHistory {...props} />
      {ab.submitPrices && p.status !== 'ended' ? <PriceForm {...props} /> : null}
    </>
  );
}
