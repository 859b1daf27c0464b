/** The part of `linebreak` (UAX #14, foliojs) that src/lib/scans/reconstructionSvg.ts uses; the package ships no types. */
declare module 'linebreak' {
  export interface Break {
    /** Offset in UTF-16 code units where the next line may start. */
    position: number;
    /** A hard break (a newline), not just an opportunity. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
