// site/pkg/pdf/colloquy_pdf.js is pkg/pdf/colloquy_pdf.js (scripts/build-site.sh): its generated declarations.
export * from '../../../../pkg/pdf/colloquy_pdf.js';
