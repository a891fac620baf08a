import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a vega-lite spec to a standalone SVG string: compiled to vega with `vega-lite`'s
 * `compile`, run in a headless vega `View` (`renderer: 'none'`) and serialised by `view.toSVG()`.
 * No network and no DOM are needed (the data must be inline). Every `id` in the SVG (clip paths,
 * gradients) is prefixed with `idPrefix`, because vega numbers them from 1 in each SVG and several
 * SVGs share one HTML document. Cost: roughly linear in the number of marks. vega and vega-lite
 * are loaded on first use, so importing `staffcast` does not load the charting stack.
 *
 * @internal
 * @example
 * const svg = await renderVegaLiteSvg({ mark: 'bar', data: { values: [{ a: 1 }] }, encoding: { y: { field: 'a', type: 'quantitative' } } }, 'c1');
 * svg.startsWith('<svg'); // true
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const vgSpec = compile(spec).spec;
  const view = new View(parse(vgSpec), { renderer: 'none', logLevel: 0 });
  try {
    const svg = await view.toSVG();
    return svg
      .replace(/\sid="([^"]+)"/g, ` id="${idPrefix}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
      .replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`);
  } finally {
    view.finalize();
  }
}
