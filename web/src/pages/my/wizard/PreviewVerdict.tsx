import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { post } from '../../../api/client';
import { normalizeVerdict } from '../../../api/normalize';
import type { ApplicationForm } from '../../../api/types';
import { Reasons } from '../../../components/Reasons';
import { CategoryText, PriorityTags } from '../../../components/Tags';
import { todayShanghai } from '../../../lib/law';
import { cleanForm, toEligibilityInput } from './formModel';

/**
 * Runs rule housing.eligibility on the declared data (POST /api/rules/…/eval) so the family sees
 * the conditions before submitting. Not a decision: departments' data and staff review decide.
 */
export function PreviewVerdict({ form }: { form: ApplicationForm }) {
  const input = toEligibilityInput(cleanForm(form));
  const { data, error, isLoading } = useQuery({
    queryKey: ['preview', input],
    queryFn: async () => normalizeVerdict(await post('/api/rules/housing.eligibility/eval', { asOf: todayShanghai(), input })),
    retry: false,
  });
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>预评估（仅供参考）</h2>} loading={isLoading} data-testid="preview-verdict">
      {error ? (
        <Typography.Text>暂时无法预评估，请检查填写内容后再试；不影响提交。</Typography.Text>
      ) : data ? (
        <>
          <Alert
            type={data.eligible ? 'success' : 'warning'}
            showIcon
            title={data.eligible ? '按所填信息，初步符合申请条件' : '按所填信息，初步不符合申请条件'}
            description="最终结果以部门数据核查和区县审核为准。"
            style={{ marginBottom: 8 }}
          />
          <div>申请类别：<CategoryText category={data.category} /></div>
          <div>优先情形：<PriorityTags priority={data.priority} linked /></div>
          <Reasons reasons={data.reasons} eligible={data.eligible} />
        </>
      ) : null}
    </Card>
  );
}
