import { CORE_DOC, articleNoOf, articleUrl } from '../../../lib/law';

/**
 * An article link for the content of `modal.confirm`: those dialogs render outside the router,
 * where a router <Link> cannot work, so this is a plain link that opens the article in a new tab
 * (the family's dialog stays as it was). Underlined: the drawer is outside the site's link styles
 * and a link in text must not be told apart by colour alone.
 */
export function DialogArticleLink({ article }: { article: string }) {
  const no = articleNoOf(article);
  if (!no) return <span>{article}</span>;
  return <a href={articleUrl(CORE_DOC, no)} target="_blank" rel="noreferrer" style={{ textDecoration: 'underline' }} title={`阅读${article}原文（新窗口）`}>{article}</a>;
}
