/**
 * What the server process writes to stdout (Strapi's request log, one line per request), kept
 * for a test to read while still printed: the tests that check what the log says, and never says.
 */
export interface StdoutCapture {
  /** Every chunk written since `start` (empty it to read one request's lines). */
  lines: string[];
  start(): void;
  stop(): void;
}

export function stdoutCapture(): StdoutCapture {
  const write = process.stdout.write.bind(process.stdout);
  const capture: StdoutCapture = {
    lines: [],
    start: () => {
      process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        capture.lines.push(String(chunk));
        return write(chunk, ...rest);
      }) as typeof process.stdout.write;
    },
    stop: () => {
      process.stdout.write = write;
    },
  };
  return capture;
}
