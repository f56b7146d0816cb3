"""Importing existing consent: opt-in and opt-out lists exported from another system become ``import`` events.

``optledger import FILE.csv`` (DESIGN sections 8 and 9). The file is read whole, hashed (SHA-256 of its bytes) and
each data row is validated on its own (``rows``): a row that fails (invalid number, unknown campaign, bad date, ...)
is reported with its line number and reason and nothing is written for it; the others are appended (``run``) through
the same path as ``POST /consents/events`` (``optledger.offline.record``) with the delivery key
``(import, <file sha256>:<row>)``, so importing the same file again records nothing new, and an import cut short
resumes where it stopped.

Presets map real export formats (``presets``, README "Moving to OptLedger"); ``--map src=dst`` maps any other. Only
the ``optledger`` command imports, so this lives with the tools, not in the Lambda layer.
"""

from optledger_tools.imports.presets import FIELDS, PRESETS, Preset
from optledger_tools.imports.rows import Options, RowError, parse_mapping, parse_when
from optledger_tools.imports.run import Report, import_file, run

__all__ = [
    "FIELDS",
    "PRESETS",
    "Options",
    "Preset",
    "Report",
    "RowError",
    "import_file",
    "parse_mapping",
    "parse_when",
    "run",
]
