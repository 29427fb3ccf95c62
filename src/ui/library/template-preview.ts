/**
 * The template editor's engine (issue 14): the preview, the list of variables and the presets'
 * text, in one module that the settings view imports when it opens, so that the library's
 * list opens without the template engine (docs/decisions/0004).
 */
import type { Episode, Quote } from '../../core/model';
import { exporterFor } from '../../core/template/choice';
import { TEMPLATE_VARIABLES } from '../../core/template/model';
import { TEMPLATE_PRESETS } from '../../core/template/presets';
import { TemplateError } from '../../core/template/syntax';
import {
  overviewOptionsFrom,
  templateChoiceFrom,
  type ExportDefaults,
  type TemplateSetting,
} from './settings';

export type TemplatePreview = { markdown: string } | { error: string };

export const TEMPLATE_VARIABLE_NAMES: readonly string[] = Object.keys(TEMPLATE_VARIABLES);

/** The episode as the template writes it, or the problem (a template's with its place). */
export function previewTemplate(
  template: TemplateSetting,
  defaults: ExportDefaults,
  example: { episode: Episode; quotes: readonly Quote[] },
): TemplatePreview {
  try {
    const exporter = exporterFor(templateChoiceFrom(template), overviewOptionsFrom(defaults));
    return { markdown: exporter(example.episode, example.quotes).markdown };
  } catch (error) {
    if (error instanceof TemplateError) return { error: error.message };
    // Not the template's fault, but the settings page stays usable and says what happened.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The text a person starts their own template from: the chosen preset's. */
export function presetText(choice: TemplateSetting['choice']): string {
  return TEMPLATE_PRESETS[choice === 'custom' ? 'overview' : choice];
}
