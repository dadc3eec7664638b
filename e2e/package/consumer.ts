// A strict TypeScript consumer of the package: it must compile with `tsc --strict`.
import init, { analyse, Analyzer, version } from 'colloquy';
import type { Analysis, AnalyseOptions, Diagnostic, SpeakerStats, TermStats, Phrase, DiagnosticKind, SourceFormat, ReadText } from 'colloquy';
import { loadReaders, read } from 'colloquy/read';

/** A file's bytes: read by the readers' module, analysed with the format named. */
export async function file(bytes: Uint8Array): Promise<SourceFormat | undefined> {
  await init();
  await loadReaders();
  const text: ReadText = read(bytes, { name: 'talk.docx' });
  const notes: string[] = text.notes;
  // @ts-expect-error: read's options are a name and a type, no more
  read(bytes, { file: 'talk.docx' });
  const a: Analysis = analyse({ bytes, name: 'talk.docx', type: 'application/octet-stream' });
  return notes.length ? a.summary.source : undefined;
}

export async function main(text: string): Promise<string> {
  await init();
  const options: AnalyseOptions = { ngramMin: 2, ngramMax: 4, stopwords: 'en', aliases: { Lavrov: 'Sergey Lavrov' } };
  const a: Analysis = analyse(text, options);
  const top: SpeakerStats | undefined = a.speakers[0];
  const share: number = top?.share ?? 0;
  const term: TermStats | undefined = a.terms[0];
  const perSpeaker: number | undefined = term?.bySpeaker['Sergey Lavrov'];
  const phrase: Phrase | undefined = a.phrases[0];
  const kinds: DiagnosticKind[] = a.diagnostics.map((d: Diagnostic) => d.kind);
  const language: string | null = a.summary.language;

  // @ts-expect-error: unknown option keys are type errors too
  analyse(text, { ngramMaximum: 3 });
  // @ts-expect-error: and so are wrong types
  analyse(text, { minCount: '2' });

  {
    using analyzer = new Analyzer({ minCount: 2 });
    analyzer.push(text.slice(0, 10));
    analyzer.push(text.slice(10));
    const progress: number = analyzer.pushedUnits;
    const streamed: Analysis = analyzer.finish();
    return [version(), share, perSpeaker, phrase?.text, kinds.join(), language, progress, streamed.summary.tokens].join(' ');
  }
}
