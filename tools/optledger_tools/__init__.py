"""The tools around OptLedger that never run in Lambda: the ``optledger`` command, the local server and emulator.

``pip install -e .`` installs this package beside the domain library (``optledger``); the Lambda layer
(``layers/optledger``) holds only the library.
"""
