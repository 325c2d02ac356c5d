/** Guesses an article's language (ISO 639-1) from its script and its commonest words. */

const GERMAN = new Set(
  'der die das und ist nicht mit sich des den dem ein eine einer zu auf für von im am bei wurde sind hat hatte hatten auch als nach über sowie zwischen beide beiden seinem seinen wie dass'.split(
    ' ',
  ),
);
// Words both languages share ("in", "an") are in neither list.
const ENGLISH = new Set(
  'the and of to is that with for was on as by he his at from has have were said their met will which'.split(' '),
);

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const cyrillic = (sample.match(/[\u0400-\u04ff]/g) ?? []).length;
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (sample.match(/[A-Za-zÀ-ž]/g) ?? []).length;
  if (cyrillic > latin && cyrillic >= han) return 'ru';
  if (han > latin) return 'zh';
  let de = 0;
  let en = 0;
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (GERMAN.has(word)) de++;
    if (ENGLISH.has(word)) en++;
  }
  return en > de ? 'en' : 'de';
}
