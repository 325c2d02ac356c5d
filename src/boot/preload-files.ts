/** Link elements that fetch files ahead of their use. */
export interface Preloads {
  /** Module scripts, relative to the page. */
  scripts: string[];
  /** Stylesheets, relative to the page: fetched, not applied (the app applies them when it loads). */
  styles: string[];
}

export function preloadFiles(doc: Document, { scripts, styles }: Preloads): void {
  const links = [
    ...scripts.map((href) => link(doc, href, 'modulepreload')),
    ...styles.map((href) => link(doc, href, 'preload', 'style')),
  ];
  doc.head.append(...links);
}

function link(doc: Document, href: string, rel: string, as?: string): HTMLLinkElement {
  const element = doc.createElement('link');
  element.rel = rel;
  element.href = href;
  if (as) element.setAttribute('as', as);
  // As the page's own module script: a preload is only used by a request with the same credentials mode.
  element.crossOrigin = '';
  return element;
}
