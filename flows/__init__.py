"""akhbar: Arabic news articles -> entities, quotes and events in DuckDB.

The core (everything outside flows/ingest.py, flows/serve.py and flows/watch.py) imports without Prefect.
"""

__version__ = "0.1.0"
