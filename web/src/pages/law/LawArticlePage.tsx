import { Breadcrumb, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useLaw } from '../../api/queries';
import { LinkButton } from '../../components/LinkButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { stripLabel } from './LawDocumentPage';
import { articleKey, findArticle } from './lawUtil';

/** One article at its stable URL /law/:docId/:articleNo, with previous and next. */
export function LawArticlePage() {
  const { docId = '', articleNo = '' } = useParams();
  const { data, isLoading, error } = useLaw();
  const doc = data?.find((d) => d.docId === docId);
  const { article, index } = findArticle(doc, articleNo);
  usePageTitle(article && doc ? `${doc.number ?? doc.title} ${article.label}` : '政策条文');
  const prev = doc && index > 0 ? doc.articles[index - 1] : undefined;
  const next = doc && index >= 0 && index < doc.articles.length - 1 ? doc.articles[index + 1] : undefined;
  return (
    <div className="qc-narrow">
      <Breadcrumb
        items={[
          { title: <Link to="/law">政策</Link> },
          { title: doc ? <Link to={`/law/${docId}`}>{doc.number ?? doc.title}</Link> : docId },
          { title: article?.label ?? articleNo },
        ]}
      />
      <ErrorAlert error={error} />
      {!isLoading && !article && !error && <Typography.Paragraph style={{ marginTop: 16 }}>未找到该条文。</Typography.Paragraph>}
      {doc && article && (
        <Card style={{ marginTop: 12 }}>
          <Typography.Text>{doc.title}</Typography.Text>
          {article.chapter && <Typography.Paragraph style={{ marginBottom: 4 }}>{article.chapter}</Typography.Paragraph>}
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }} data-testid="article-title">{article.label}</Typography.Title>
          <div className="qc-article-text" data-testid="article-text">{stripLabel(article.text, article.label)}</div>
          <Space style={{ marginTop: 24 }} wrap>
            {prev && <LinkButton to={`/law/${docId}/${articleKey(prev)}`}>上一条：{prev.label}</LinkButton>}
            {next && <LinkButton to={`/law/${docId}/${articleKey(next)}`}>下一条：{next.label}</LinkButton>}
            <Link to={`/law/${docId}#${article.id}`}>在全文中查看</Link>
          </Space>
        </Card>
      )}
    </div>
  );
}
