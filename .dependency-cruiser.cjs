/**
 * Import boundaries per folder (ARCHITECTURE.md "Layers"), checked by `npm run lint:deps` inside `npm test`.
 * Type-only imports count: a circle of types is still a circle in the design.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles anywhere (type imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'shared/ holds pure rules and the API contract: no Node, Electron, React, database or other folders.',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^(electron|renderer|test|resources)/|^node_modules/(react|react-dom|antd|electron|better-sqlite3|kysely|pg|fastify)/',
      },
    },
    {
      name: 'shared-no-node-core',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-shared',
      severity: 'error',
      comment:
        'The renderer talks to the server through the typed client only; it imports shared/ and itself.',
      from: { path: '^renderer/' },
      to: { path: '^(electron|test|resources)/' },
    },
    {
      name: 'screens-are-independent',
      severity: 'error',
      comment:
        'A screen does not import another screen; what several screens use lives in renderer/src/widgets.',
      from: { path: '^renderer/src/screens/([^/]+)/' },
      to: { path: '^renderer/src/screens/', pathNot: '^renderer/src/screens/$1/' },
    },
    {
      name: 'driver-only-in-db',
      severity: 'error',
      comment: 'Only electron/db knows SQL and the drivers.',
      from: { path: '^(electron|shared|renderer)/', pathNot: '^electron/db/' },
      to: { path: '^node_modules/(better-sqlite3|kysely|pg)/' },
    },
    {
      name: 'server-no-row-types',
      severity: 'error',
      comment: 'Routes and the server speak domain types; database row types stay in electron/db.',
      from: { path: '^electron/server/' },
      to: { path: '^electron/db/(schema|headoffice/schema)\\.ts$' },
    },
    {
      name: 'app-below-server',
      severity: 'error',
      comment: 'electron/app orchestrates repos and rules; it never reaches up into the HTTP layer.',
      from: { path: '^electron/app/' },
      to: { path: '^electron/(server|main|cli)/' },
    },
    {
      name: 'sync-below-app',
      severity: 'error',
      from: { path: '^electron/sync/' },
      to: { path: '^electron/(server|main|cli|app)/' },
    },
    {
      name: 'db-at-the-bottom',
      severity: 'error',
      from: { path: '^electron/db/' },
      to: { path: '^electron/(server|main|cli|app|sync)/' },
    },
    {
      name: 'server-not-from-shell',
      severity: 'error',
      comment: 'Nothing below the Electron shell and the CLIs imports them.',
      from: { path: '^electron/(server|app|sync|db)/' },
      to: { path: '^electron/(main|cli)/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(electron|shared|renderer)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test/output|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
