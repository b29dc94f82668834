"""PDF -> pages (words, rulings) -> document structure and raw tables."""
