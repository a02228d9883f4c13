"""Reading documents from files and streams."""

from detente.ingest.readers import read_documents

__all__ = ["read_documents"]
