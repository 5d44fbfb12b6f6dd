"""Benchmarks: scripts that print figures and write JSON (`make bench` runs them all).

Convention for every script `python -m bench.<name>` called by `bench.run_all`: it reads
RR_BENCH_DB (a 100k-release database), RR_BENCH_CORPUS (the 100k corpus folder, with
`truth.jsonl`), RR_BENCH_CORPUS_SMALL (the 10k corpus) and RR_BENCH_OUT (a folder for its own
JSON) from the environment, prints a human-readable table, and may end its output with one line
`BENCH-JSON {...}` holding its figures, which run_all collects into the combined report.
"""
