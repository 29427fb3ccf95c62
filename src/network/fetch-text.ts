/**
 * The only network requests Earmark makes (issue 13): a show's feed, an episode's transcript
 * and chapters, each only when the person asks. No cookies or referrer are sent; the size is
 * limited while the body streams in (a server can lie in Content-Length, or send none); slow
 * servers time out; a redirect to another origin is refused and its body never read.
 */
import { webHref } from '../core/web-url';

export interface FetchLimits {
  /** Bytes; the body is cut off and refused past this. */
  maxBytes: number;
  timeoutMs: number;
  /** The Accept header: what we are asking for. */
  accept: string;
}

/** A feed of 10 MB is far beyond any real one (No Agenda's is 0.4 MB for 29 episodes). */
export const FEED_LIMITS: FetchLimits = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  accept: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
};
/** A three-hour word-level JSON transcript is ~3 MB. */
export const TRANSCRIPT_LIMITS: FetchLimits = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  accept: 'text/vtt, application/json, application/x-subrip, text/html;q=0.8, */*;q=0.1',
};
export const CHAPTERS_LIMITS: FetchLimits = {
  maxBytes: 1024 * 1024,
  timeoutMs: 20_000,
  accept: 'application/json+chapters, application/json;q=0.9, */*;q=0.1',
};

export type FetchedText =
  { ok: true; text: string; contentType: string; url: string } | { ok: false; error: string };

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Where a redirect may lead: the same origin, or the same host moved from http to https on
 * its usual port (many feed hosts send every http request to their https address).
 */
function sameSite(asked: URL, final: URL): boolean {
  if (final.origin === asked.origin) return true;
  return (
    asked.protocol === 'http:' &&
    final.protocol === 'https:' &&
    final.hostname === asked.hostname &&
    final.port === ''
  );
}

export async function fetchText(
  url: string,
  limits: FetchLimits,
  fetchImpl: FetchFn = (input, init) => fetch(input, init),
): Promise<FetchedText> {
  const href = webHref(url);
  if (!href) return { ok: false, error: `${short(url)} is not a web address (http or https)` };
  const asked = new URL(href);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetchImpl(href, {
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
      redirect: 'follow',
      headers: { Accept: limits.accept },
      signal: controller.signal,
    });
    const finalUrl = response.url || href;
    if (!sameSite(asked, new URL(finalUrl))) {
      await response.body?.cancel();
      return {
        ok: false,
        error: `${short(href)} redirected to another site (${new URL(finalUrl).host}): refused`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        error: `${short(href)} answered ${response.status} ${response.statusText}`.trim(),
      };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel();
      return { ok: false, error: tooLarge(href, limits) };
    }
    const body = await readLimited(response, limits.maxBytes);
    if (!body) return { ok: false, error: tooLarge(href, limits) };
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    return { ok: true, text: decode(body, contentType), contentType, url: finalUrl };
  } catch (e) {
    if (controller.signal.aborted) {
      return {
        ok: false,
        error: `${short(href)} did not answer within ${limits.timeoutMs / 1000} s`,
      };
    }
    return {
      ok: false,
      error: `${short(href)} could not be reached (${e instanceof Error ? e.message : String(e)})`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The body's bytes, or null (and the download cancelled) as soon as they pass the limit. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function tooLarge(url: string, limits: FetchLimits): string {
  return `${short(url)} is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB: refused`;
}

function short(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}
