/**
 * A page's JSON-LD as a flat list of objects: top-level and inside `@graph`, bounded in size,
 * count and depth. Apart from page.ts so that the start-up script's first look can ask whether
 * the page names a PodcastEpisode without carrying the rest of detection.
 */
export type Json = Record<string, unknown>;

// Caps that keep the read cheap and bounded on any page, hostile or huge.
export const MAX_LD_SCRIPTS = 12;
const MAX_LD_CHARS = 200_000;
const MAX_LD_NODES = 200;
const MAX_LD_DEPTH = 6;

/** The objects in these `application/ld+json` blocks' texts; a block that doesn't parse is skipped. */
export function collectJsonLd(texts: string[]): Json[] {
  const nodes: Json[] = [];
  for (const text of texts.slice(0, MAX_LD_SCRIPTS)) {
    if (text.length > MAX_LD_CHARS) continue;
    try {
      flatten(JSON.parse(text), 0, nodes);
    } catch {
      // Malformed JSON-LD is common; the other blocks may still be fine.
    }
  }
  return nodes;
}

function flatten(value: unknown, depth: number, out: Json[]): void {
  if (depth > MAX_LD_DEPTH || out.length >= MAX_LD_NODES) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length < MAX_LD_NODES; i++) {
      flatten(value[i], depth + 1, out);
    }
  } else if (isJson(value)) {
    out.push(value);
    if ('@graph' in value) flatten(value['@graph'], depth + 1, out);
  }
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a node is of this schema.org type (`@type` may be a list). */
export function hasType(node: Json, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.slice(0, 10).includes(type));
}

/** The node that makes a page an episode page (detection's strongest generic evidence). */
export function episodeNode(nodes: Json[]): Json | undefined {
  return nodes.find((n) => hasType(n, 'PodcastEpisode') || hasType(n, 'RadioEpisode'));
}
