// The drills tier (docs/operations.md › Drills): the reliability drills of docs/security.md (R2 lost writes, R3 bad
// input, R5 concurrency, R6 restore), each printing its figures. Same setup as the API tier, one file at a time:
// the drills load the machine on purpose.
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  testRegex: '.*\\.drill-spec\\.ts$',
  maxWorkers: 1,
  testTimeout: 300000,
};
