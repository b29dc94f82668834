"""Tidy dataset exports."""
