// site/pkg/read/colloquy_read.js is pkg/read/colloquy_read.js (scripts/build-site.sh): its generated declarations.
export * from '../../../../pkg/read/colloquy_read.js';
