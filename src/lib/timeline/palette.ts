/** Colours per forum lane and symbols per kind of contact, shared by the chart, the legend and the overview. */
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  type SymbolType,
} from 'd3-shape';
import type { EventKind } from '../dataset/types.ts';
import type { ForumLane } from './types.ts';

/** Paul Tol's "bright" scheme: distinguishable with the common colour-vision deficiencies; grey for "other". */
export const FORUM_COLORS: Record<ForumLane, string> = {
  bilateral: '#4477AA',
  sco: '#EE6677',
  brics: '#228833',
  un: '#CCBB44',
  g20: '#66CCEE',
  apec: '#AA3377',
  other: '#BBBBBB',
};

export type SymbolName = 'circle' | 'diamond' | 'square' | 'triangle' | 'star' | 'cross';

/** Shape per kind, so kind stays readable without colour (colour encodes the forum). */
export const KIND_SYMBOLS: Record<EventKind, SymbolName> = {
  meeting: 'circle',
  'phone-call': 'diamond',
  'video-call': 'square',
  visit: 'triangle',
  summit: 'star',
  signing: 'cross',
};

const SYMBOL_TYPES: Record<SymbolName, SymbolType> = {
  circle: symbolCircle,
  diamond: symbolDiamond,
  square: symbolSquare,
  triangle: symbolTriangle,
  star: symbolStar,
  cross: symbolCross,
};

const paths = new Map<string, string>();

/**
 * SVG path data of the kind's symbol centred on (0, 0); `size` is the area in px² (d3's convention). Paths are cached:
 * thousands of marks share a handful of shapes.
 */
export function symbolPath(kind: EventKind, size: number): string {
  const key = `${kind}:${size}`;
  let path = paths.get(key);
  if (path === undefined) {
    path = symbol(SYMBOL_TYPES[KIND_SYMBOLS[kind]], size)() ?? '';
    paths.set(key, path);
  }
  return path;
}
