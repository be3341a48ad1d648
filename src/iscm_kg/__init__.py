"""ISCM-KG: a knowledge graph of inter-State consultation mechanisms on migration."""

__version__ = "0.1.0"
