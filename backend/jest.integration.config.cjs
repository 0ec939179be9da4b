// Integration tests: each file boots the Nest app on its own fresh PostgreSQL database
// (created on the server named by DATABASE_URL, migrated, dropped afterwards) and calls it over HTTP.
module.exports = {
  displayName: 'backend-integration',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  maxWorkers: 2,
};
