import i18n from '../../i18n';

/** Texts of the first-run screen, joined under `setup`. */
const zh = {
  setup: {
    title: '首次启动：创建管理员',
    intro: '这是一套新安装的系统，尚无任何员工账号。请先创建系统管理员账号，之后用它登录并添加其他员工。',
    username: '管理员用户名',
    displayName: '姓名',
    password: '密码',
    confirm: '再次输入密码',
    passwordRule: '至少 8 位，须同时包含字母和数字',
    mismatch: '两次输入的密码不一致',
    required: '必填',
    submit: '创建并登录',
    done: '管理员账号已创建',
    already: '系统已完成首次设置，请直接登录。',
  },
};

const en: typeof zh = {
  setup: {
    title: 'First start: create the administrator',
    intro:
      'This is a fresh installation without any staff account. Create the administrator first, then log in with it and add the other staff.',
    username: 'Administrator username',
    displayName: 'Name',
    password: 'Password',
    confirm: 'Repeat the password',
    passwordRule: 'At least 8 characters, with letters and digits',
    mismatch: 'The two passwords differ',
    required: 'Required',
    submit: 'Create and log in',
    done: 'Administrator account created',
    already: 'Setup is already done; please log in.',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
