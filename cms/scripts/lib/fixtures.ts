/**
 * The fixture format now lives in src/operations/fixtures.ts. This re-export only keeps the
 * benchmark files (bench*.ts, lib/bench-*, which another change is moving to cms/bench/)
 * compiling unchanged; import from src/operations/fixtures.ts, and delete this file when the
 * benchmarks move.
 */
export * from '../../src/operations/fixtures';
