/**
 * The entry of a stage process (stageProcess.ts): it receives one stage's
 * name and input, runs it, sends back its result and ends, so the memory the
 * stage used goes back to the system at once.
 */
const stages = {
  check: async () => (await import('./checkStage.ts')).runCheck,
  index: async () => (await import('./indexStage.ts')).writeIndex,
};

/** The stages a stage process runs, by name. */
export type Stages = {
  check: typeof import('./checkStage.ts').runCheck;
  index: typeof import('./indexStage.ts').writeIndex;
};

export type StageReply = { ok: true; value: unknown } | { ok: false; message: string };

// Only when forked: importing this module for its types runs nothing.
if (process.send) {
  process.once('message', async ({ stage, input }: { stage: keyof Stages; input: never }) => {
    let reply: StageReply;
    try {
      reply = { ok: true, value: await (await stages[stage]())(input) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(reply, undefined, {}, () => process.exit(0));
  });
}
