"""The loader: the only stage that talks to the database."""
