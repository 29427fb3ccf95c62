/**
 * Host access for one origin, asked for when the person clicks (issue 13). The manifest lists
 * all sites as optional; Earmark asks only for the origin a fetch goes to, at that click: the
 * browser's prompt names it. `request` must run inside the click's handler, before any await
 * that is not itself a permission call, or the browser refuses it.
 */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/** `https://feeds.example.com/feed.xml` → `https://feeds.example.com/*`. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * The origins a fetch of these addresses needs, each once. An http address also needs its
 * host's https origin, where fetchText may be redirected, unless the manifest grants the http
 * origin already (`granted`: its host permissions, such as 127.0.0.1's).
 */
export function originsFor(urls: readonly string[], granted: readonly string[] = []): string[] {
  return [
    ...new Set(
      urls.flatMap((url) => {
        const pattern = originPattern(url);
        if (!pattern.startsWith('http:') || granted.includes(pattern)) return [pattern];
        return [pattern, `https:${pattern.slice('http:'.length)}`];
      }),
    ),
  ];
}

/**
 * Asks for every origin at once (one prompt). Calls `request` directly: `contains` first would
 * be an await that spends the click's user activation in some browsers.
 */
export function requestOrigins(
  permissions: PermissionsApi,
  urls: readonly string[],
  granted: readonly string[] = [],
): Promise<boolean> {
  const origins = originsFor(urls, granted);
  if (origins.length === 0) return Promise.resolve(true);
  return permissions.request({ origins });
}

/**
 * Whether the browser already lets Earmark fetch these addresses, so no prompt is needed: the
 * automatic look for a transcript (issue 13) goes only where this holds, since a prompt needs
 * the person's click. Never asks.
 */
export function holdsOrigins(
  permissions: PermissionsApi,
  urls: readonly string[],
  granted: readonly string[] = [],
): Promise<boolean> {
  const origins = originsFor(urls, granted);
  if (origins.length === 0) return Promise.resolve(true);
  return permissions.contains({ origins });
}
