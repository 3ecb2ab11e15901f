"""A read-only web interface to a saidwhen store: ``saidwhen serve`` (see docs/web.md).

``create_app(db_path)`` builds the FastAPI application; templates and the stylesheet ship with the
package, so the app needs no JavaScript build step and loads nothing from other hosts.
"""

from .app import create_app, serving

__all__ = ["create_app", "serving"]
