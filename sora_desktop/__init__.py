"""Sora Desktop: generate, watch, keep and export short AI videos."""

__version__ = "0.1.0"
APP_NAME = "Sora Desktop"
APP_ID = "sora-desktop"
ORG_NAME = "Sora Desktop"
