// The native core on request (examples/bench_serve.rs) as a child process, for the runs
// that alternate it with the wasm in time: bench/paired.mjs and bench/wasm-profile.mjs.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts `serve` (the built bench_serve), under `wrap` if given (e.g. `perf record …
 * --`): one request line in, one JSON line out.
 */
export function startNative(serve, wrap = []) {
  const [command, ...args] = [...wrap, serve];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const closed = new Promise((done) => child.on('close', done));
  return {
    /** The times of `runs` runs; with `stages`, each run's four stage times. */
    async run(path, runs, stages = false) {
      child.stdin.write(`${runs} ${path}${stages ? ' stages' : ''}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error('bench_serve ended');
      const answer = JSON.parse(value);
      if (!Array.isArray(answer)) throw new Error(`bench_serve: ${answer.error}`);
      return answer;
    },
    /** Ends the child; resolves once it has exited (and a wrapper written its files). */
    stop() {
      child.stdin.end();
      return closed;
    },
  };
}
