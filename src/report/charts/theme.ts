import type { Config } from 'vega-lite';

/** Width in pixels of the plotting area of every full-width chart. */
export const CHART_WIDTH = 920;

/** Font stack of chart text; system fonts only, so the report needs no network. */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Palette shared by charts and CSS. */
export const COLORS = {
  history: '#8c8c8c',
  forecast: '#1f6fb4',
  band: '#8fbfe6',
  required: '#222222',
  scheduled: '#1f6fb4',
  under: '#d6404e',
  over: '#4daf6a',
  target: '#d6404e',
  serviceLevel: '#1f6fb4',
  closed: '#f1f1f1',
} as const;

/**
 * The vega-lite config every report chart uses: system fonts, light grid, no view border, no ARIA
 * description per mark item (it would multiply the SVG size by the number of points).
 */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  aria: false,
  background: 'white',
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    gridColor: '#ececec',
    domainColor: '#999',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top', direction: 'horizontal', title: null },
  title: {
    fontSize: 15,
    fontWeight: 600,
    anchor: 'start',
    subtitleFontSize: 12,
    subtitleColor: '#666',
    offset: 10,
  },
};
