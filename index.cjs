'use strict';
// CommonJS entry of staffcast (the "require" condition of package.json "exports"). staffcast is an
// ES module; Node >= 20.19 loads it with require() (require(esm): the module graph has no
// top-level await), so require('staffcast') gives the same module as import('staffcast').
// Where require() cannot load it, this says what to do instead of a bare ERR_REQUIRE_ESM.
try {
  module.exports = require('./dist/index.js');
} catch (error) {
  const code = error && typeof error === 'object' ? error.code : undefined;
  if (code === 'ERR_REQUIRE_ESM' || code === 'ERR_REQUIRE_ASYNC_MODULE') {
    throw new Error(
      `staffcast is an ES module and this Node (${process.version}) cannot require() it: ` +
        "use `await import('staffcast')` (or `import ... from 'staffcast'`), or Node >= 20.19. " +
        `(${code}: ${error.message})`,
      { cause: error },
    );
  }
  throw error;
}
