/**
 * Closing a case (第二十、二十三条): rectified (the breach was put right) or closed, with the
 * resolution. Used on the case list and in the unit dossier.
 */
import { Form, Radio } from 'antd';
import type { UnitCase } from '../../api/postsale';
import { FormDialog, TextField } from './FormDialog';
import { EVENT_KIND } from './model';

/** The close/rectify dialog of one open case. */
export function CaseCloseButton({ c }: { c: UnitCase }) {
  const k = EVENT_KIND[c.kind];
  return (
    <FormDialog<{ status: 'rectified' | 'closed'; resolution: string }> label="结案" size="small" testId={`case-close-${c.caseNo}`}
      article={k?.article ?? '第二十条'} clause={k?.clause} path={`/api/cases/${c.id}/close`} initialValues={{ status: 'rectified' }}
      confirm={`案件 ${c.caseNo}（${k?.label ?? c.kind}）：记录整改结果或结案`}>
      <Form.Item name="status" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group data-testid={`case-close-${c.caseNo}-status`} options={[{ value: 'rectified', label: '已整改' }, { value: 'closed', label: '结案' }]} />
      </Form.Item>
      <TextField name="resolution" label="处理说明" testId={`case-close-${c.caseNo}-resolution`} multiline />
    </FormDialog>
  );
}
