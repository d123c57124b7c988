import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLaw } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { ItemText } from '../../components/ItemText';

/** The gazette's documents. */
export function LawIndexPage() {
  usePageTitle('政策');
  const { data, isLoading, error } = useLaw();
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 24 }}>政策文件</Typography.Title>
      <Typography.Paragraph>济南市人民政府公报2025年第7、8期所载文件，按章、条原文呈现。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card>
        <List
          loading={isLoading}
          dataSource={data ?? []}
          locale={{ emptyText: '暂无文件' }}
          renderItem={(d) => (
            <List.Item>
              <ItemText level={2}
                title={<Link to={`/law/${d.docId}`} data-testid={`law-doc-${d.docId}`}>{d.title}</Link>}
                description={`${d.number ?? ''}${d.number ? ' · ' : ''}共${d.articles.length}${d.articles[0]?.label.startsWith('第') ? '条' : '节'}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
