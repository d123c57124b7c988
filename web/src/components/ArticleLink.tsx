import { Link } from 'react-router-dom';
import { CORE_DOC, articleNoOf, articleUrl } from '../lib/law';

/**
 * Link to the article a reason or rule rests on. Accepts the label ("第八条") and/or a number;
 * the document defaults to 济政发〔2025〕3号, the measure of this release.
 */
export function ArticleLink(props: { article?: string; articleNo?: number; docId?: string; clause?: string; children?: React.ReactNode }) {
  const docId = props.docId ?? CORE_DOC;
  const no = props.articleNo ?? (props.article ? articleNoOf(props.article) : undefined);
  const text = props.children ?? `${props.article ?? (no ? `第${no}条` : '')}${props.clause ?? ''}`;
  if (!no) return <span>{text}</span>;
  return (
    <Link to={articleUrl(docId, no)} title={`阅读${props.article ?? ''}原文`}>
      {text}
    </Link>
  );
}
