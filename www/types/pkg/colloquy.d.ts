// site/pkg/colloquy.js is pkg/colloquy.js (scripts/build-site.sh): its generated declarations.
export * from '../../../pkg/colloquy.js';
