// Generated from the Rust types by `make declarations` (src/bin/typescript.rs). Do not edit.
export type Analysis = { summary: Summary, 
/**
 * By words, descending; ties by first appearance.
 */
speakers: Array<SpeakerStats>, 
/**
 * By count, descending; ties by term.
 */
terms: Array<TermStats>, 
/**
 * By count, descending; then longer first; then text.
 */
phrases: Array<Phrase>, turns: Array<TurnStats>, stageDirections: Array<DirectionCount>, aliasSuggestions: Array<AliasSuggestion>, diagnostics: Array<Diagnostic>, 
/**
 * When under half of the words have a speaker: lines that look like labels the
 * detection did not take, and a label pattern that reads them.
 */
labelHint: LabelHint | null, };
export type Summary = { 
/**
 * Tokens of speech (words and numbers), excluding labels, stage directions and furniture.
 */
tokens: number, 
/**
 * Distinct tokens.
 */
types: number, sentences: number, turns: number, speakers: number, 
/**
 * How the text was parsed (plain text, WebVTT, SRT).
 */
format: Format, 
/**
 * The file the text was read from, when it was read from one that is not plain text
 * (`docx`, `whisper-json`, …; [`crate::read`] and [`crate::analyse_read`]): an engine's
 * JSON is parsed as WebVTT, and this names what it was.
 */
source?: SourceFormat, 
/**
 * The dominant script of the speech (`Latin`, `Cyrillic`, …).
 */
script: string | null, 
/**
 * The detected language's code (`en`), if any.
 */
language: string | null, languageName: string | null, 
/**
 * The stopword list in force for the views (`en`, `custom`, `none`).
 */
stopwords: string, 
/**
 * The language whose Snowball stemmer grouped the terms, if stemming is on.
 */
stemmer: string | null, 
/**
 * Stage directions removed from speech.
 */
stageDirections: number, 
/**
 * Lines of page furniture left out of the counts.
 */
excludedFurnitureLines: number, 
/**
 * Lines left out as neither speech nor a label: headings, procedural lines,
 * inserted documents, page markers.
 */
leftOutLines: number, 
/**
 * How the text marks its speakers, in words (`labels ending in a period, as in
 * the Congressional Record`); `None` for captions.
 */
convention: string | null, 
/**
 * Types / tokens.
 */
ttr: number, 
/**
 * Moving-average TTR over windows of 500 tokens (the TTR for shorter texts).
 */
mattr: number | null, 
/**
 * Types that occur once.
 */
hapax: number, 
/**
 * Tokens per sentence.
 */
meanSentenceLength: number, 
/**
 * Coleman–Liau index: 0.0588·L − 0.296·S − 15.8 (L letters and S sentences per 100 words).
 */
colemanLiau: number | null, };
export type SpeakerStats = { name: string, 
/**
 * `false` for the `(unattributed)` pseudo-speaker.
 */
attributed: boolean, words: number, 
/**
 * Of all words, attributed or not; shares sum to 1.
 */
share: number, turns: number, meanTurnWords: number, medianTurnWords: number, longestTurnWords: number, 
/**
 * Sentences ending in a question mark.
 */
questions: number, types: number, 
/**
 * Types / words.
 */
ttr: number, 
/**
 * Byte offset where the speaker's first and last turns start.
 */
firstPosition: number, lastPosition: number, 
/**
 * The speaker's own most frequent terms (same filters as the term view).
 */
topTerms: Array<SpeakerTerm>, sentences: number, 
/**
 * Words per sentence.
 */
meanSentenceLength: number, hapax: number, mattr: number | null, colemanLiau: number | null, 
/**
 * Words this speaker uses more than their reference (everyone else, unless the
 * comparison names others), by Fightin' Words z (descending). Empty for a
 * speaker left out of the comparison.
 */
distinctive: Array<Distinctive>, 
/**
 * Words this speaker uses less than their reference, most avoided first.
 */
avoided: Array<Distinctive>, };
export type SpeakerTerm = { term: string, count: number, };
export type TermStats = { term: string, count: number, 
/**
 * Occurrences per 10,000 tokens.
 */
per10k: number, bySpeaker: { [key in string]: number }, 
/**
 * With stemming: every form grouped under this term, most frequent first
 * (empty when the term stands alone).
 */
forms: Array<string>, };
export type Phrase = { text: string, n: number, count: number, bySpeaker: { [key in string]: number }, 
/**
 * Byte offset of the first occurrence.
 */
first: number, };
export type TurnStats = { speaker: string, start: number, end: number, words: number, 
/**
 * When the turn starts, in milliseconds, where the transcript says
 * ([`crate::Turn::start_ms`]); absent otherwise.
 */
startMs?: number, 
/**
 * When it ends (captions' cue ends); absent where only starts are written.
 */
endMs?: number, };
export type DirectionCount = { kind: string, count: number, };
export type AliasSuggestion = { from: string, to: string, };
export type LabelHint = { 
/**
 * A regular expression for the `labelPattern` option, anchored at the line start,
 * whose group `speaker` is the name.
 */
pattern: string, 
/**
 * The label part of up to three lines (each with another name), as printed:
 * `SMITH --`, `(Jones)`.
 */
examples: Array<string>, 
/**
 * How many lines of the sample (the text's first 256 KiB) look like such labels.
 */
lines: number, };
export type Diagnostic = { kind: DiagnosticKind, message: string, start: number, end: number, };
export type DiagnosticKind = "unattributed-text" | "no-speakers" | "single-use-label" | "alias-suggestion" | "furniture-excluded" | "malformed-cue" | "rolling-captions-deduplicated" | "invalid-label-pattern" | "unknown-stopword-language" | "left-out" | "mid-line-label" | "script-directions" | "unnamed-speaker-changes" | "joint-speaker" | "unknown-speaker";
export type Format = "auto" | "text" | "vtt" | "srt";
export type SourceFormat = "text" | "docx" | "odt" | "rtf" | "html" | "whisper-json" | "assemblyai-json" | "deepgram-json" | "aws-transcribe-json" | "csv" | "pdf";
export type ReadText = { text: string, source: SourceFormat, 
/**
 * What was left out or assumed, each a short phrase for a user:
 * `left out 2 comments and 1 tracked deletion`.
 */
notes: Array<string>, };
export type ReadErrorKind = "unsupported" | "damaged" | "too-large" | "not-utf8" | "utf16";
export type AnalyseOptions = { format?: Format, keepFurniture?: boolean, keepScriptDirections?: boolean, splitJointSpeakers?: boolean, labelPattern?: string, 
/**
 * `{ "Lavrov": "Sergey Lavrov" }`.
 */
aliases?: { [key in string]: string }, splitHyphens?: boolean, stopwords?: StopwordsOption, extraStopwords?: Array<string>, minTermLength?: number, includeNumbers?: boolean, ngramMin?: number, ngramMax?: number, minCount?: number, phraseEdgeStopwords?: boolean, topTerms?: number, topPhrases?: number, topSpeakerTerms?: number, 
/**
 * Group terms by Snowball stem.
 */
stem?: boolean, 
/**
 * Distinctive words are measured against these speakers (one, or a group); absent
 * or empty: against everyone else.
 */
against?: Array<string>, 
/**
 * Speakers left out of the distinctive words' comparison: not scored, and in no
 * reference and not in the prior.
 */
leaveOut?: Array<string>, 
/**
 * The Fightin' Words prior's weight a₀ as a share of the compared words
 * (default 0.1; above 0).
 */
priorWeight?: number, };
export type StopwordsOption = string | Array<string>;
export type KwicHit = { speaker: string, 
/**
 * The text before the match (up to `width` words, within the turn).
 */
left: string, 
/**
 * The match as written.
 */
match: string, right: string, 
/**
 * The match's offsets in the text.
 */
start: number, end: number, 
/**
 * The index of the match's first token.
 */
token: number, 
/**
 * The match is a part of a hyphenated compound token (`CIS` of `CIS-UN`): `matched`,
 * `start` and `end` are the part's, `token` the compound's.
 */
inCompound: boolean, };
export type KwicSort = "position" | "left" | "right";
export type KwicOptions = { 
/**
 * Context on each side, in words (default 8).
 */
width?: number, sort?: KwicSort, 
/**
 * At most this many hits; 0 (the default) means all.
 */
limit?: number, 
/**
 * A one-word query also finds the word inside hyphenated compounds, each such hit
 * marked `inCompound` (default true).
 */
compounds?: boolean, };
export type Dispersion = { 
/**
 * The query, as given.
 */
term: string, count: number, 
/**
 * Token index of each occurrence (out of `tokens`).
 */
positions: Array<number>, 
/**
 * The speaker of each occurrence.
 */
speakers: Array<string>, 
/**
 * Text offset of each occurrence.
 */
starts: Array<number>, 
/**
 * Tokens in the transcript.
 */
tokens: number, 
/**
 * Gries' deviation of proportions, normalised to 0 (perfectly even) … 1 (all in
 * the smallest part): DP = ½·Σ|vᵢ − sᵢ|, DPnorm = DP / (1 − min sᵢ). `None` if
 * the term does not occur.
 */
dp: number | null, };
export type DispersionOptions = { 
/**
 * The corpus parts for DP: `"speakers"` or a number of equal parts (default 10).
 */
parts?: DispersionPartsOption, };
export type DispersionPartsOption = number | string;
export type Distinctive = { term: string, 
/**
 * Occurrences in this speaker's speech.
 */
count: number, 
/**
 * Occurrences in the reference's speech (everyone else's, by default).
 */
otherCount: number, delta: number, z: number, g2: number, logRatio: number, 
/**
 * |z| > 1.96: the difference is significant at p < 0.05 by Fightin' Words.
 */
zSignificant: boolean, 
/**
 * |G²| > 3.84: significant at p < 0.05 by log-likelihood (χ², 1 df).
 */
g2Significant: boolean, };
export type Collocate = { term: string, 
/**
 * Co-occurrences within the window (or occurrences of the bigram).
 */
count: number, nodeCount: number, collocateCount: number, 
/**
 * `None` below [`MI_MIN_COUNT`] co-occurrences.
 */
mi: number | null, t: number, logDice: number, g2: number, };
export type CollocationSort = "logDice" | "mi" | "t" | "g2" | "count";
export type CollocationOptions = { 
/**
 * Words on each side of the node (default 5).
 */
window?: number, 
/**
 * Pairs seen fewer times are left out (default 3; MI needs 5).
 */
minCount?: number, sort?: CollocationSort, 
/**
 * At most this many (default 50; 0 for all).
 */
limit?: number, 
/**
 * Stopwords left out as collocates (default: the detected language's).
 */
stopwords?: StopwordsOption, 
/**
 * Added to the stopwords: a collocate that is one, or a bigram with one, is left out.
 */
extraStopwords?: Array<string>, };
export type Spread = { 
/**
 * Lowest DP first.
 */
even: Array<TermSpread>, 
/**
 * Highest DP first.
 */
uneven: Array<TermSpread>, };
export type TermSpread = { term: string, count: number, dp: number, };
export type SpreadOptions = { 
/**
 * Terms seen fewer times are left out (default 5).
 */
minCount?: number, 
/**
 * `"speakers"` or a number of equal parts (default 10).
 */
parts?: DispersionPartsOption, 
/**
 * How many terms in each list (default 10; 0 for all).
 */
limit?: number, stopwords?: StopwordsOption, 
/**
 * Added to the stopwords: none of them is in either list.
 */
extraStopwords?: Array<string>, };
export type Facts = { 
/**
 * ISO 639-1 codes (and `hinglish`) with a stopword list, sorted.
 */
stopwordLanguages: Array<string>, 
/**
 * Codes with a Snowball stemmer.
 */
stemmerLanguages: Array<string>, 
/**
 * The shortest and longest phrase, in words.
 */
minNgram: number, maxNgram: number, 
/**
 * The name of the pseudo-speaker of text before the first label.
 */
unattributed: string, 
/**
 * The Fightin' Words prior's weight when none is given (`priorWeight`).
 */
defaultPriorWeight: number, };
export type Dynamics = { timing: Timing, turns: number, words: number, 
/**
 * First timed start to last known end (ms).
 */
durationMs: number | null, 
/**
 * Time when at least one turn runs: the union of the turns' intervals (ms).
 */
talkMs: number | null, 
/**
 * Silence between turns: `durationMs − talkMs`.
 */
gapMs: number | null, 
/**
 * How many silences (holes in the union).
 */
gaps: number | null, 
/**
 * Overlapping talk: the sum of the turns' lengths minus `talkMs`.
 */
overlapMs: number | null, 
/**
 * Consecutive turns by different speakers.
 */
switches: number, switchesPerMinute: number | null, switchesPerThousandWords: number | null, 
/**
 * By words, descending; ties by first appearance. Speakers with a turn only.
 */
speakers: Array<SpeakerDynamics>, 
/**
 * Who speaks after whom: the transition matrix's nonzero cells, by `from` then `to`
 * (positions in `speakers`), with each cell's share of its row.
 */
transitions: Array<Transition>, 
/**
 * Parallel to the transcript's turns (`Analysis.turns`).
 */
turnTimes: Array<TurnTime>, questions: Array<QuestionPair>, 
/**
 * By turn, then kind.
 */
interruptions: Array<Interruption>, binsBy: BinUnit, bins: Array<Bin>, };
export type DynamicsOptions = { 
/**
 * Bins of talk over time (default 20; 0 for none; at most 1000).
 */
bins?: number, };
export type Timing = "cues" | "starts" | "none";
export type SpeakerDynamics = { name: string, turns: number, 
/**
 * The words of their turns, as `Analysis.turns` counts them.
 */
words: number, 
/**
 * Of all turns' words; shares sum to 1.
 */
wordShare: number, 
/**
 * The sum of their timed turns' lengths (ms).
 */
speakingMs: number | null, 
/**
 * Of all speakers' speaking time; shares sum to 1.
 */
timeShare: number | null, 
/**
 * Words of their timed turns per minute of those turns.
 */
wordsPerMinute: number | null, 
/**
 * Their longest turn in words (a turn runs until another speaker's label).
 */
longestMonologueWords: number, 
/**
 * Their longest timed turn (ms).
 */
longestMonologueMs: number | null, 
/**
 * Their turns per minute of the whole's duration.
 */
turnsPerMinute: number | null, 
/**
 * Their turns per 1,000 words of the whole.
 */
turnsPerThousandWords: number | null, 
/**
 * Mean silence (ms) between the end of another speaker's turn and the start of
 * theirs, over their turns that follow one with a gap of zero or more (Gong's
 * "patience"); with cues only (starts leave no silence to measure).
 */
meanPauseBeforeMs: number | null, questionsAsked: number, 
/**
 * Questions of others they answered.
 */
questionsAnswered: number, 
/**
 * Mean words of their answers.
 */
meanAnswerWords: number | null, 
/**
 * Interruptions they made and received (each interrupting turn once per pair of
 * speakers, whatever marks it).
 */
interruptionsMade: number, interruptionsReceived: number, };
export type TurnTime = { startMs: number | null, endMs: number | null, 
/**
 * The end is the next timed turn's start ([`Timing::Starts`]).
 */
endInferred: boolean, };
export type Transition = { 
/**
 * Positions in `Dynamics.speakers`.
 */
from: number, to: number, count: number, 
/**
 * Of the row's count: `count` over the sum of the counts from `from`.
 */
share: number, };
export type QuestionPair = { asker: string, 
/**
 * Index of the question turn (into the transcript's turns, as `Analysis.turns`).
 */
questionTurn: number, 
/**
 * The question turn's byte span.
 */
questionStart: number, questionEnd: number, questionWords: number, answerer: string | null, 
/**
 * The answer's first and last turns (equal unless the answerer took several turns in a row).
 */
answerFirstTurn: number | null, answerLastTurn: number | null, 
/**
 * The answer's byte span, from its first turn's start to its last turn's end.
 */
answerStart: number | null, answerEnd: number | null, answerWords: number, 
/**
 * The question's speech: its turn's words as spoken, without the label, markup, cue
 * timings or stage directions, whitespace collapsed.
 */
questionText: string, 
/**
 * The answer's speech, its turns joined by a space (none when unanswered).
 */
answerText: string | null, };
export type Interruption = { kind: InterruptionKind, 
/**
 * Who came in (`None` for crosstalk with no other speaker after it).
 */
interrupter: string | null, 
/**
 * Who was talking.
 */
interrupted: string | null, 
/**
 * The interrupting turn (or, for crosstalk with no one after it, the turn holding it).
 */
turn: number, 
/**
 * What marks it: the cut-off mark, the direction, or the overlapping turn.
 */
start: number, end: number, };
export type InterruptionKind = "cutOff" | "crosstalk" | "overlap";
export type BinUnit = "words" | "time";
export type Bin = { start: number, end: number, 
/**
 * Words in the bin: whole words by position; by time, each timed turn's words
 * spread evenly over its interval (so fractions).
 */
words: number, wordShares: Array<number>, 
/**
 * Talk in the bin (ms), summed over speakers (overlapping turns count each): by time only.
 */
ms: number | null, timeShares: Array<number> | null, };
export type DocumentRow = { name: string, date: string | null, group: string | null, 
/**
 * How its speakers were read: `text`, `vtt` or `srt`.
 */
format: string, 
/**
 * The detected language's code, if any.
 */
language: string | null, 
/**
 * The text's length in bytes (UTF-8).
 */
bytes: number, 
/**
 * Tokens of speech.
 */
words: number, types: number, sentences: number, turns: number, speakers: number, 
/**
 * Its most frequent terms of the term view (at most [`ROW_TOP_TERMS`]).
 */
topTerms: Array<string>, };
export type CorpusDocuments = { rows: Array<DocumentRow>, totals: CorpusTotals, };
export type CorpusTotals = { documents: number, bytes: number, words: number, 
/**
 * Distinct token types across the documents.
 */
types: number, sentences: number, turns: number, 
/**
 * Distinct speakers across the documents (matched by [`crate::speaker_key`]).
 */
speakers: number, 
/**
 * Documents kept whole for the concordance.
 */
kept: number, };
export type CorpusSpeaker = { 
/**
 * The name written for them with most words.
 */
name: string, 
/**
 * Every name written for them, by words.
 */
names: Array<string>, key: string, words: number, turns: number, 
/**
 * Documents they speak in.
 */
documents: number, 
/**
 * Their words, share and turns in each document they speak in, in document order.
 */
perDocument: Array<SpeakerInDocument>, };
export type SpeakerInDocument = { 
/**
 * The document's index.
 */
document: number, words: number, 
/**
 * Of the document's words credited to speakers.
 */
share: number, turns: number, };
export type Trends = { 
/**
 * `picked` (the terms asked for) or `variable` (the most variable).
 */
terms: string, series: Array<TermTrend>, };
export type TermTrend = { term: string, count: number, 
/**
 * Documents it occurs in.
 */
documents: number, 
/**
 * Its count in each document.
 */
counts: Array<number>, 
/**
 * Per 10,000 words of each document (0 in a document without words).
 */
per10k: Array<number>, 
/**
 * Pearson's χ² of its counts against counts in proportion to the documents' words
 * (k − 1 degrees of freedom): how far it is from spread evenly.
 */
chi2: number, 
/**
 * Gries' DP over the documents (0 even, towards 1 in one document).
 */
dp: number, };
export type TrendOptions = { 
/**
 * Terms to follow; none (the default) for the most variable ones.
 */
terms?: Array<string>, 
/**
 * How many of the most variable terms (default 10; 0 for all; at most 1000).
 */
top?: number, };
export type GroupKeyness = { aDocuments: Array<number>, bDocuments: Array<number>, aWords: number, bWords: number, key: Array<Distinctive>, avoided: Array<Distinctive>, };
export type GroupKeynessOptions = { a: DocumentSet, b: DocumentSet, 
/**
 * Terms in each list (default 25; 0 for all; at most 1000).
 */
limit?: number, };
export type DocumentSet = { documents?: Array<number>, group?: string, from?: string, to?: string, rest?: boolean, };
export type DocumentFrequency = { terms: Array<TermFrequency>, phrases: Array<PhraseFrequency>, };
export type TermFrequency = { term: string, documents: number, count: number, };
export type PhraseFrequency = { text: string, n: number, documents: number, count: number, };
export type FrequencyOptions = { 
/**
 * Least number of documents (default 2; at least 1).
 */
minDocuments?: number, 
/**
 * Terms and phrases in each list (default 100; 0 for all).
 */
limit?: number, };
export type CorpusKwic = { hits: Array<CorpusKwicHit>, 
/**
 * Hits before the limit.
 */
total: number, 
/**
 * Documents searched (those kept whole).
 */
searched: number, 
/**
 * Documents not searched: only their counts were kept (see [`crate::CorpusConfig`]).
 */
notKept: number, };
export type CorpusKwicHit = { 
/**
 * The document's index.
 */
document: number, speaker: string, 
/**
 * The text before the match (up to `width` words, within the turn).
 */
left: string, 
/**
 * The match as written.
 */
match: string, right: string, 
/**
 * The match's offsets in the text.
 */
start: number, end: number, 
/**
 * The index of the match's first token.
 */
token: number, 
/**
 * The match is a part of a hyphenated compound token (`CIS` of `CIS-UN`): `matched`,
 * `start` and `end` are the part's, `token` the compound's.
 */
inCompound: boolean, };
