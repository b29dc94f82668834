"""Contract models (pydantic, `schema.plan`) and relational tables (SQLAlchemy, `schema.tables`)."""
