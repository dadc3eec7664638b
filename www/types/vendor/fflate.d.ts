// site/vendor/fflate.js is fflate's ES module build (scripts/build-site.sh): its declarations.
export * from 'fflate';
