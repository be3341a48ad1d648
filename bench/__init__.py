"""Benchmarks of the ISCM-KG service against its engine and its peers (see bench/README.md)."""
