/**
 * 轮候家庭内部流转 (第二十四条): the transfer offer at a price no higher than the method's price on
 * the opening day (第二十七条), matched to the first eligible interested family in waiting order,
 * then the buyer's title registered.
 */
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ExitDetail } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { formatFen } from '../../../components/unitGrid';
import { yuanToFen } from '../../sale/format';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, MoneyField, TextField } from '../FormDialog';
import { ceilingMessage } from '../model';

const OFFER_STATUS: Record<string, string> = { open: '公开中', matched: '已匹配', failed: '未成交', completed: '已完成' };

/** The internal-transfer card of the exit page. */
export function TransferCard({ e, canWrite }: { e: ExitDetail; canWrite: boolean }) {
  const o = e.transferOffer;
  const ceiling = e.priceFen;
  return (
    <Card size="small" data-testid="transfer-card" title={<CardTitle>内部流转（<ArticleLink article="第二十四条" />）</CardTitle>}>
      {!o ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">
            向轮候家庭公开该套住房，转让价格不得高于按<ArticleLink article="第二十七条" />测算的价格{ceiling !== null ? `（受理时 ${formatFen(ceiling)}，以公开之日测算为准）` : ''}。
          </Typography.Text>
          {canWrite && e.status === 'accepted' && (
            <FormDialog<{ price: string; opensOn: string; closesOn: string }> label="发布流转" type="primary" article="第二十四条" testId="transfer-open"
              path={`/api/exits/${e.id}/transfer-offer`} rename={{ priceFen: 'price' }}
              toBody={(v) => ({ priceFen: yuanToFen(v.price), opensOn: v.opensOn, closesOn: v.closesOn })}
              confirm={<>向轮候家庭公开转让；价格上限 <strong data-testid="transfer-open-ceiling">{formatFen(ceiling)}</strong></>}>
              <MoneyField name="price" label="转让价格" testId="transfer-open-price" extra={(fen) => ceilingMessage(fen, ceiling)} />
              <DateField name="opensOn" label="公开开始" testId="transfer-open-opensOn" />
              <DateField name="closesOn" label="公开截止" testId="transfer-open-closesOn" />
            </FormDialog>
          )}
        </Space>
      ) : (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 's', label: '状态', children: <Tag data-testid="transfer-status" data-status={o.status}>{OFFER_STATUS[o.status] ?? o.status}</Tag> },
            { key: 'p', label: '转让价格', children: `${formatFen(o.priceFen)}（上限 ${formatFen(o.ceilingFen)}）` },
            { key: 'w', label: '公开期', children: `${o.opensOn} 至 ${o.closesOn}` },
            ...(o.matchedOn ? [{ key: 'm', label: '匹配日期', children: o.matchedOn }] : []),
            ...(o.registeredOn ? [{ key: 'r', label: '转移登记', children: o.registeredOn }] : []),
          ]} />
          {canWrite && o.status === 'open' && (
            <FormDialog<Record<string, never>> label="匹配受让家庭" type="primary" article="第二十四条" testId="transfer-match"
              path={`/api/transfer-offers/${o.id}/match`} confirm="按轮候顺序选取第一户符合条件的意向家庭" />
          )}
          {canWrite && o.status === 'matched' && (
            <FormDialog<{ certificateNo: string; issuedOn: string }> label="登记过户" type="primary" article="第十八条" testId="transfer-register"
              path={`/api/transfer-offers/${o.id}/register`} confirm="为受让家庭登记不动产权（房屋性质不变），原购房家庭退出">
              <TextField name="certificateNo" label="不动产权证书号" testId="transfer-register-certificateNo" />
              <DateField name="issuedOn" label="登记日期" testId="transfer-register-issuedOn" />
            </FormDialog>
          )}
        </>
      )}
    </Card>
  );
}
