// Mocha's spec reporter, plus { passes, failures } written to $HARNESS_RESULTS_FILE when the run
// ends, so test-all.mjs counts the unit tier without parsing console output.
// CommonJS on purpose: mocha require()s custom reporters.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithResults extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.HARNESS_RESULTS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify({ passes: this.stats.passes, failures: this.stats.failures }));
    });
  }
}

module.exports = SpecWithResults;
