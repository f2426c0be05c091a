"""The Qt shell: widgets only, fed by ``journal.services``; only ``journal.app`` imports it."""
