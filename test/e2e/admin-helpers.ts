/**
 * Shared by the branch-administration specs (Step 5: admin-rules, admin-audit-roles, admin-session-lock,
 * admin-staff, admin-setup): versioned settings with refusals and rollback, the audit trail, role-gated screens,
 * and the idle lock that keeps the screen underneath as it was.
 */

// The manager's menu groups its screens (数据导入 under 导入导出, settings under 网点管理) so that all of it fits
// the narrowest desk screen the branch has: the specs run there.
export const DESK_VIEWPORT = { width: 1366, height: 768 };

export const SHOTS = 'test/output/screens';
