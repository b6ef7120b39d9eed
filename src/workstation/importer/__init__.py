"""Lead base import (CSV/XLSX) and export (the seeds' processed-base CSV). Qt-free."""
