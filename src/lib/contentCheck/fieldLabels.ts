/**
 * What each frontmatter field is called in the newsroom, and an example
 * value, so messages can say "标题 (title)" and show a line to copy.
 * Fields added to the schema later fall back to their own name.
 */

export interface FieldLabel {
  zh: string;
  example: string;
}

export const fieldLabels: Record<string, FieldLabel> = {
  title: { zh: '标题', example: 'title: 冷雨后转晴 浮山岭顶观云海' },
  date: { zh: '出版日期', example: 'date: 2022-02-24' },
  kicker: { zh: '引题', example: 'kicker: 喜迎新春' },
  subtitle: { zh: '副题', example: 'subtitle: 四大方面指标 与我市广大职工息息相关' },
  dateline: { zh: '电头', example: 'dateline: 茂名晚报讯' },
  reporters: { zh: '记者', example: 'reporters: [梁奈]' },
  section: { zh: '版面', example: 'section: 要闻' },
  page: { zh: '版次', example: 'page: 3' },
  order: { zh: '版内顺序', example: 'order: 1' },
  tags: { zh: '标签', example: 'tags: [工会, 十四五规划]' },
  summary: { zh: '摘要', example: 'summary: 一两句话的内容提要。' },
  notes: { zh: '编者注', example: 'notes:\n  - 原文如此，照录。' },
  titleSupplied: { zh: '编者拟题', example: 'titleSupplied: true' },
  sourceNote: { zh: '来源说明', example: 'sourceNote: 原版面未印日期，据正文推定。' },
  draft: { zh: '草稿', example: 'draft: true' },
  layout: { zh: '版式', example: 'layout: photo' },
  cover: { zh: '题图', example: 'cover: { src: ./cover.jpg, alt: 图片说明 }' },
};

/** "标题（title）", or the bare name for a field without a label. */
export function fieldName(field: string): string {
  const label = fieldLabels[field];
  return label ? `${label.zh}（${field}）` : field;
}

/** A frontmatter line to copy, e.g. "date: 2022-02-24". */
export function fieldExample(field: string): string {
  return fieldLabels[field]?.example ?? `${field}: …`;
}
