"""Version diff of two plans."""
