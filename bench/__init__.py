"""akhbar's development tools, beside the package and not shipped in the wheel: quality evaluation (bench/quality,
`akhbar eval`), performance benchmarks (bench/perf, `akhbar bench`), the ANT reader (bench/ant.py), the P/R/F1
helper (bench/figures.py), training and data-building scripts (bench/ner, bench/data)."""
