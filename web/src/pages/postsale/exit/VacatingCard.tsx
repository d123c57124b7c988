/**
 * 房屋腾退 (第二十九条): 水电气暖和物业费结算、户口迁出 — each item with its done date and evidence,
 * recorded one by one; the balance waits for all of them.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import type { ExitDetail, VacatingRow } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';
import { VACATING_ITEM, vacatingChecklist } from '../model';
import { ScrollTable } from '../ScrollTable';

type Item = { item: string; row: VacatingRow | null };

/** The vacating checklist of a buyback. */
export function VacatingCard({ e, canWrite }: { e: ExitDetail; canWrite: boolean }) {
  const v = vacatingChecklist(e.vacating, e.vacatingExpected);
  return (
    <Card size="small" data-testid="buyback-vacating" title={<CardTitle>房屋腾退（<ArticleLink article="第二十九条" />）</CardTitle>}
      extra={v.complete ? <Tag color="success">已全部完成</Tag> : <Tag>尚缺 {v.missing.length} 项</Tag>}>
      <ScrollTable<Item> label="腾退事项" size="small" rowKey="item" pagination={false} dataSource={v.items} minWidth={460}
        columns={[
          { title: '事项', dataIndex: 'item', render: (i: string) => VACATING_ITEM[i] ?? i },
          { title: '完成日期', key: 'doneOn', render: (_, x) => (x.row ? <><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> {x.row.doneOn}</> : '—') },
          { title: '凭证', key: 'evidence', render: (_, x) => (x.row ? `${x.row.evidence.ref}${x.row.evidence.note ? `（${x.row.evidence.note}）` : ''}` : '—') },
          { title: '操作', key: 'a', render: (_, x) => (canWrite && !x.row && e.status === 'contracted' ? (
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
