/**
 * The d3 behaviours for pointer and wheel input (d3-zoom on the chart, d3-brush on the overview) with what they
 * pull in (d3-selection, -transition, -interpolate, -color, -drag…): a third of the app's script, and not needed to
 * draw the first view. Imported through ./interaction.ts only, so it stays out of the first bundle.
 */
export { select } from 'd3-selection';
export { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
export { brushX } from 'd3-brush';
