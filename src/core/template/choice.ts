/**
 * Which template an export uses, and the export itself (issue 14). The overview preset is
 * written by the overview's own builder with the person's export settings (front matter,
 * time links, grouping): the fastest path, and the same bytes the overview template makes
 * with the default settings (test/unit/template.test.ts). Every other choice is a template.
 */
import type { Root } from 'mdast';
import {
  overviewFrontMatterBlock,
  overviewTree,
  treeToMarkdown,
  type OverviewOptions,
} from '../markdown';
import type { Episode, Quote } from '../model';
import { TEMPLATE_PRESETS, TEMPLATE_PRESET_IDS, type TemplatePresetId } from './presets';
import { frontMatterBlock } from '../front-matter';
import { compileTemplate, renderTemplateTree, type CompiledTemplate } from './render';

/** A preset by id, or the person's own template text. */
export type TemplateChoice = { preset: TemplatePresetId } | { custom: string };

export const DEFAULT_TEMPLATE_CHOICE: TemplateChoice = Object.freeze({ preset: 'overview' });

export function isPresetId(value: unknown): value is TemplatePresetId {
  return TEMPLATE_PRESET_IDS.includes(value as TemplatePresetId);
}

export interface EpisodeExport {
  markdown: string;
  /** The body as a tree, for rich text. */
  tree: Root;
}

/** Builds the exporter once (a template is compiled once), then exports episode by episode. */
export function exporterFor(
  choice: TemplateChoice,
  options: Partial<OverviewOptions> = {},
): (episode: Episode, quotes: readonly Quote[], frontMatter?: boolean) => EpisodeExport {
  if ('preset' in choice && choice.preset === 'overview') {
    return (episode, quotes, frontMatter = options.frontMatter ?? false) => {
      const tree = overviewTree(episode, quotes, options);
      const body = treeToMarkdown(tree);
      return { tree, markdown: frontMatter ? overviewFrontMatterBlock(episode) + body : body };
    };
  }
  const template: CompiledTemplate = compileTemplate(
    'preset' in choice ? TEMPLATE_PRESETS[choice.preset] : choice.custom,
  );
  return (episode, quotes, frontMatter = true) => {
    const rendered = renderTemplateTree(template, episode, quotes);
    const body = rendered.tree.children.length > 0 ? treeToMarkdown(rendered.tree) : '';
    const matter = rendered.frontMatter;
    const head =
      frontMatter && matter !== null && Object.keys(matter).length > 0
        ? frontMatterBlock(matter)
        : '';
    return { tree: rendered.tree, markdown: head + body };
  };
}
