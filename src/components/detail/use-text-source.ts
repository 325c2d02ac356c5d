/** The detail panel's way to the text source: imported only by the (lazily loaded) panel, with its fallback. */
import { DEFAULT_DATA_URL } from '../../lib/dataset/load.ts';
import { createTextSource, type TextSource, type TextSourceDataset } from '../../lib/dataset/texts.ts';
import { providedTextSource } from './text-source.ts';

/**
 * The text source provided above, or one over `dataset` resolved against the default data URL (components mounted
 * on their own, e.g. in tests, whose documents carry their texts and evidence inline).
 */
export function useTextSource(dataset: TextSourceDataset): TextSource {
  return providedTextSource() ?? createTextSource(DEFAULT_DATA_URL, dataset);
}
