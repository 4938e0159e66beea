"""The warehouse: frames typed as sql/schema.sql, one transaction per batch, the writer lock, the BI snapshot,
Parquet export. flows/store/warehouse.py is the one module that imports duckdb."""
