import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Russlands Außenminister Sergej Lawrow traf sich in Peking mit seinem chinesischen Amtskollegen Wang Yi.', 'de'],
    ['Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing on Tuesday.', 'en'],
    ['Министр иностранных дел России Сергей Лавров встретился с Ван И в Пекине.', 'ru'],
    ['俄罗斯外长拉夫罗夫在北京与王毅举行会谈。', 'zh'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
