import { Card, List, Space, Tag, Typography } from 'antd';
import { useRules } from '../../api/queries';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { ItemText } from '../../components/ItemText';

/** Every rule of the platform with the articles it implements. */
export function RulesPage() {
  usePageTitle('规则');
  const { data, isLoading, error } = useRules();
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 24 }}>规则</Typography.Title>
      <Typography.Paragraph>
        平台的每项判断都由一条公开的规则作出，规则只依据政策条文和注明日期的参数。审计人员可通过接口
        <Typography.Text code>POST /api/rules/&lt;规则编号&gt;/eval</Typography.Text> 复核任一判断。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card>
        <List
          loading={isLoading}
          dataSource={data ?? []}
          locale={{ emptyText: '暂无规则' }}
          renderItem={(r) => (
            <List.Item data-testid={`rule-${r.id}`}>
              <ItemText level={2}
                title={<>{r.title} <Typography.Text code>{r.id}</Typography.Text></>}
                description={
                  <>
                    <Space size={[4, 4]} wrap>
                      依据：
                      {(r.citations ?? []).map((c, i) => (
                        <Tag key={i}>
                          {c.doc ?? ''} <ArticleLink article={c.article} articleNo={c.articleNo} docId={c.docId} clause={c.clause} />
                        </Tag>
                      ))}
                    </Space>
                    {r.description && <div>{r.description}</div>}
                    {(r.params?.length ?? 0) > 0 && (
                      <div style={{ marginTop: 8 }}>
                        读取的参数（注明生效日期和出处，阈值由市住房城乡建设部门确定）：
                        <Space size={[4, 4]} wrap>{r.params!.map((p) => <Typography.Text key={p} code>{p}</Typography.Text>)}</Space>
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
