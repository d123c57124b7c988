/**
 * 第二十五条 checklist of an exit: five items, each ok or failed with its source (数据核查 /
 * 现场核查), evidence and clause; refresh of the data checks, the site inspection form, and
 * accept (disabled with the reason while an item is missing) or refuse (第二十六条).
 */
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Card, Form, Radio, Space } from 'antd';
import type { ExitCheck, ExitDetail } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';
import { acceptBlocker, CHECK_ITEM, CHECK_SOURCE, checkEvidenceText, INSPECTION_ITEMS } from '../model';
import { ScrollTable } from '../ScrollTable';

/** The checks card of the exit page. */
export function ChecksCard({ e, canWrite }: { e: ExitDetail; canWrite: boolean }) {
  const open = e.status === 'submitted';
  const blocker = acceptBlocker(e);
  return (
    <Card size="small" data-testid="exit-checks" title={<CardTitle>回购条件核查（<ArticleLink article="第二十五条" />）</CardTitle>}
      extra={canWrite && open ? (
        <FormDialog<Record<string, never>> label="刷新数据核查" size="small" article="第二十五条" testId="exit-checks-refresh"
          path={`/api/exits/${e.id}/checks/refresh`} confirm="向登记、司法等数据源核查贷款抵押、租赁、纠纷，并核对本平台的案件" />
      ) : null}>
      <ScrollTable<ExitCheck> label="回购条件核查" size="small" rowKey="item" dataSource={e.checks} pagination={false} minWidth={760}
        columns={[
          { title: '核查事项', dataIndex: 'label', render: (v: string, r) => <>{v}（<ArticleLink article={r.article} />）</> },
          { title: '结果', key: 'ok', render: (_, r) => <CheckMark check={r} /> },
          { title: '来源', dataIndex: 'source', width: 96, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (v: string | null) => (v ? CHECK_SOURCE[v] ?? v : '—') },
          { title: '证据', key: 'evidence', render: (_, r) => (r.ok !== null ? checkEvidenceText(r) || '—' : '—') },
          { title: '操作', key: 'a', render: (_, r) => (canWrite && open && INSPECTION_ITEMS.includes(r.item) ? <InspectionForm exitId={e.id} item={r.item} /> : null) },
        ]} />
      {canWrite && open && (
        <Space wrap style={{ marginTop: 12 }}>
          <FormDialog<Record<string, never>> label="受理" type="primary" article="第二十六条" testId="exit-accept" path={`/api/exits/${e.id}/accept`}
            disabled={blocker !== null} disabledReason={blocker ?? undefined}
            confirm="受理退出申请：应完成日期为受理之日起6个月，并按第二十七条测算回购价格" />
          <FormDialog<{ reason: string }> label="不予受理" danger article="第二十五条" testId="exit-refuse" path={`/api/exits/${e.id}/refuse`}
            confirm="不予受理该退出申请，理由将告知申请家庭">
            <TextField name="reason" label="理由" testId="exit-refuse-reason" multiline />
          </FormDialog>
        </Space>
      )}
    </Card>
  );
}

function CheckMark({ check }: { check: ExitCheck }) {
  const item = check.item;
  if (check.ok === null) return <span data-testid={`exit-check-${item}`} data-ok="missing"><QuestionCircleFilled style={{ color: '#ad6800' }} aria-hidden /> 待核查</span>;
  return check.ok
    ? <span data-testid={`exit-check-${item}`} data-ok="true"><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> 满足</span>
    : <span data-testid={`exit-check-${item}`} data-ok="false"><CloseCircleFilled style={{ color: '#a8071a' }} aria-hidden /> 不满足</span>;
}

type InspectionValues = { ok: boolean; inspector: string; inspectedOn: string; reportNo: string; note?: string };

function InspectionForm({ exitId, item }: { exitId: string; item: string }) {
  return (
    <FormDialog<InspectionValues> label="录入现场核查" size="small" article="第二十五条" clause={CHECK_ITEM[item]!.clause} testId={`exit-inspection-${item}`}
      path={`/api/exits/${exitId}/checks/${item}/inspection`} initialValues={{ ok: true }}
      toBody={(v) => ({ ...v, note: v.note?.trim() || undefined })}
      confirm={`记录“${CHECK_ITEM[item]!.label}”的现场核查结果`}>
      <Form.Item name="ok" label="核查结果" rules={[{ required: true }]}>
        <Radio.Group data-testid={`exit-inspection-${item}-ok`} options={[{ value: true, label: '满足' }, { value: false, label: '不满足' }]} />
      </Form.Item>
      <TextField name="inspector" label="核查人" testId={`exit-inspection-${item}-inspector`} />
      <DateField name="inspectedOn" label="核查日期" testId={`exit-inspection-${item}-inspectedOn`} />
      <TextField name="reportNo" label="核查报告编号" testId={`exit-inspection-${item}-reportNo`} />
      <TextField name="note" label="说明" testId={`exit-inspection-${item}-note`} required={false} />
    </FormDialog>
  );
}
