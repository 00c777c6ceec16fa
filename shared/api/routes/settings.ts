import { defineRoute, returns } from '../contract';
import {
  settingsPutInput,
  settingsRollbackInput,
  settingsVersionParam,
  type SettingsVersion,
  type SettingsVersionInfo,
  type StoredSettingsVersion,
} from '../security';
import { settingsPreviewInput, type SettingsPreview } from '../settings-preview';
import type { SettingsOrigins } from '../settings-origin';

const MANAGERS = ['manager', 'admin'] as const;

/** The branch's rules, saved as numbered versions (never edited in place), with rollback. */
export const settingsApi = {
  current: defineRoute({
    method: 'GET',
    path: '/api/settings',
    roles: MANAGERS,
    summary: 'The rules in force (newest version)',
    reply: returns<SettingsVersion>(),
  }),
  versions: defineRoute({
    method: 'GET',
    path: '/api/settings/versions',
    roles: MANAGERS,
    summary: 'Saved versions, newest first',
    reply: returns<SettingsVersionInfo[]>(),
  }),
  version: defineRoute({
    method: 'GET',
    path: '/api/settings/versions/:version',
    roles: MANAGERS,
    params: settingsVersionParam,
    summary: 'One saved version with its config',
    reply: returns<StoredSettingsVersion>(),
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/settings',
    roles: MANAGERS,
    body: settingsPutInput,
    summary: 'Save the rules as a new version (refused field by field when invalid)',
    reply: returns<SettingsVersion>(),
  }),
  origin: defineRoute({
    method: 'GET',
    path: '/api/settings/origin',
    roles: MANAGERS,
    summary: 'Settings the head office sent, each either followed (from head office) or a local override',
    reply: returns<SettingsOrigins>(),
  }),
  preview: defineRoute({
    method: 'POST',
    path: '/api/settings/preview',
    roles: MANAGERS,
    body: settingsPreviewInput,
    summary:
      'What a proposed version would do: customers moving tiers, triage decisions that change (nothing saved)',
    reply: returns<SettingsPreview>(),
  }),
  rollback: defineRoute({
    method: 'POST',
    path: '/api/settings/rollback',
    roles: MANAGERS,
    body: settingsRollbackInput,
    summary: 'Make an older version current again (as a new version)',
    reply: returns<SettingsVersion>(),
  }),
};
