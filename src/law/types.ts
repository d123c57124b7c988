/** A numbered item inside an article, e.g. clause "(一)" of 第三十一条. */
export type Clause = { label: string; text: string };

/**
 * One article (条) of a measure, or one numbered section of a plan or notice.
 * `no` is the article number for measures split by 条, and the position in the document
 * (1-based) for documents split by sections.
 */
export type Article = {
  id: string;
  no: number;
  label: string;
  chapter: string | null;
  text: string;
  clauses: Clause[];
};

/** A document of the gazette with its articles. */
export type LawDocument = {
  docId: string;
  number: string;
  title: string;
  issuedOn: string;
  split: 'articles' | 'sections' | 'whole';
  preamble: string;
  articles: Article[];
};
