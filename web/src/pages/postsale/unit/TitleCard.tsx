/**
 * 不动产登记 (第十八条): the current title with its fixed nature (配售型保障性住房) and land
 * (划拨), the history of superseded titles, and the form to register the first title — or, on a
 * bought-back unit resold (第三十条: the government holds the title and the unit is sold again), the
 * resale buyer's title under the resale contract (the server supersedes the government's).
 */
import { Card, Descriptions, Tag, Typography } from 'antd';
import type { Title, UnitRecord } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';
import { TITLE_ORIGIN } from '../model';
import { ScrollTable } from '../ScrollTable';

const HOLDER_KIND: Record<string, string> = { family: '保障家庭', person: '个人（继承人或析产方）', government: '政府' };

/** The holder with its kind; the government's name already says who it is (“政府（回购）”), so it stands alone. */
function holderText(t: NonNullable<UnitRecord['title']>): string {
  const name = t.holderName ?? t.holderMaskedName;
  if (t.holderKind === 'government') return name ?? HOLDER_KIND.government!;
  return `${name ?? '—'}（${HOLDER_KIND[t.holderKind] ?? t.holderKind}）`;
}

/** The title card of the dossier. */
export function TitleCard({ record: r, canWrite }: { record: UnitRecord; canWrite: boolean }) {
  const t = r.title;
  // A government-held unit whose status is sold again has a signed resale contract (the record's contract).
  const resaleAwaitingTitle = t?.holderKind === 'government' && r.unit.status === 'sold' && r.contract?.status === 'signed';
  return (
    <Card size="small" title={<CardTitle>不动产登记（<ArticleLink article="第十八条" />）</CardTitle>} data-testid="unit-title-card">
      {t && (
        <Descriptions size="small" column={1} items={[
          { key: 'c', label: '不动产权证书号', children: <span data-testid="unit-title-no">{t.certificateNo}</span> },
          { key: 'h', label: '权利人', children: holderText(t) },
          { key: 'n', label: '房屋性质', children: <Tag color="blue">{t.nature}</Tag> },
          { key: 'l', label: '土地性质', children: <Tag color="blue">{t.landNature}</Tag> },
          { key: 'o', label: '取得方式', children: TITLE_ORIGIN[t.origin] ?? t.origin },
          { key: 'i', label: '发证日期', children: t.issuedOn },
        ]} />
      )}
      {(!t || resaleAwaitingTitle) && (
        <>
          <Typography.Paragraph type="secondary">
            {t ? '再配售购房合同已签订，待为购房家庭登记（第三十条）。' : '尚未登记。'}登记时注明房屋性质为配售型保障性住房，土地性质为划拨。
          </Typography.Paragraph>
          {canWrite && r.contract && (
            <FormDialog<{ certificateNo: string; issuedOn: string }> label="登记产权" article="第十八条" testId="title-register" type="primary"
              path={`/api/units/${r.unit.id}/title`} toBody={(v) => ({ ...v, contractId: r.contract!.id })}
              confirm={`按购房合同 ${r.contract.contractNo} 登记不动产权，注明配售型保障性住房、划拨土地`}>
              <TextField name="certificateNo" label="不动产权证书号" testId="title-register-certificateNo" placeholder="鲁(2026)济南市不动产权第0000001号" />
              <DateField name="issuedOn" label="发证日期" testId="title-register-issuedOn" />
            </FormDialog>
          )}
        </>
      )}
      {r.titleHistory.length > 0 && (
        <ScrollTable<Title> label="登记历史" size="small" rowKey="id" dataSource={r.titleHistory} pagination={false} style={{ marginTop: 12 }} minWidth={480}
          title={() => <Typography.Text strong>登记历史</Typography.Text>}
          columns={[
            { title: '证书号', dataIndex: 'certificateNo' },
            { title: '权利人', dataIndex: 'holderMaskedName', render: (v) => v ?? '—' },
            { title: '取得方式', dataIndex: 'origin', render: (v: string) => TITLE_ORIGIN[v] ?? v },
            { title: '发证', dataIndex: 'issuedOn' },
            { title: '注销', dataIndex: 'supersededOn', render: (v) => v ?? '现行' },
          ]} />
      )}
    </Card>
  );
}
