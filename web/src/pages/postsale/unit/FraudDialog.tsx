/**
 * 骗取资格处理 (第三十一条) for the holder family: the stage decides the action — (一) cancel the
 * qualification, (二) rescind a contract not yet delivered, (三) once delivered, order vacating by
 * a date and buy the unit back under the contract. The server derives the action from the stage.
 */
import { Alert, Card, List, Typography } from 'antd';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';

const STAGES = [
  { clause: '（一）', text: '已取得购房资格的，予以取消' },
  { clause: '（二）', text: '已签订购房合同但未办理交房手续的，解除购房合同' },
  { clause: '（三）', text: '已办理交房的，责令限期腾退住房，按合同约定予以回购' },
];

type Values = { finding: string; evidenceRef: string; evidenceNote?: string; vacateByOn?: string };

/** The 第三十一条 card of the dossier (staff only). */
export function FraudDialog({ applicationId, delivered }: { applicationId: string; delivered: boolean }) {
  const current = delivered ? 2 : 1;
  return (
    <Card size="small" title={<CardTitle>骗取资格处理（<ArticleLink article="第三十一条" />）</CardTitle>} data-testid="unit-fraud-card">
      <List size="small" dataSource={STAGES} renderItem={(s, i) => (
        <List.Item>
          <span style={{ fontWeight: i === current ? 600 : undefined }}>
            {s.clause}{s.text}{i === current ? '（该家庭当前适用）' : ''}
          </span>
        </List.Item>
      )} />
      <FormDialog<Values> label="认定骗取资格" danger article="第三十一条" clause={STAGES[current]!.clause} testId="fraud-decide"
        path={`/api/applications/${applicationId}/fraud`}
        toBody={(v) => ({
          finding: v.finding.trim(),
          evidence: [{ kind: 'document', ref: v.evidenceRef.trim(), ...(v.evidenceNote?.trim() ? { note: v.evidenceNote.trim() } : {}) }],
          ...(delivered && v.vacateByOn ? { vacateByOn: v.vacateByOn } : {}),
        })}
        confirm={`认定该家庭弄虚作假骗取保障资格，按第三十一条${STAGES[current]!.clause}处理：${STAGES[current]!.text}`}>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="此项决定记入审计日志，并通知该家庭。" />
        <TextField name="finding" label="认定事实" testId="fraud-decide-finding" multiline />
        <TextField name="evidenceRef" label="证据材料编号" testId="fraud-decide-evidenceRef" />
        <TextField name="evidenceNote" label="证据说明" testId="fraud-decide-evidenceNote" required={false} />
        {delivered && <DateField name="vacateByOn" label="限期腾退日期" testId="fraud-decide-vacateByOn" />}
      </FormDialog>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        回购按第二十七条测算价格，经第二十九条分批支付。
      </Typography.Paragraph>
    </Card>
  );
}
