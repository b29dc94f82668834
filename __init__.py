"""kehoach: commune plans (Kế hoạch, Resolution 57-NQ/TW) from PDF to typed, relational data.

Flow: extract (PDF -> pages -> document structure and raw tables) -> normalize (typed
targets, deadlines, agencies, administrative units) -> load/export.
"""

__version__ = "0.1.0"
#: Recorded on every loaded document: bump when extraction output can change.
PIPELINE_VERSION = "0.1.0"
