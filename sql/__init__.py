"""The SQL of akhbar (schema, views, named queries), shipped inside the wheel as flows.sql."""
