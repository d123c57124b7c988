import { Breadcrumb, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useLaw } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { articleKey, byChapter } from './lawUtil';

/** One document: chapters, then every article with a link to its own stable URL. */
export function LawDocumentPage() {
  const { docId = '' } = useParams();
  const { data, isLoading, error } = useLaw();
  const doc = data?.find((d) => d.docId === docId);
  usePageTitle(doc?.title ?? '政策');
  return (
    <div className="qc-narrow">
      <Breadcrumb items={[{ title: <Link to="/law">政策</Link> }, { title: doc?.number ?? docId }]} />
      <ErrorAlert error={error} />
      {!isLoading && !doc && !error && <Typography.Paragraph>未找到该文件。</Typography.Paragraph>}
      {doc && (
        <>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>{doc.title}</Typography.Title>
          {doc.number && <Typography.Paragraph>{doc.number}</Typography.Paragraph>}
          {byChapter(doc).map((g, gi) => (
            <Card key={gi} title={g.chapter ? <h2 style={{ fontSize: 17, margin: 0 }}>{g.chapter}</h2> : undefined} style={{ marginBottom: 12 }}>
              {g.articles.map((a) => (
                <section key={a.id} id={a.id} style={{ marginBottom: 16 }} aria-label={a.label}>
                  <Link to={`/law/${doc.docId}/${articleKey(a)}`} style={{ fontWeight: 600 }}>{a.label}</Link>
                  <div className="qc-article-text">{stripLabel(a.text, a.label)}</div>
                </section>
              ))}
            </Card>
          ))}
        </>
      )}
    </div>
  );
}

/** The article text often repeats its label at the start; show it once. */
export function stripLabel(text: string, label: string): string {
  return text.startsWith(label) ? text.slice(label.length).trimStart() : text;
}
