"""OptLedger: an append-only, tamper-evident SMS consent ledger for US A2P 10DLC messaging."""

__version__ = "0.1.0"
