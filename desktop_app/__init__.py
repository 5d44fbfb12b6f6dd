"""Release Review: a desktop reviewer for multilingual press releases."""

__version__ = "0.1.0"
APP_NAME = "Release Review"
ORG_NAME = "ReleaseReview"
