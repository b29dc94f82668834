"""Prose: legal bases, tasks, targets and responsibilities written as text."""
