"""Detectors: each reads the shared segmentation and returns spans and metrics."""
