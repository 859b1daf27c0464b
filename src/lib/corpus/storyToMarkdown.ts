/**
 * Writes a corpus story as an archive article (Markdown with frontmatter),
 * escaping Markdown syntax so the rendered text is exactly the story's text.
 */
import type { CorpusStory } from './parseXwlbDay.ts';

/** Backslash-escapes characters that Markdown would read as syntax. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&!]/g, (char) => `\\${char}`)
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([-+=])/, '$1\\$2');
}

export function storyToMarkdown(story: CorpusStory, extraFrontmatter: Record<string, unknown> = {}): string {
  const frontmatter = { title: story.title, date: story.date, section: '新闻联播', ...extraFrontmatter };
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${story.paragraphs.map(escapeMarkdownText).join('\n\n')}\n`;
}
