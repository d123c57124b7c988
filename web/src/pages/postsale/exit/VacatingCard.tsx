/**
 * 房屋腾退 (第二十九条): 水电气暖和物业费结算、户口迁出 — each item with its done date and evidence,
 * recorded one by one; the balance waits for all of them.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Table, Tag } from 'antd';
import type { ExitDetail, VacatingState } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';
import { VACATING_ITEM } from '../model';

type Item = VacatingState['items'][number];

/** The vacating checklist of a buyback. */
export function VacatingCard({ e, canWrite }: { e: ExitDetail; canWrite: boolean }) {
  const v = e.buyback!.vacating;
  return (
    <Card size="small" data-testid="buyback-vacating" title={<CardTitle>房屋腾退（<ArticleLink article="第二十九条" />）</CardTitle>}
      extra={v.complete ? <Tag color="success">已全部完成</Tag> : <Tag>尚缺 {v.missing.length} 项</Tag>}>
      <Table<Item> size="small" rowKey="item" pagination={false} dataSource={v.items} scroll={{ x: 460 }}
        columns={[
          { title: '事项', dataIndex: 'item', render: (i: string) => VACATING_ITEM[i] ?? i },
          { title: '完成日期', dataIndex: 'doneOn', render: (d: string | null, x) => (x.done ? <><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> {d}</> : '—') },
          { title: '凭证', dataIndex: 'evidence', render: (ev: Item['evidence']) => (ev ? `${ev.ref}${ev.note ? `（${ev.note}）` : ''}` : '—') },
          { title: '操作', key: 'a', render: (_, x) => (canWrite && !x.done && e.status === 'contracted' ? (
            <FormDialog<{ doneOn: string; ref: string; note?: string }> label="登记完成" size="small" article="第二十九条" testId={`vacating-${x.item}`}
              path={`/api/exits/${e.id}/vacating/${x.item}`} rename={{ 'evidence.ref': 'ref', 'evidence.note': 'note' }}
              toBody={(f) => ({ doneOn: f.doneOn, evidence: { ref: f.ref.trim(), ...(f.note?.trim() ? { note: f.note.trim() } : {}) } })}
              confirm={`记录“${VACATING_ITEM[x.item] ?? x.item}”已完成`}>
              <DateField name="doneOn" label="完成日期" testId={`vacating-${x.item}-doneOn`} />
              <TextField name="ref" label="凭证号" testId={`vacating-${x.item}-ref`} />
              <TextField name="note" label="说明" testId={`vacating-${x.item}-note`} required={false} />
            </FormDialog>
          ) : null) },
        ]} />
    </Card>
  );
}
