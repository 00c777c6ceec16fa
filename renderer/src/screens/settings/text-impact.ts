import i18n from '../../i18n';

/** Step 16 texts of the settings screen (confirmation, impact previews, forms), joined under `settings`. */
const zh = {
  settings: {
    noteRequired: '请先填写变更说明（会显示在版本记录中）',
    confirm: {
      title: '保存为第 {{version}} 版？',
      ok: '确认保存',
      nothing: '与当前版本相比没有变化，无需保存。',
      changes: '将要变更（{{count}} 处）',
    },
    versions: {
      changed: '变更内容',
      more: '等 {{count}} 处',
    },
  },
};

const en: typeof zh = {
  settings: {
    noteRequired: 'Describe the change first (it shows in the version list)',
    confirm: {
      title: 'Save as version {{version}}?',
      ok: 'Save',
      nothing: 'Nothing differs from the current version; nothing to save.',
      changes: 'What changes ({{count}})',
    },
    versions: {
      changed: 'What changed',
      more: 'and {{count}} more',
    },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
