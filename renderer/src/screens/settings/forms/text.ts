import i18n from '../../../i18n';
import { en } from './text-en';
import { zh } from './text-zh';

/** The settings forms' texts, joined under `settings` (beside ../text.ts) when the settings chunk loads. */
i18n.addResourceBundle('zh-CN', 'translation', { settings: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { settings: en }, true, false);
