/**
 * The embed contract: the iframe snippet for a view, and the message an embedded page sends its host so the host's
 * embed.js can size the iframe. The message carries only a namespaced type and a number; hosts must check the
 * sender (public/embed.js does) and never execute anything received.
 */
export const RESIZE_MESSAGE = 'contact-timeline:resize';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  height: number;
}

export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === RESIZE_MESSAGE &&
    typeof m.height === 'number' &&
    Number.isFinite(m.height) &&
    m.height > 0 &&
    m.height < 100_000
  );
}

export interface EmbedOptions {
  /** The page URL of the app (without query). */
  base: string;
  /** The view's query string (as the URL holds it), without embed parameters. */
  search: string;
  responsive: boolean;
  width: number;
  height: number;
  controls: boolean;
  lang: 'de' | 'en';
  title: string;
}

export function embedUrl(o: Pick<EmbedOptions, 'base' | 'search' | 'controls' | 'lang'>): string {
  const params = new URLSearchParams(o.search);
  params.delete('embed');
  params.delete('controls');
  params.set('lang', o.lang);
  params.set('embed', '1');
  if (!o.controls) params.set('controls', '0');
  return `${o.base}?${params.toString().replace(/%2C/g, ',')}`;
}

export function iframeSnippet(o: EmbedOptions): string {
  const src = escapeAttr(embedUrl(o));
  const size = o.responsive
    ? 'width="100%" height="480" style="border:0;width:100%"'
    : `width="${o.width}" height="${o.height}" style="border:0"`;
  const script = new URL('embed.js', o.base).href;
  return [
    `<iframe src="${src}" ${size} title="${escapeAttr(o.title)}" loading="lazy" data-contact-timeline></iframe>`,
    ...(o.responsive ? [`<script src="${escapeAttr(script)}" async></script>`] : []),
  ].join('\n');
}

/** The full view of what an embed shows: the same URL without the embed parameters. */
export function fullViewUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('controls');
  return url.href.replace(/%2C/g, ',');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
