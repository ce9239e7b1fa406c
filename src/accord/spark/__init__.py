"""Accord on Spark: `accord spark INPUT... --out DIR` codes articles on a cluster (or `local[*]`)
and writes the contract's records as Parquet; `accord load DIR` stores them (see load.py).

The job (job.py) needs PySpark and Java; the load (load.py) needs neither.
"""
