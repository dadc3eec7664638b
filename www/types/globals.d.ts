// Globals of the page: Observable Plot's UMD build (vendor/plot.umd.min.js) sets `Plot`.
declare var Plot: typeof import('@observablehq/plot');
