/**
 * The templates Earmark ships (issue 14). Each is also where a person starts a template of
 * their own. Golden files in test/golden/ show what each makes of the reference episode.
 */

export const TEMPLATE_PRESET_IDS = ['overview', 'obsidian', 'logseq', 'plain'] as const;
export type TemplatePresetId = (typeof TEMPLATE_PRESET_IDS)[number];

/** A quote with its speaker, its time linked to that moment, and the person's note. */
const QUOTE = `> "{{text}}"{{#speaker}} — {{speaker}}{{/speaker}}{{#time}} ([{{time}}]({{timeLink}})){{/time}}
>
> {{note}}
`;

/**
 * The overview's parts after its introduction, the same in the overview and the Obsidian note:
 * sections with their notes and quotes, my 2 cents, every quote, references.
 */
const OVERVIEW_PARTS = `{{#sections}}
## {{heading}}

{{notes}}

{{#quotes}}
${QUOTE}
{{/quotes}}
{{/sections}}
{{#twoCents}}
## My 2 cents

{{twoCents}}

{{/twoCents}}
{{#hasQuotes}}
## Quotes

{{#quotes}}
${QUOTE}
{{/quotes}}
{{/hasQuotes}}
{{#hasReferences}}
## References

{{#references}}
- [{{title}}]({{url}})
{{/references}}
{{/hasReferences}}
`;

/** The episode overview: the same bytes as renderOverviewMarkdown with the default options. */
const OVERVIEW = `# Podcast Episode Overview: {{title}}

The original podcast episode can be found here: [{{#show}}{{show}}: {{/show}}{{title}}]({{url}})

{{summary}}

{{#hasParticipants}}
## Participants

{{#participants}}
- {{name}} ({{role}})
{{/participants}}

{{/hasParticipants}}
${OVERVIEW_PARTS}`;

/**
 * An Obsidian note. Its properties are plain YAML types that Bases and Dataview read:
 * text, a list of tags, a list of names, dates as YYYY-MM-DD; `earmark` is the episode's id,
 * the same on every export, for finding the note again.
 */
const OBSIDIAN = `---
title: {{title}}
show: {{show}}
url: {{url}}
published: {{date}}
duration: {{duration}}
participants: {{participants}}
tags: {{tags}}
saved: {{savedAt}}
edited: {{editedAt}}
earmark: {{earmarkId}}
---
# {{title}}

[{{#show}}{{show}}: {{/show}}{{title}}]({{url}})

{{summary}}

${OVERVIEW_PARTS}`;

/** A Logseq outline: one block per part, quotes and notes nested under it. */
const LOGSEQ = `- [{{title}}]({{url}}){{#show}} — {{show}}{{/show}}
{{#summary}}
	- {{summary}}
{{/summary}}
{{#hasParticipants}}
	- Participants
{{#participants}}
		- {{name}} ({{role}})
{{/participants}}
{{/hasParticipants}}
{{#sections}}
	- {{heading}}
{{#notes}}
		- {{notes}}
{{/notes}}
{{#quotes}}
		- "{{text}}"{{#speaker}} — {{speaker}}{{/speaker}}{{#time}} ([{{time}}]({{timeLink}})){{/time}}
{{/quotes}}
{{/sections}}
{{#twoCents}}
	- My 2 cents
		- {{twoCents}}
{{/twoCents}}
{{#hasQuotes}}
	- Quotes
{{#quotes}}
		- "{{text}}"{{#speaker}} — {{speaker}}{{/speaker}}{{#time}} ([{{time}}]({{timeLink}})){{/time}}
{{#note}}
			- {{note}}
{{/note}}
{{/quotes}}
{{/hasQuotes}}
{{#hasReferences}}
	- References
{{#references}}
		- [{{title}}]({{url}})
{{/references}}
{{/hasReferences}}
`;

/** Plain Markdown: headings, text and lists, no links; for any app. */
const PLAIN = `# {{title}}

{{#show}}{{show}}{{/show}}{{#date}} · {{date}}{{/date}}{{#duration}} · {{duration}}{{/duration}}

{{summary}}

{{#sections}}
## {{heading}}

{{notes}}

{{/sections}}
{{#hasQuotes}}
## Quotes

{{#quotes}}
- "{{text}}"{{#speaker}} — {{speaker}}{{/speaker}}{{#time}} ({{time}}){{/time}}
{{/quotes}}

{{/hasQuotes}}
{{#twoCents}}
## My 2 cents

{{twoCents}}
{{/twoCents}}
`;

export const TEMPLATE_PRESETS: Readonly<Record<TemplatePresetId, string>> = Object.freeze({
  overview: OVERVIEW,
  obsidian: OBSIDIAN,
  logseq: LOGSEQ,
  plain: PLAIN,
});
