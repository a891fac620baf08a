import { type CalibrationParams, calibrationParamsSchema } from '../../schemas/calibrationParams.js';
import { parseJsonText, validateConfig } from '../../schemas/validateConfig.js';
import { readPlanText, withConfigKey } from './planFiles.js';

/**
 * Reads the fitted parameters a plan config names in `fittedParams` (the JSON `staffcast
 * calibrate --params-out` writes), resolved against the config's folder, and validates them
 * with `calibrationParamsSchema`. Cost O(size).
 *
 * @internal
 * @throws StaffcastError `FILE_READ` naming the config key ("plan.json: fittedParams: cannot read
 *   x.json: no such file"); `CONFIG` for invalid JSON or an invalid field, naming the config, the
 *   key and the file ("plan.json: fittedParams: p.json: availabilityFactor: ...").
 * @example
 * (await readPlanParams('test/fixtures/plan', 'bank_params.json', 'plan.json')).availabilityFactor;
 * // 0.8457427527495587
 */
export async function readPlanParams(
  baseDir: string,
  file: string,
  source: string,
): Promise<CalibrationParams> {
  const text = await withConfigKey(source, 'fittedParams', () => readPlanText(baseDir, file));
  const where = `${source}: fittedParams: ${file}`;
  return validateConfig(calibrationParamsSchema, parseJsonText(text, where), where);
}
