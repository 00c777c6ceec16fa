import i18n from '../../i18n';

/** Texts of the Step 15 suggestion parts (reasons, cool-downs); they join the translations under `suggestLearn`. */
const zh = {
  suggestLearn: {
    why: '推荐理由',
    coolingTitle: '暂不推荐',
    backOn: '{{date}} 后可再推荐',
    afterAssessment: '重新风险测评后可再推荐',
  },
};

type Texts = typeof zh;

const en: Texts = {
  suggestLearn: {
    why: 'Why',
    coolingTitle: 'Not suggested for now',
    backOn: 'can be suggested again after {{date}}',
    afterAssessment: 'back after a new risk assessment',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
