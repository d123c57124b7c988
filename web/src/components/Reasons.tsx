import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { Reason } from '../api/types';
import { articleNoOf } from '../lib/law';
import { ArticleLink } from './ArticleLink';

/**
 * The reasons of a verdict: each condition, met or not, with a link to its article.
 * A condition that is not met but does not decide eligibility (a 第六条 priority, or the other
 * category's route when the family qualifies) is shown grey, not red, so families do not read
 * it as a refusal.
 */
export function Reasons({ reasons, testId, eligible }: { reasons?: Reason[]; testId?: string; eligible?: boolean }) {
  if (!reasons || reasons.length === 0) return <Typography.Text type="secondary">暂无审核理由</Typography.Text>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={reasons}
      renderItem={(r) => (
        <List.Item>
          <span style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            {r.passed === true ? (
              <CheckCircleFilled style={{ color: '#237804', marginTop: 4 }} aria-label="满足" role="img" />
            ) : r.passed === false && (eligible || articleNoOf(r.article ?? '') === 6) ? (
              <MinusCircleFilled style={{ color: 'rgba(0,0,0,0.55)', marginTop: 4 }} aria-label="未满足（不影响资格）" role="img" />
            ) : r.passed === false ? (
              <CloseCircleFilled style={{ color: '#a8071a', marginTop: 4 }} aria-label="不满足" role="img" />
            ) : (
              <InfoCircleFilled style={{ color: '#0958d9', marginTop: 4 }} aria-label="说明" role="img" />
            )}
            <span>
              {r.message_zh ?? r.message ?? r.code}
              {'（'}
              <ArticleLink article={r.article} articleNo={r.articleNo} docId={r.docId} />
              {'）'}
            </span>
          </span>
        </List.Item>
      )}
    />
  );
}
