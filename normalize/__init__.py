"""Typed values from free text: targets, deadlines, agencies, administrative units."""
